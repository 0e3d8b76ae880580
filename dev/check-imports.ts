/**
 * The layering the build enforces: no import cycle anywhere (type imports included, since a type
 * cycle still ties two modules together), no extension page reaching a background-only module
 * (by any path, types included), and `lib/config` never importing `lib/auth`.
 *
 * `npx tsx dev/check-imports.ts` prints what it finds; `tests/unit/layering.test.ts` runs it in
 * `npm test`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** Only the background worker may import these: they hold or change the session's secrets. */
export const BACKGROUND_ONLY = [
  'lib/auth/session-store.ts',
  'lib/auth/refresh.ts',
  'lib/auth/sign-in.ts',
  'lib/auth/sign-out.ts',
  'lib/auth/restore.ts',
  'lib/auth/publish.ts',
  'lib/auth/handlers.ts',
];

/** Folders whose modules must not import the other's: `from` may not import `to`. */
export const FORBIDDEN_DIRECTIONS: ReadonlyArray<{ from: string; to: string }> = [
  { from: 'lib/config/', to: 'lib/auth/' },
];

const SOURCE_ROOTS = ['lib', 'entrypoints', 'components', 'dev', 'tests'];
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.mjs'];

/** Every source file under the roots, as a path relative to `root` with `/` separators. */
function sourceFiles(root: string): string[] {
  const walk = (directory: string): string[] =>
    readdirSync(directory).flatMap((name) => {
      if (name === 'node_modules' || name.startsWith('.')) return [];
      const path = join(directory, name);
      if (statSync(path).isDirectory()) return walk(path);
      return EXTENSIONS.some((extension) => name.endsWith(extension)) ? [path] : [];
    });
  return SOURCE_ROOTS.filter((folder) => existsSync(join(root, folder)))
    .flatMap((folder) => walk(join(root, folder)))
    .map((path) => relative(root, path).split(sep).join('/'));
}

function resolveImport(root: string, from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(root, dirname(from), specifier);
  const candidates = [base, ...EXTENSIONS.map((e) => base + e), join(base, 'index.ts')];
  const found = candidates.find((path) => existsSync(path) && statSync(path).isFile());
  return found && relative(root, found).split(sep).join('/');
}

/** Each file's imports of other source files: values, types, re-exports and dynamic imports. */
export function importGraph(root: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(root)) {
    const { importedFiles } = ts.preProcessFile(readFileSync(join(root, file), 'utf8'), true, true);
    const targets = importedFiles
      .map((imported) => resolveImport(root, file, imported.fileName))
      .filter((target): target is string => target !== undefined && target !== file);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** Strongly connected components of more than one file (Tarjan): each is an import cycle. */
export function importCycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (file: string) => {
    index.set(file, counter);
    low.set(file, counter);
    counter += 1;
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(file, Math.min(low.get(file) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1) cycles.push(component.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return cycles;
}

/** The extension's pages: every entrypoint but the background worker. */
function isPage(file: string): boolean {
  return file.startsWith('entrypoints/') && !file.startsWith('entrypoints/background');
}

/** The shortest import chain from `start` to a file `isTarget` accepts, or undefined. */
function chainTo(
  graph: Map<string, string[]>,
  start: string,
  isTarget: (file: string) => boolean,
): string[] | undefined {
  const previous = new Map<string, string>([[start, start]]);
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (file !== start && isTarget(file)) {
      const chain = [file];
      while (chain[0] !== start) chain.unshift(previous.get(chain[0] as string) as string);
      return chain;
    }
    for (const next of graph.get(file) ?? []) {
      if (previous.has(next)) continue;
      previous.set(next, file);
      queue.push(next);
    }
  }
  return undefined;
}

/** Every layering problem of the source tree at `root`, one line each; empty when all is well. */
export function layeringProblems(root: string): string[] {
  const graph = importGraph(root);
  const problems = importCycles(graph).map((cycle) => `import cycle: ${cycle.join(' <-> ')}`);
  for (const file of [...graph.keys()].filter(isPage)) {
    const chain = chainTo(graph, file, (target) => BACKGROUND_ONLY.includes(target));
    if (chain) problems.push(`page reaches a background-only module: ${chain.join(' -> ')}`);
  }
  for (const [file, targets] of graph) {
    for (const { from, to } of FORBIDDEN_DIRECTIONS) {
      if (!file.startsWith(from)) continue;
      for (const target of targets.filter((t) => t.startsWith(to))) {
        problems.push(`${from} imports ${to}: ${file} -> ${target}`);
      }
    }
  }
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const problems = layeringProblems(resolve(dirname(fileURLToPath(import.meta.url)), '..'));
  for (const problem of problems) console.log(problem);
  console.log(
    problems.length === 0 ? 'Layering: no problem found.' : `${problems.length} problems.`,
  );
  process.exit(problems.length === 0 ? 0 : 1);
}
