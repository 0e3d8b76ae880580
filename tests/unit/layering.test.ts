import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { layeringProblems } from '../../dev/check-imports';

const ROOT = join(import.meta.dirname, '..', '..');

let fixture: string | undefined;

/** A source tree of the given files, in a folder of its own. */
function tree(files: Record<string, string>): string {
  fixture = mkdtempSync(join(tmpdir(), 'passlight-layers-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(fixture, path)), { recursive: true });
    writeFileSync(join(fixture, path), text);
  }
  return fixture;
}

afterEach(() => {
  if (fixture) rmSync(fixture, { recursive: true, force: true });
  fixture = undefined;
});

describe('layering', () => {
  it('holds for Passlight: no cycle, no page reaching a background-only module, config apart from auth', () => {
    expect(layeringProblems(ROOT)).toEqual([]);
  });

  it('finds a cycle made of a type import only', () => {
    const root = tree({
      'lib/a.ts': "import type { B } from './b';\nexport type A = B[];\n",
      'lib/b.ts': "import { type A } from './a';\nexport type B = { a?: A };\n",
      'lib/c.ts': "import type { A } from './a';\n",
    });
    expect(layeringProblems(root)).toEqual(['import cycle: lib/a.ts <-> lib/b.ts']);
  });

  it('finds a page that reaches a background-only module through others, and config importing auth', () => {
    const root = tree({
      'entrypoints/popup/main.tsx': "import { x } from '../../lib/helper';\n",
      'lib/helper.ts': "export type { S } from './auth/session-store';\nexport const x = 1;\n",
      'lib/auth/session-store.ts': 'export type S = string;\n',
      'entrypoints/background.ts': "import '../lib/auth/session-store';\n",
      'lib/config/providers.ts': "import { p } from '../auth/provider';\n",
      'lib/auth/provider.ts': 'export const p = 1;\n',
    });
    expect(layeringProblems(root)).toEqual([
      'page reaches a background-only module: entrypoints/popup/main.tsx -> lib/helper.ts -> lib/auth/session-store.ts',
      'lib/config/ imports lib/auth/: lib/config/providers.ts -> lib/auth/provider.ts',
    ]);
  });
});

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('the message handlers', () => {
  it('are each wrapped by the sender guard', () => {
    const handlers = ['lib', 'entrypoints'].flatMap((folder) =>
      sourceFiles(join(ROOT, folder)).flatMap((path) =>
        [...readFileSync(path, 'utf8').matchAll(/onMessage\(\s*'([^']+)',\s*(\w+)/g)].map(
          ([, name, wrapper]) => ({ name, wrapper }),
        ),
      ),
    );
    expect(handlers.length).toBeGreaterThanOrEqual(12);
    expect(handlers.filter((handler) => handler.wrapper !== 'guarded')).toEqual([]);
  });
});
