/**
 * A build step that takes the last `innerHTML` assignments out of the libraries Passlight ships,
 * so that no code in the extension can put a string into the DOM as HTML (Firefox's add-on
 * linter flags each one, and a store reviewer must not have to take them on trust):
 *
 * - Preact's `dangerouslySetInnerHTML`, which Passlight never uses, throws instead of rendering;
 * - Readability (Summarize) copies nodes instead of re-parsing their HTML: it saves and restores
 *   the page it works on, and unwraps `<noscript>` images, both on Passlight's own copy of the page;
 * - highlight.js's `highlightElement`, which Passlight never calls (lowlight hands back a token
 *   tree that lib/markdown/highlighter.ts builds as DOM), throws instead of setting HTML.
 *
 * Each rewrite must match exactly once: a library update that changes the code fails the build
 * here rather than shipping an assignment unnoticed.
 */
import type { Plugin } from 'vite';

interface Rewrite {
  /** Matches the module's resolved path. */
  module: RegExp;
  find: RegExp;
  replace: string;
}

export const REWRITES: Rewrite[] = [
  {
    module: /\/node_modules\/preact\/dist\/preact\.mjs$/,
    find: /\((\w+)\.innerHTML=(\w+)\.__html\)/,
    replace:
      '((()=>{throw new Error("Passlight never renders raw HTML: dangerouslySetInnerHTML is refused.")})())',
  },
  {
    module: /\/node_modules\/@mozilla\/readability\/Readability\.js$/,
    find: /var pageCacheHtml = page\.innerHTML;/,
    replace: 'var pageCacheHtml = page.cloneNode(true);',
  },
  {
    module: /\/node_modules\/@mozilla\/readability\/Readability\.js$/,
    find: /page\.innerHTML = pageCacheHtml;/,
    replace: 'page.replaceChildren(...pageCacheHtml.cloneNode(true).childNodes);',
  },
  {
    module: /\/node_modules\/@mozilla\/readability\/Readability\.js$/,
    find: /tmp\.innerHTML = noscript\.innerHTML;/,
    replace: 'tmp.replaceChildren(...noscript.cloneNode(true).childNodes);',
  },
  {
    module: /\/node_modules\/highlight\.js\/lib\/core\.js$/,
    find: /element\.innerHTML = result\.value;/,
    replace: 'throw new Error("Passlight never renders raw HTML: highlightElement is refused.");',
  },
];

/** Applies the rewrites meant for `id` to its code; throws when one of them finds nothing. */
export function rewriteModule(id: string, code: string): string | undefined {
  const path = id.replaceAll('\\', '/').split('?')[0] ?? '';
  const mine = REWRITES.filter((rewrite) => rewrite.module.test(path));
  if (mine.length === 0) return undefined;
  return mine.reduce((text, rewrite) => {
    const matches = text.match(new RegExp(rewrite.find.source, 'g'))?.length ?? 0;
    if (matches !== 1) {
      throw new Error(
        `no-raw-html: expected one match of ${rewrite.find} in ${path}, found ${matches}. ` +
          'The library changed: update dev/no-raw-html.ts.',
      );
    }
    return text.replace(rewrite.find, rewrite.replace);
  }, code);
}

export function noRawHtml(): Plugin {
  return {
    name: 'passlight-no-raw-html',
    enforce: 'pre',
    transform(code, id) {
      const rewritten = rewriteModule(id, code);
      return rewritten === undefined ? null : { code: rewritten, map: null };
    },
  };
}
