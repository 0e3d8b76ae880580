/**
 * KaTeX's fonts, shipped as files of the extension: the pages' CSP allows fonts from the
 * extension only (`default-src 'self'`), so none may be inlined as a data: URL, and none comes
 * from anywhere else. Every browser Passlight supports reads WOFF2, so the WOFF and TrueType
 * copies KaTeX's stylesheet also lists are dropped rather than shipped unused.
 */
import type { Plugin } from 'vite';

const KATEX_CSS = /\/node_modules\/katex\/dist\/katex(\.min)?\.css$/;
const FALLBACK_SOURCE = /,url\(fonts\/[\w-]+\.(?:woff|ttf)\) format\("(?:woff|truetype)"\)/g;

/** KaTeX's stylesheet with WOFF2 sources only; throws if the stylesheet no longer looks as expected. */
export function woff2Only(css: string): string {
  const faces = css.match(/@font-face/g)?.length ?? 0;
  const fallbacks = css.match(FALLBACK_SOURCE)?.length ?? 0;
  if (faces === 0 || fallbacks !== 2 * faces) {
    throw new Error(
      `katex-fonts: expected two fallback fonts for each of ${faces} font faces, found ${fallbacks}. ` +
        'KaTeX changed: update dev/katex-fonts.ts.',
    );
  }
  return css.replace(FALLBACK_SOURCE, '');
}

/** Never inline a font: a data: font would be refused by the CSP. */
export const inlineNoFonts = (file: string): false | undefined =>
  /\.(woff2?|ttf)$/.test(file) ? false : undefined;

export function katexFonts(): Plugin {
  return {
    name: 'passlight-katex-fonts',
    enforce: 'pre',
    transform(code, id) {
      const path = id.replaceAll('\\', '/').split('?')[0] ?? '';
      return KATEX_CSS.test(path) ? { code: woff2Only(code), map: null } : null;
    },
  };
}
