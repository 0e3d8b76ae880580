import { describe, expect, it } from 'vitest';
import { BlockSplitter } from '../../lib/markdown/block-splitter';
import { renderMarkdown } from '../../lib/markdown/render';

describe('renderMarkdown', () => {
  it('escapes raw HTML, including script and event handlers', () => {
    const html = renderMarkdown('<img src=x onerror=alert(1)> and <script>alert(2)</script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('refuses javascript: and data: links but keeps http(s) and mailto, opening safely', () => {
    expect(renderMarkdown('[x](javascript:alert(1))')).not.toContain('href');
    expect(renderMarkdown('[x](data:text/html,hi)')).not.toContain('href');
    const link = renderMarkdown('[site](https://example.com) [mail](mailto:a@b.c)');
    expect(link).toContain('href="https://example.com" target="_blank" rel="noopener noreferrer"');
    expect(link).toContain('href="mailto:a@b.c"');
  });

  it('never produces an image element: a markdown image becomes a link', () => {
    const html = renderMarkdown('![secret](https://evil.example/?q=token)');
    expect(html).not.toContain('<img');
    expect(html).toContain('[image: secret]');
    expect(html).toContain('href="https://evil.example/?q=token"');
  });

  it('renders code blocks with a copy button and escaped code', () => {
    const html = renderMarkdown('```ts\nconst a = "<b>";\n```');
    expect(html).toContain('<button type="button" class="code-copy">Copy code</button>');
    expect(html).toContain('const a = &quot;&lt;b&gt;&quot;;');
  });

  it('renders tables and lists', () => {
    expect(renderMarkdown('| a | b |\n|---|---|\n| 1 | 2 |')).toContain('<table>');
    expect(renderMarkdown('- one\n- two')).toContain('<li>two</li>');
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
});
