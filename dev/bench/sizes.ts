/** Gzipped JavaScript per entrypoint of a production build, against design.md's budgets. */
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { PROJECT_ROOT } from '../build-extension';

const OUTPUT_DIR = path.join(PROJECT_ROOT, '.output', 'chrome-mv3');

/** Budgets for the JavaScript needed before first paint, gzipped, in KB. */
const SIZE_BUDGETS_KB: Record<string, number> = { popup: 20, sidepanel: 60, background: 40 };

const STATIC_IMPORT = /(?:import|from)\s*["']\.{1,2}\/([^"']+\.js)["']/g;
/** The bundler writes a dynamic import's path as a string or a template literal. */
const DYNAMIC_IMPORT = /import\(\s*["'`]\.{1,2}\/([^"'`]+\.js)["'`]\s*\)/g;

function resolveImport(fromFile: string, specifier: string): string {
  return path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), `./${specifier}`));
}

/**
 * Every JavaScript file an entry loads before it can paint: the entry itself and, transitively,
 * its static imports. Dynamic imports met on the way are collected in `later`.
 */
async function moduleGraph(
  entryFile: string,
  seen = new Set<string>(),
  later = new Set<string>(),
): Promise<{ seen: Set<string>; later: Set<string> }> {
  if (seen.has(entryFile)) return { seen, later };
  seen.add(entryFile);
  const source = await readFile(path.join(OUTPUT_DIR, entryFile), 'utf8');
  for (const match of source.matchAll(DYNAMIC_IMPORT))
    later.add(resolveImport(entryFile, match[1] ?? ''));
  for (const match of source.matchAll(STATIC_IMPORT)) {
    await moduleGraph(resolveImport(entryFile, match[1] ?? ''), seen, later);
  }
  return { seen, later };
}

/** What the lazily loaded chunks bring that first paint has not already loaded. */
async function lazyGraph(roots: Set<string>, loaded: Set<string>): Promise<Set<string>> {
  const lazy = new Set<string>();
  const queue = [...roots];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (loaded.has(file) || lazy.has(file)) continue;
    const { seen, later } = await moduleGraph(file);
    for (const each of seen) if (!loaded.has(each)) lazy.add(each);
    queue.push(...later);
  }
  return lazy;
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

interface EntrypointSize {
  name: string;
  /** Needed before first paint: the static import graph. */
  kb: number;
  /** Loaded later, through dynamic imports. */
  laterKb: number;
}

async function entrypointSizes(): Promise<EntrypointSize[]> {
  const manifest = JSON.parse(await readFile(path.join(OUTPUT_DIR, 'manifest.json'), 'utf8'));
  const entries: Array<{ name: string; scripts: string[] }> = [
    { name: 'background', scripts: [manifest.background.service_worker] },
  ];
  for (const page of ['popup', 'sidepanel', 'options', 'welcome']) {
    entries.push({ name: page, scripts: await scriptsOfPage(`${page}.html`) });
  }
  const sizes: EntrypointSize[] = [];
  for (const entry of entries) {
    const files = new Set<string>();
    const later = new Set<string>();
    for (const script of entry.scripts) await moduleGraph(script, files, later);
    const lazy = await lazyGraph(later, files);
    sizes.push({ name: entry.name, kb: await gzippedKb(files), laterKb: await gzippedKb(lazy) });
  }
  return sizes;
}

/** Builds the store version and prints each entrypoint's gzipped JavaScript. */
export async function reportEntrypointSizes(): Promise<void> {
  console.log('Building the production extension…');
  const build = spawnSync('npx', ['wxt', 'build'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`wxt build failed:\n${build.stdout}${build.stderr}`);
  console.log(
    '\nGzipped JavaScript per entrypoint: before first paint (the entry and its static imports), and loaded later:',
  );
  for (const { name, kb, laterKb } of await entrypointSizes()) {
    const budget = SIZE_BUDGETS_KB[name];
    const verdict =
      budget === undefined
        ? ''
        : kb <= budget
          ? `  (budget ${budget} KB: ok)`
          : `  (budget ${budget} KB: OVER)`;
    const lazy = laterKb > 0 ? `, later ${laterKb.toFixed(1)} KB` : '';
    console.log(`  ${name.padEnd(12)} ${kb.toFixed(1).padStart(6)} KB${verdict}${lazy}`);
  }
}
