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

export interface RenderCost {
  firstMs: number;
  lastMs: number;
  ratio: number;
}

/** Three runs, the median ratio reported: a garbage collection in one run should not decide. */
export async function measureStreamingRender(
  panel: Page,
  shape: AnswerShape = 'mixed',
): Promise<RenderCost> {
  const runs: RenderCost[] = [];
  for (let run = 0; run < 3; run++) runs.push(await measureOnce(panel, shape));
  runs.sort((a, b) => a.ratio - b.ratio);
  return runs[1] as RenderCost;
}

function measureOnce(panel: Page, shape: AnswerShape): Promise<RenderCost> {
  return panel.evaluate((shape) => {
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
    const chunks: string[] = [];
    for (let offset = 0; offset < size; offset += 5) chunks.push(source.slice(offset, offset + 5));

    const times: number[] = [];
    for (const chunk of chunks) {
      const start = performance.now();
      view.append(chunk);
      view.flush();
      void container.offsetHeight; // include layout, as the screen would pay it
      times.push(performance.now() - start);
    }
    const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
    const firstMs = sum(times.slice(0, 1000));
    const lastMs = sum(times.slice(-1000));
    return { firstMs, lastMs, ratio: lastMs / firstMs };
  }, shape);
}
