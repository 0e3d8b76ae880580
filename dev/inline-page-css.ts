/**
 * Each page's own stylesheets, written into its HTML as one `<style>`. A linked stylesheet holds
 * the first paint until the browser has fetched it from the extension: about 30 ms of the side
 * panel's lead over an empty page. The pages' CSP then allows exactly these styles, by their
 * SHA-256 (`inlineStyleSources`), and no other inline style.
 *
 * Lazily loaded code lists the stylesheets of every chunk it depends on, a page's own among them,
 * and links any it does not find linked. An inlined stylesheet that lazy code lists is therefore
 * shipped empty: linking it again must not append the page's rules a second time, after the
 * page's later rules, where they would change which rule wins.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin, Rollup } from 'vite';

type OutputBundle = Rollup.OutputBundle;
type OutputChunk = Rollup.OutputChunk;

const STYLESHEET_LINK = /<link rel="stylesheet"(?: crossorigin)? href="\/([^"]+\.css)">\s*/g;
const INLINE_STYLE = /<style>([\s\S]*?)<\/style>/g;
const EMPTIED = '/* In the <style> of the pages that use it (dev/inline-page-css.ts). */\n';

export function inlinePageCss(): Plugin {
  /** For each page's entry chunk, the stylesheets written into that page. */
  const inlinedByEntry = new Map<string, Set<string>>();
  return {
    name: 'passlight-inline-page-css',
    apply: 'build',
    enforce: 'post',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle, chunk, filename }) {
        if (!bundle || !chunk) return html;
        const sheets: string[] = [];
        const inlined = new Set<string>();
        const withoutLinks = html.replace(STYLESHEET_LINK, (_link, fileName: string) => {
          const css = assetText(bundle, fileName, filename);
          // A url() is relative to the stylesheet's folder, and would point elsewhere from the page.
          if (css.includes('url(')) {
            throw new Error(
              `inline-page-css: ${fileName} has a url(); keep such a rule in lazily loaded CSS`,
            );
          }
          sheets.push(css);
          inlined.add(fileName);
          return '';
        });
        if (sheets.length === 0) return html;
        inlinedByEntry.set(chunk.fileName, inlined);
        return withoutLinks.replace('</head>', `<style>${sheets.join('\n')}</style>\n  </head>`);
      },
    },
    // After Vite has written into the lazy chunks the stylesheets they load.
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const listedLater = new Set<string>();
        for (const [entry, inlined] of inlinedByEntry) {
          for (const lazy of chunksReachableFrom(bundle, entry)) {
            for (const fileName of allInlined(inlinedByEntry)) {
              if (!lazy.code.includes(fileName)) continue;
              // Emptied, the file would leave this page without those rules.
              if (!inlined.has(fileName)) {
                throw new Error(
                  `inline-page-css: ${lazy.fileName} loads ${fileName}, which is written into other pages but not into ${entry}'s`,
                );
              }
              listedLater.add(fileName);
            }
          }
        }
        for (const fileName of allInlined(inlinedByEntry)) {
          const asset = bundle[fileName];
          if (asset?.type !== 'asset') continue;
          if (listedLater.has(fileName)) asset.source = EMPTIED;
          else delete bundle[fileName];
        }
      },
    },
  };
}

function assetText(bundle: OutputBundle, fileName: string, page: string): string {
  const asset = bundle[fileName];
  if (asset?.type !== 'asset') {
    throw new Error(`inline-page-css: ${page} links ${fileName}, which is not built`);
  }
  return typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source);
}

function allInlined(inlinedByEntry: Map<string, Set<string>>): Set<string> {
  return new Set([...inlinedByEntry.values()].flatMap((inlined) => [...inlined]));
}

/** Every chunk a page's entry can load, at once or later. */
function chunksReachableFrom(bundle: OutputBundle, entry: string): OutputChunk[] {
  const seen = new Set<string>();
  const queue = [entry];
  const reached: OutputChunk[] = [];
  for (let fileName = queue.pop(); fileName !== undefined; fileName = queue.pop()) {
    const chunk = bundle[fileName];
    if (seen.has(fileName) || chunk?.type !== 'chunk') continue;
    seen.add(fileName);
    reached.push(chunk);
    queue.push(...chunk.imports, ...chunk.dynamicImports);
  }
  return reached;
}

/** The CSP sources (`'sha256-…'`) of every inline `<style>` in the built pages in `outDir`. */
export async function inlineStyleSources(outDir: string): Promise<string[]> {
  const sources = new Set<string>();
  for (const file of await readdir(outDir)) {
    if (!file.endsWith('.html')) continue;
    const html = await readFile(path.join(outDir, file), 'utf8');
    for (const [, css = ''] of html.matchAll(INLINE_STYLE)) {
      sources.add(`'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`);
    }
  }
  return [...sources].sort();
}
