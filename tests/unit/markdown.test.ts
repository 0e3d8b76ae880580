import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BlockSplitter, LIVE_BLOCK_LIMIT } from '../../lib/markdown/block-splitter';
import { hostAppearsIn } from '../../lib/markdown/links';
import { renderMarkdown } from '../../lib/markdown/render';
import { StreamingMarkdownView } from '../../lib/markdown/streaming-view';

const { document } = parseHTML('<!doctype html><html><body></body></html>');

/** What the nodes for `markdown` serialize to (a test's way of reading them; the code never does). */
function html(markdown: string): string {
  const holder = document.createElement('div');
  holder.append(renderMarkdown(markdown, document));
  return holder.innerHTML;
}

describe('renderMarkdown', () => {
  it('keeps raw HTML as text, including script and event handlers', () => {
    const holder = document.createElement('div');
    holder.append(
      renderMarkdown('<img src=x onerror=alert(1)> and <script>alert(2)</script>', document),
    );
    expect(holder.querySelector('img, script')).toBeNull();
    expect(holder.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('refuses javascript: and data: links but keeps http(s) and mailto, opening safely', () => {
    expect(html('[x](javascript:alert(1))')).not.toContain('href');
    expect(html('[x](data:text/html,hi)')).not.toContain('href');
    const link = html('[site](https://example.com) [mail](mailto:a@b.c)');
    expect(link).toContain('href="https://example.com/"');
    expect(link).toContain('target="_blank"');
    expect(link).toContain('rel="noopener noreferrer"');
    expect(link).toContain('href="mailto:a@b.c"');
  });

  it('never produces an image element: a markdown image becomes a link that shows its host', () => {
    const out = html('![secret](https://evil.example/?q=token)');
    expect(out).not.toContain('<img');
    expect(out).toContain('[image: secret]');
    expect(out).toContain('href="https://evil.example/?q=token"');
    expect(out).toContain('<span class="md-link-host"> (evil.example)</span>');
  });

  it('renders code blocks with a copy button and the code as text', () => {
    const holder = document.createElement('div');
    holder.append(renderMarkdown('```ts\nconst a = "<b>";\n```', document));
    expect(holder.querySelector('button.code-copy')?.textContent).toBe('Copy code');
    expect(holder.querySelector('.code-head span')?.textContent).toBe('ts');
    expect(holder.querySelector('pre code')?.textContent).toBe('const a = "<b>";\n');
    expect(holder.querySelector('b')).toBeNull();
  });

  it('renders tables, aligned by class, and tight lists without paragraphs', () => {
    expect(html('| a | b |\n|--:|---|\n| 1 | 2 |')).toContain('<th class="md-align-right">a</th>');
    expect(html('- one\n- two')).toBe('<ul><li>one</li><li>two</li></ul>');
    expect(html('3. three\n4. four')).toContain('<ol start="3">');
    expect(html('**b** _i_ ~~s~~ `c`')).toBe(
      '<p><strong>b</strong> <em>i</em> <s>s</s> <code>c</code></p>',
    );
  });
});

describe('links in an answer', () => {
  it('show their host next to text that hides the target, reference-style too', () => {
    const holder = document.createElement('div');
    holder.append(
      renderMarkdown(
        '[your bank](https://evil.example/steal?d=1) and [docs][1]\n\n[1]: https://other.example/x',
        document,
      ),
    );
    const links = [...holder.querySelectorAll('a')];
    expect(links.map((link) => [link.getAttribute('href'), link.dataset.host])).toEqual([
      ['https://evil.example/steal?d=1', 'evil.example'],
      ['https://other.example/x', 'other.example'],
    ]);
    expect(holder.textContent).toBe('your bank (evil.example) and docs (other.example)');
  });

  it('show a mailto: with a subject or body as text, never as a link', () => {
    const holder = document.createElement('div');
    holder.append(
      renderMarkdown(
        '[Contact us](mailto:thief@evil.example?subject=Hi&body=secret%20token)',
        document,
      ),
    );
    expect(holder.querySelector('a')).toBeNull();
    expect(holder.textContent).toBe(
      'Contact us (not a link: mailto:thief@evil.example?subject=Hi&body=secret token)',
    );
    expect(html('[mail](mailto:a@b.c)')).toContain('(mail to a@b.c)');
  });

  it('are known when their host appears in what the person brought', () => {
    expect(hostAppearsIn('www.example.com', ['See https://example.com/page'])).toBe(true);
    expect(hostAppearsIn('docs.example.com', ['Read DOCS.EXAMPLE.COM'])).toBe(true);
    expect(hostAppearsIn('evil.example', ['Explain this.', 'https://example.com/'])).toBe(false);
  });
});

describe('BlockSplitter', () => {
  it('finishes a block at a blank line and keeps the tail open', () => {
    const splitter = new BlockSplitter();
    expect(splitter.append('# Title\n\nSome')).toEqual({ finished: ['# Title\n'], tail: 'Some' });
    expect(splitter.append(' text\n\n- a')).toEqual({ finished: ['Some text\n'], tail: '- a' });
  });

  it('does not split inside a fenced code block, even at blank lines', () => {
    const splitter = new BlockSplitter();
    const { finished, tail } = splitter.append('Intro\n\n```\nline 1\n\nline 2\n```\n\nAfter');
    expect(finished).toEqual(['Intro\n', '```\nline 1\n\nline 2\n```\n']);
    expect(tail).toBe('After');
  });

  it('gives the same blocks however the text is chunked', () => {
    const text = 'A para\n\n```js\nx\n\ny\n```\n\n| t |\n|---|\n| 1 |\n\nEnd.';
    const whole = new BlockSplitter().append(text);
    for (const size of [1, 2, 3, 7]) {
      const splitter = new BlockSplitter();
      const blocks: string[] = [];
      let tail = '';
      for (let start = 0; start < text.length; start += size) {
        const result = splitter.append(text.slice(start, start + size));
        blocks.push(...result.finished);
        tail = result.tail;
      }
      expect(blocks).toEqual(whole.finished);
      expect(tail).toBe(whole.tail);
    }
  });

  it('streams an unclosed fence: only the code that arrived, never the closing line', () => {
    const splitter = new BlockSplitter();
    expect(splitter.append('Intro:\n```js\nconst a')).toEqual({
      finished: ['Intro:\n'],
      tail: '',
      fence: { info: 'js', added: 'const a', opened: true },
    });
    expect(splitter.append(' = 1;\n``')).toEqual({
      finished: [],
      tail: '',
      fence: { info: 'js', added: ' = 1;\n', opened: false },
    });
    // "``" might have closed the fence; it turns out to be code.
    expect(splitter.append('x\n')).toEqual({
      finished: [],
      tail: '',
      fence: { info: 'js', added: '``x\n', opened: false },
    });
    expect(splitter.append('```\nAfter')).toEqual({
      finished: ['```js\nconst a = 1;\n``x\n```\n'],
      tail: 'After',
    });
  });

  describe('work done', () => {
    /** Characters handed back for rendering (tails and streamed code) over a chunked feed. */
    function handedBack(text: string, chunk = 5): { total: number; largest: number } {
      const splitter = new BlockSplitter();
      let total = 0;
      let largest = 0;
      for (let start = 0; start < text.length; start += chunk) {
        const { finished, tail, fence } = splitter.append(text.slice(start, start + chunk));
        const work = tail.length + (fence?.added.length ?? 0) + finished.join('').length;
        total += work;
        largest = Math.max(largest, tail.length);
      }
      return { total, largest };
    }

    it('hands back 400 KB of code in one unclosed fence once, not once per chunk', () => {
      const code = 'let speed = 299792458; // metres per second\n'.repeat(9_100); // about 400 KB
      const { total } = handedBack(`\`\`\`js\n${code}`);
      expect(code.length).toBeGreaterThan(400_000);
      expect(total).toBeLessThanOrEqual(code.length + 16); // and the opening line, once
    });

    it('keeps the re-rendered tail small for a paragraph that never ends', () => {
      const { largest } = handedBack('word '.repeat(80_000), 50); // 400 KB, no line end at all
      expect(largest).toBeLessThanOrEqual(2 * LIVE_BLOCK_LIMIT + 50);
      const lines = handedBack('a line of a very long list\n'.repeat(15_000), 50);
      expect(lines.largest).toBeLessThanOrEqual(LIVE_BLOCK_LIMIT + 64);
    });
  });
});

describe('StreamingMarkdownView', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows a streamed fence in chunks of whole lines whose text is the code', () => {
    vi.stubGlobal('requestAnimationFrame', () => 1);
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
    const container = document.createElement('div');
    const view = new StreamingMarkdownView(container);
    const code = Array.from({ length: 3000 }, (_, n) => `line ${n}`).join('\n');
    const text = `Before.\n\n\`\`\`py\n${code}`;
    for (let start = 0; start < text.length; start += 7) {
      view.append(text.slice(start, start + 7));
      view.flush();
    }
    const pre = container.querySelector('.md-live pre');
    expect(pre?.textContent).toBe(code);
    const chunks = [...(pre?.querySelectorAll('code.md-code-chunk') ?? [])];
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks.slice(0, -1)) {
      expect(chunk.textContent?.endsWith('\n')).toBe(true);
      expect(chunk.textContent?.length).toBeLessThan(4096 + 16);
    }
    expect(container.querySelector('.md-block')?.textContent).toBe('Before.');
    view.append('\n```\n');
    view.flush();
    expect(container.querySelector('.md-live')?.childElementCount).toBe(0);
    expect(container.querySelectorAll('.md-block pre code')).toHaveLength(1);
  });

  it('renders a burst that arrives faster than it can be shown over several frames', () => {
    const frames: Array<() => void> = [];
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => frames.push(callback));
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
    const container = document.createElement('div');
    const view = new StreamingMarkdownView(container);
    const paragraph = `${'and on and on '.repeat(70)}\n\n`; // about 1 KB a block
    view.append(paragraph.repeat(100)); // 100 KB at once
    let rendered = 0;
    while (frames.length > 0) {
      frames.shift()?.();
      const now = container.querySelectorAll('.md-block').length;
      expect(now - rendered).toBeLessThanOrEqual(35); // about 32 KB a frame
      rendered = now;
    }
    expect(rendered).toBe(100);
  });

  it('draws a piece given once per frame in that frame, a burst still at most a frame’s worth', () => {
    const frames: Array<() => void> = [];
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => frames.push(callback));
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
    const container = document.createElement('div');
    const view = new StreamingMarkdownView(container);
    view.appendNow('Light is fast.\n\nAnd');
    expect(container.querySelector('.md-block')?.textContent).toBe('Light is fast.');
    expect(container.querySelector('.md-live')?.textContent).toBe('And');
    expect(frames).toHaveLength(0); // nothing left for a later frame
    const paragraph = `${'and on and on '.repeat(70)}\n\n`;
    view.appendNow(paragraph.repeat(100));
    expect(container.querySelectorAll('.md-block').length).toBeLessThanOrEqual(36);
    while (frames.length > 0) frames.shift()?.();
    expect(container.querySelectorAll('.md-block')).toHaveLength(101);
  });
});
