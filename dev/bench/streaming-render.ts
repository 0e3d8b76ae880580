/**
 * The cost of showing a long streamed answer: chunks of markdown fed to the real
 * StreamingMarkdownView in Chromium, one render per chunk (the worst case: the panel renders at
 * most once per frame). Budget: the last 1,000 chunks cost at most 1.5× the first 1,000.
 *
 * Two answers: 20,000 chunks of mixed markdown, and 400 KB of code in one code fence that is
 * never closed (80,000 chunks), which must stay as flat as plain text.
 */

/** `mixed`: paragraphs, a list, a table and code, over and over. `fence`: one unclosed fence. */
export type AnswerShape = 'mixed' | 'fence';

import type { Page } from '@playwright/test';
import { median } from './browser';

export interface RenderCost {
  firstMs: number;
  lastMs: number;
  ratio: number;
}

/**
 * The first 1,000 chunks and the last 1,000 are timed in turns, five times each, and the medians
 * compared: a busy moment of the machine then weighs on both alike, where timing one answer from
 * start to end would charge it to whichever end it fell on. For the last 1,000, a fresh view is
 * first given everything before them in one piece (untimed): the same blocks, groups and code
 * chunks as streaming it would leave.
 */
const ROUNDS = 5;

export async function measureStreamingRender(
  panel: Page,
  shape: AnswerShape = 'mixed',
): Promise<RenderCost> {
  const first: number[] = [];
  const last: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    first.push(await timeChunks(panel, shape, 'first'));
    last.push(await timeChunks(panel, shape, 'last'));
  }
  const firstMs = median(first);
  const lastMs = median(last);
  return { firstMs, lastMs, ratio: lastMs / firstMs };
}

function timeChunks(panel: Page, shape: AnswerShape, end: 'first' | 'last'): Promise<number> {
  return panel.evaluate(
    ({ shape, end }) => {
      type View = { append(piece: string): void; flush(): void };
      const { StreamingMarkdownView } = (
        globalThis as unknown as {
          passlightTest: { StreamingMarkdownView: new (container: HTMLElement) => View };
        }
      ).passlightTest;
      const container = document.createElement('div');
      container.className = 'markdown';
      document.body.replaceChildren(container);
      const view = new StreamingMarkdownView(container);

      // A realistic answer: paragraphs, a list, a table and code, over and over.
      const section = (n: number) =>
        `## Part ${n}\n\nLight travels **fast**, about 300,000 km per second; Grüße, 你好 🚀.\n\n` +
        `- first point ${n}\n- second point with \`code\`\n\n| a | b |\n|---|---|\n| ${n} | ${n + 1} |\n\n` +
        '```js\nconst speed = 299792458;\nconsole.log(speed);\n```\n\n';
      const codeLine = (n: number) => `const speed${n} = 299792458; // metres per second\n`;
      const size = shape === 'fence' ? 400_000 : 20_000 * 5;
      let source = shape === 'fence' ? '```js\n' : '';
      for (let n = 0; source.length < size; n++)
        source += shape === 'fence' ? codeLine(n) : section(n);
      source = source.slice(0, size);

      const timed = 1000 * 5;
      const from = end === 'first' ? 0 : size - timed;
      if (from > 0) {
        view.append(source.slice(0, from));
        view.flush();
        void container.offsetHeight;
      }
      let total = 0;
      for (let offset = from; offset < from + timed; offset += 5) {
        const start = performance.now();
        view.append(source.slice(offset, offset + 5));
        view.flush();
        void container.offsetHeight; // include layout, as the screen would pay it
        total += performance.now() - start;
      }
      return total;
    },
    { shape, end },
  );
}
