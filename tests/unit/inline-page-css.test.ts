/**
 * The pages' own styles written into their HTML, through a real Vite build of two small pages:
 * one stylesheet both pages share, one of each page's own, and lazily loaded code that lists the
 * shared one again.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { afterEach, describe, expect, it } from 'vitest';
import { inlinePageCss, inlineStyleSources } from '../../dev/inline-page-css';

let root = '';

afterEach(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

async function project(files: Record<string, string>): Promise<string> {
  root = await mkdtemp(path.join(tmpdir(), 'passlight-inline-css-'));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), text);
  }
  return root;
}

const page = (script: string) =>
  `<!doctype html><html><head><script type="module" src="./${script}"></script></head><body></body></html>`;

async function buildPages(dir: string, pages: string[]): Promise<string> {
  const outDir = path.join(dir, 'out');
  await build({
    root: dir,
    logLevel: 'silent',
    configFile: false,
    plugins: [inlinePageCss()],
    build: {
      outDir,
      modulePreload: false,
      rollupOptions: { input: pages.map((name) => path.join(dir, name)) },
    },
  });
  return outDir;
}

const twoPages = {
  'shared.css': '.btn { color: #123456; }',
  'a.css': '.a { margin: 3px; }',
  'b.css': '.b { margin: 5px; }',
  'shared.js': "import './shared.css';\nexport const shared = 'shared';",
  'later.js': "import { shared } from './shared.js';\nexport const later = shared + ' later';",
  'a.js':
    "import { shared } from './shared.js';\nimport './a.css';\nconsole.log(shared);\nimport('./later.js').then((m) => console.log(m.later));",
  'b.js': "import { shared } from './shared.js';\nimport './b.css';\nconsole.log(shared);",
  'a.html': page('a.js'),
  'b.html': page('b.js'),
};

describe('inlinePageCss', () => {
  it('writes each page’s stylesheets into one <style>, in their order, and links none', async () => {
    const outDir = await buildPages(await project(twoPages), ['a.html', 'b.html']);
    const a = await readFile(path.join(outDir, 'a.html'), 'utf8');
    const b = await readFile(path.join(outDir, 'b.html'), 'utf8');
    for (const html of [a, b]) expect(html).not.toMatch(/<link rel="stylesheet"/);
    const styleOf = (html: string) => html.match(/<style>([\s\S]*?)<\/style>/)?.[1] ?? '';
    expect(styleOf(a)).toMatch(/#123456[\s\S]*margin: ?3px/);
    expect(styleOf(b)).toMatch(/#123456[\s\S]*margin: ?5px/);
    expect(styleOf(a)).not.toContain('5px');
  });

  it('ships a stylesheet lazy code lists again empty, and drops the rest', async () => {
    const outDir = await buildPages(await project(twoPages), ['a.html', 'b.html']);
    const assets = await readdir(path.join(outDir, 'assets'));
    const sheets = assets.filter((name) => name.endsWith('.css'));
    const code = (
      await Promise.all(
        assets
          .filter((name) => name.endsWith('.js'))
          .map((name) => readFile(path.join(outDir, 'assets', name), 'utf8')),
      )
    ).join('\n');
    // The lazy chunk lists the shared sheet: it is there, with no rule in it.
    expect(sheets).toHaveLength(1);
    const [shared = ''] = sheets;
    expect(code).toContain(shared);
    expect(await readFile(path.join(outDir, 'assets', shared), 'utf8')).not.toContain('{');
  });

  it('refuses lazy code that lists a stylesheet its page does not carry', async () => {
    const dir = await project({
      ...twoPages,
      // b's page loads a's own stylesheet later, through a chunk that a's page has at once.
      'a.js': "import { later } from './later.js';\nimport './a.css';\nconsole.log(later);",
      'later.js': "import './a.css';\nexport const later = 'later';",
      'b.js': "import './b.css';\nimport('./later.js').then((m) => console.log(m.later));",
    });
    await expect(buildPages(dir, ['a.html', 'b.html'])).rejects.toThrow(/not into/);
  });

  it('names each inline style by the SHA-256 of its text, as a CSP source', async () => {
    const outDir = await buildPages(await project(twoPages), ['a.html', 'b.html']);
    const styles = await Promise.all(
      ['a.html', 'b.html'].map(async (name) => {
        const html = await readFile(path.join(outDir, name), 'utf8');
        return html.match(/<style>([\s\S]*?)<\/style>/)?.[1] ?? '';
      }),
    );
    const expected = styles
      .map((css) => `'sha256-${createHash('sha256').update(css).digest('base64')}'`)
      .sort();
    expect(await inlineStyleSources(outDir)).toEqual(expected);
  });
});
