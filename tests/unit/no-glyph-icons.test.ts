/**
 * A convention kept by a test: no page draws an icon with an emoji, a symbol or a full-width
 * glyph, which a machine without that font shows as an empty box. Icons are components/Icon.tsx.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FOLDERS = ['entrypoints', 'components'];
/** Emoji and pictographs, dingbats and miscellaneous symbols, full-width forms, CJK. */
const FONT_DEPENDENT = /[\u{1F300}-\u{1FAFF}\u{2600}-\u{27BF}\u{FF01}-\u{FF5E}\u{3000}-\u{9FFF}]/u;

async function sourceFiles(folder: string): Promise<string[]> {
  const entries = await readdir(path.join(ROOT, folder), { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && /\.(tsx?|html|css)$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe('icons', () => {
  it('no page source uses a font-dependent glyph', async () => {
    const offenders: string[] = [];
    for (const folder of FOLDERS) {
      for (const file of await sourceFiles(folder)) {
        const lines = (await readFile(file, 'utf8')).split('\n');
        lines.forEach((line, index) => {
          if (FONT_DEPENDENT.test(line) && !line.trim().startsWith('//')) {
            offenders.push(`${path.relative(ROOT, file)}:${index + 1}: ${line.trim()}`);
          }
        });
      }
    }
    expect(offenders).toEqual([]);
  });

  it('the check catches a glyph icon', () => {
    for (const glyph of ['🖼', '＋', '☰', '⚙', '設定'])
      expect(FONT_DEPENDENT.test(glyph)).toBe(true);
    for (const text of ['Sign in', '1.0×', 'It’s “fine” — 3…'])
      expect(FONT_DEPENDENT.test(text)).toBe(false);
  });
});
