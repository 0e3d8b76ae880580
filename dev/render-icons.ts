/**
 * Renders `assets/icon.svg` into the PNG sizes the manifest needs (`public/icon/<size>.png`).
 * Run after changing the drawing: `npm run icons`. Uses the same Chromium as the tests.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { chromium } from '@playwright/test';
import { CHROMIUM_PATH } from './chromium';

const SIZES = [16, 32, 48, 128];

const svg = await readFile(new URL('../assets/icon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox'] });
try {
  const page = await browser.newPage();
  for (const size of SIZES) {
    await page.setViewportSize({ width: size, height: size });
    const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    await page.setContent(
      `<body style="margin:0;background:transparent"><img src="${dataUrl}" width="${size}" height="${size}"></body>`,
    );
    const png = await page.screenshot({ omitBackground: true });
    await writeFile(new URL(`../public/icon/${size}.png`, import.meta.url), png);
    console.log(`public/icon/${size}.png`);
  }
} finally {
  await browser.close();
}
