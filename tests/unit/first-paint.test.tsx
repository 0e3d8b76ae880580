/**
 * What loads after first paint loses nothing meanwhile: an answer that streams in before the
 * markdown renderer has arrived is shown whole, and finished, once it has. The renderer's arrival
 * is held back by a deferred promise, so the order is the test's, not the machine's.
 */
import { signal } from '@preact/signals';
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const rendererArrives = vi.hoisted(() => {
  let resolve = () => {};
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
});

vi.mock('../../lib/markdown/streaming-view', async (importOriginal) => {
  await rendererArrives.promise;
  return importOriginal();
});

const { document, window } = parseHTML('<!doctype html><html><body></body></html>');
const globals = globalThis as unknown as Record<string, unknown>;
const saved = { ...globals };

beforeAll(() => {
  // The view draws once per frame; here a frame is the next task.
  globals.requestAnimationFrame = (draw: () => void) => setTimeout(draw, 0);
  globals.cancelAnimationFrame = (id: number) => clearTimeout(id);
  globals.document = document;
  globals.window = window;
});

afterAll(() => {
  for (const key of ['requestAnimationFrame', 'cancelAnimationFrame', 'document', 'window'])
    globals[key] = saved[key];
});

describe('an answer before the markdown renderer has arrived', () => {
  it('is kept in its signal and shown whole, finished, once the renderer is there', async () => {
    const { Markdown, markdownRenderer } = await import('../../components/Markdown');
    const text = signal('');
    const arrived = signal<{ text: string } | null>(null);
    const complete = signal(false);
    const root = document.createElement('div');
    document.body.append(root);
    await act(() => {
      render(<Markdown text={text} arrived={arrived} complete={complete} />, root);
    });

    // The whole answer streams in, and ends, before the renderer arrives.
    for (const piece of ['# Light\n\n', 'It is **fast**.\n\n', '```js\nconst c = 1;\n']) {
      arrived.value = { text: piece };
      text.value += piece;
    }
    complete.value = true;
    const markdown = root.querySelector('.markdown') as HTMLElement;
    expect(markdown.textContent).toBe('');

    await act(async () => {
      rendererArrives.resolve();
      await markdownRenderer.load();
    });
    expect(markdown.querySelector('h1')?.textContent).toBe('Light');
    expect(markdown.querySelector('strong')?.textContent).toBe('fast');
    // Finished: the fence the answer never closed is a finished code block, not a live one.
    expect(markdown.querySelector('.md-block pre')?.textContent).toBe('const c = 1;\n');
    expect(markdown.querySelector('.md-live')?.childElementCount).toBe(0);

    // And it follows what comes after, as before.
    await act(() => {
      complete.value = false;
      arrived.value = null;
      text.value = 'Edited.';
    });
    await new Promise((done) => setTimeout(done, 0)); // the next frame
    expect(markdown.textContent).toContain('Edited.');
    render(null, root);
  });
});
