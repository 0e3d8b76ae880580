import { parseHTML } from 'linkedom';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadHighlighter, MAX_HIGHLIGHTED_CHARS } from '../../lib/markdown/code-highlight';
import { loadTypesetter } from '../../lib/markdown/math';
import { renderMarkdown } from '../../lib/markdown/render';
import { StreamingMarkdownView } from '../../lib/markdown/streaming-view';

const { document } = parseHTML('<!doctype html><html><body></body></html>');
Object.defineProperty(document, 'compatMode', { value: 'CSS1Compat' }); // for KaTeX

function shown(markdown: string): HTMLElement {
  const holder = document.createElement('div');
  holder.append(renderMarkdown(markdown, document));
  return holder;
}

const tokens = (root: ParentNode, kind: string) =>
  [...root.querySelectorAll(`.hljs-${kind}`)].map((token) => token.textContent);

describe('code blocks before the highlighter has arrived', () => {
  it('show plain code, then are highlighted in place', async () => {
    const holder = document.createElement('div');
    document.body.append(holder);
    holder.append(renderMarkdown('```python\ndef f():\n    return 1\n```', document));
    const code = holder.querySelector('pre code');
    expect(code?.children).toHaveLength(0);
    await loadHighlighter();
    expect(tokens(holder, 'keyword')).toEqual(['def', 'return']);
    expect(code?.textContent).toBe('def f():\n    return 1\n');
    holder.remove();
  });
});

describe('highlighted code blocks', () => {
  beforeAll(() => loadHighlighter());

  it('are tokens as spans over the same text', () => {
    const holder = shown('```ts\nconst a: number = 1; // one\nlet b = "<b>x</b>";\n```');
    const code = holder.querySelector('pre code.md-highlighted');
    expect(code?.textContent).toBe('const a: number = 1; // one\nlet b = "<b>x</b>";\n');
    expect(tokens(holder, 'keyword')).toEqual(['const', 'let']);
    expect(tokens(holder, 'built_in')).toEqual(['number']);
    expect(tokens(holder, 'comment')).toEqual(['// one']);
    expect(tokens(holder, 'string')).toEqual(['"<b>x</b>"']);
    expect(holder.querySelector('b')).toBeNull();
  });

  it('keep HTML in the code as text, whatever the language', () => {
    const html = '<script>alert(1)</script>\n<img src=x onerror="alert(2)">\n';
    for (const language of ['html', 'xml', 'markdown', 'js']) {
      const holder = shown(`\`\`\`${language}\n${html}\`\`\``);
      expect(holder.querySelector('pre code')?.textContent).toBe(html);
      expect(holder.querySelector('script, img, [onerror], [src]')).toBeNull();
    }
    expect(tokens(shown(`\`\`\`html\n${html}\`\`\``), 'name')).toContain('script');
  });

  it('know the common languages by their usual names', () => {
    for (const language of ['js', 'typescript', 'py', 'sh', 'bash', 'json', 'rust', 'go', 'sql']) {
      const holder = shown(`\`\`\`${language}\nif (true) { return "x" }\n\`\`\``);
      expect(holder.querySelector('code.md-highlighted'), language).not.toBeNull();
    }
  });

  it('stay plain for an unknown language, no language, or code too long to highlight', () => {
    for (const markdown of [
      '```brainfudge\nif x\n```',
      '```\nif x\n```',
      '    if x indented',
      `\`\`\`js\n${'let x = 1;\n'.repeat(MAX_HIGHLIGHTED_CHARS / 10)}\`\`\``,
    ]) {
      const code = shown(markdown).querySelector('pre code');
      expect(code?.children).toHaveLength(0);
      expect(code?.classList.contains('md-highlighted')).toBe(false);
    }
  });
});

