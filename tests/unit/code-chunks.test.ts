import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { CodeChunks } from '../../lib/markdown/code-chunks';

const { document } = parseHTML('<!doctype html><html><body></body></html>');

function streamed(code: string, pieceSize: number): HTMLElement {
  const pre = document.createElement('pre');
  const chunks = new CodeChunks(pre);
  for (let start = 0; start < code.length; start += pieceSize) {
    chunks.append(code.slice(start, start + pieceSize));
  }
  return pre;
}

/** The most element children any element under `root` (and `root` itself) has. */
function widest(root: Element): number {
  return Math.max(
    root.childElementCount,
    ...[...root.querySelectorAll('*')].map((element) => element.childElementCount),
  );
}

describe('CodeChunks', () => {
  it('keeps 400 KB of code in order, in line-ended chunks, no element with more than 8 children', () => {
    const code = Array.from(
      { length: 11_000 },
      (_, n) => `const speed${n} = 299792458; // m/s`,
    ).join('\n');
    const pre = streamed(code, 5);
    expect(pre.textContent).toBe(code);
    const chunks = [...pre.querySelectorAll('code.md-code-chunk')];
    expect(chunks.length).toBeGreaterThan(80);
    for (const chunk of chunks.slice(0, -1)) {
      expect(chunk.textContent?.endsWith('\n')).toBe(true);
      expect(chunk.textContent?.length).toBeLessThan(4096 + 64);
    }
    expect(widest(pre)).toBeLessThanOrEqual(8);
    // One child of the <pre> per level: 8 chunks, then 64, then the rest.
    expect(pre.childElementCount).toBe(3);
    expect(pre.querySelectorAll('.md-code-chunk .md-code-group')).toHaveLength(0);
  });

  it('fills the chunk that is open rather than starting one per piece', () => {
    const pre = streamed('short\ncode\n', 1);
    expect(pre.querySelectorAll('code.md-code-chunk')).toHaveLength(1);
    expect(pre.textContent).toBe('short\ncode\n');
  });

  it('cuts a line that never ends at 16 KB', () => {
    const line = 'x'.repeat(50_000);
    const pre = streamed(line, 1000);
    const sizes = [...pre.querySelectorAll('code.md-code-chunk')].map(
      (chunk) => chunk.textContent?.length,
    );
    expect(sizes).toEqual([16_384, 16_384, 16_384, 50_000 - 3 * 16_384]);
  });
});
