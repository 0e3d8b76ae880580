/** Gzipped JavaScript per entrypoint of a production build, against design.md's budgets. */
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { PROJECT_ROOT } from '../build-extension';

const OUTPUT_DIR = path.join(PROJECT_ROOT, '.output', 'chrome-mv3');

/** Gzipped-JavaScript budgets from design.md, in KB. */
const SIZE_BUDGETS_KB: Record<string, number> = { popup: 25, sidepanel: 80, background: 40 };

/** Every JavaScript file an entry loads: the entry itself and, transitively, its static imports. */
async function moduleGraph(entryFile: string, seen = new Set<string>()): Promise<Set<string>> {
  if (seen.has(entryFile)) return seen;
  seen.add(entryFile);
  const source = await readFile(path.join(OUTPUT_DIR, entryFile), 'utf8');
  for (const match of source.matchAll(/(?:import|from)\s*["']\.{1,2}\/([^"']+\.js)["']/g)) {
    const imported = path.posix.normalize(
      path.posix.join(path.posix.dirname(entryFile), `./${match[1]}`),
    );
    await moduleGraph(imported, seen);
  }
  return seen;
}

async function scriptsOfPage(htmlFile: string): Promise<string[]> {
  const html = await readFile(path.join(OUTPUT_DIR, htmlFile), 'utf8');
  return [...html.matchAll(/<script[^>]+src="\/?([^"]+\.js)"/g)].map((match) => match[1] ?? '');
}

async function gzippedKb(files: Iterable<string>): Promise<number> {
  let total = 0;
  for (const file of files) {
    total += gzipSync(await readFile(path.join(OUTPUT_DIR, file)), { level: 9 }).length;
  }
  return total / 1024;
}

async function entrypointSizes(): Promise<Array<{ name: string; kb: number }>> {
  const manifest = JSON.parse(await readFile(path.join(OUTPUT_DIR, 'manifest.json'), 'utf8'));
  const entries: Array<{ name: string; scripts: string[] }> = [
    { name: 'background', scripts: [manifest.background.service_worker] },
  ];
  for (const page of ['popup', 'sidepanel', 'options', 'welcome']) {
    entries.push({ name: page, scripts: await scriptsOfPage(`${page}.html`) });
  }
  const sizes: Array<{ name: string; kb: number }> = [];
  for (const entry of entries) {
    const files = new Set<string>();
    for (const script of entry.scripts)
      for (const file of await moduleGraph(script)) files.add(file);
    sizes.push({ name: entry.name, kb: await gzippedKb(files) });
  }
  return sizes;
}

/** Builds the store version and prints each entrypoint's gzipped JavaScript. */
export async function reportEntrypointSizes(): Promise<void> {
  console.log('Building the production extension…');
  const build = spawnSync('npx', ['wxt', 'build'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`wxt build failed:\n${build.stdout}${build.stderr}`);
  console.log('\nGzipped JavaScript per entrypoint (the entry and every chunk it imports):');
  for (const { name, kb } of await entrypointSizes()) {
    const budget = SIZE_BUDGETS_KB[name];
    const verdict =
      budget === undefined
        ? ''
        : kb <= budget
          ? `  (budget ${budget} KB: ok)`
          : `  (budget ${budget} KB: OVER)`;
    console.log(`  ${name.padEnd(12)} ${kb.toFixed(1).padStart(6)} KB${verdict}`);
  }
}