describe('streaming an answer with math and code', () => {
  afterEach(() => vi.unstubAllGlobals());

  beforeAll(async () => {
    vi.stubGlobal('document', document);
    await Promise.all([loadHighlighter(), loadTypesetter()]);
  });

  function streamingView() {
    vi.stubGlobal('requestAnimationFrame', () => 1);
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
    vi.stubGlobal('document', document);
    const container = document.createElement('div');
    return { container, view: new StreamingMarkdownView(container) };
  }

  it('keeps an open fence plain and highlights it once it closes', () => {
    const { container, view } = streamingView();
    const text = 'Here:\n\n```js\nconst a = 1;\nconst b = 2;\n';
    for (const piece of text.match(/[\s\S]{1,3}/g) ?? []) {
      view.append(piece);
      view.flush();
      expect(container.querySelector('.md-live .hljs-keyword')).toBeNull();
    }
    expect(container.querySelector('.md-live pre')?.textContent).toBe(
      'const a = 1;\nconst b = 2;\n',
    );
    view.append('```\n');
    view.flush();
    expect(container.querySelector('.md-live pre')).toBeNull();
    expect(tokens(container, 'keyword')).toEqual(['const', 'const']);
  });

  it('finishes a fence the complete answer never closed, and highlights it', () => {
    const { container, view } = streamingView();
    view.append('Text.\n\n```py\nimport os\n```');
    view.flush();
    expect(container.querySelector('.md-live pre')?.textContent).toBe('import os\n');
    expect(container.querySelector('.hljs-keyword')).toBeNull();
    view.finish();
    expect(container.querySelector('.md-live')?.childElementCount).toBe(0);
    expect(container.querySelectorAll('.md-block pre code')).toHaveLength(1);
    expect(tokens(container, 'keyword')).toEqual(['import']);
    expect(container.querySelector('pre')?.textContent).toBe('import os\n');
  });

  it('does no more work per chunk at the end of a long answer than at its start', () => {
    const { container, view } = streamingView();
    const section = (n: number) =>
      `Step ${n}: the energy $E_{${n}} = m c^2$ and \\(x_${n}\\), where $5 and $6 are prices.\n\n` +
      `$$\n\\sum_{k=1}^{${n}} k = \\frac{${n}(${n}+1)}{2}\n$$\n\n` +
      `\`\`\`ts\nconst step${n}: number = ${n}; // step\n\`\`\`\n\n`;
    let source = '';
    for (let n = 0; source.length < 16_000; n++) source += section(n);
    const chunks = source.match(/[\s\S]{1,5}/g) ?? [];
    /** Nodes built per chunk: the re-rendered tail, and the blocks finished by that chunk. */
    const work: number[] = [];
    const [done, live] = [...container.children] as [Element, Element];
    let lastBlock: Element | null = null;
    /** The blocks after `lastBlock`, walking on from it (not over the whole answer). */
    const blocksAdded = (): Element[] => {
      const added: Element[] = [];
      let next = lastBlock
        ? (lastBlock.nextElementSibling ??
          lastBlock.parentElement?.nextElementSibling?.firstElementChild)
        : done.firstElementChild?.firstElementChild;
      for (
        ;
        next;
        next = next.nextElementSibling ?? next.parentElement?.nextElementSibling?.firstElementChild
      ) {
        added.push(next);
        lastBlock = next;
      }
      return added;
    };
    for (const chunk of chunks) {
      view.append(chunk);
      view.flush();
      const nodes = (root: Element) => root.querySelectorAll('*').length;
      work.push(nodes(live) + blocksAdded().reduce((total, block) => total + nodes(block), 0));
    }
    const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
    expect(chunks.length).toBeGreaterThan(3_000);
    expect(sum(work.slice(-1000))).toBeLessThanOrEqual(1.5 * sum(work.slice(0, 1000)));
    // And the answer did come out typeset and highlighted, all of it.
    const sections = container.querySelectorAll('.md-math-display').length;
    expect(sections).toBeGreaterThan(50);
    expect(container.querySelectorAll('.md-math .katex')).toHaveLength(3 * sections);
    expect(container.querySelectorAll('code.md-highlighted')).toHaveLength(sections);
    expect(container.querySelector('.md-math-error')).toBeNull();
  }, 60_000); // linkedom is slow to build thousands of formulas; the figures above are counts
});
