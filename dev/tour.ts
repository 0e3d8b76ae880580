/**
 * A headless walk through the extension's pages, with a screenshot of each step: what
 * `npm start` does where there is no display, and how the README's pictures are made.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH, extensionArgs } from './chromium';

interface TourStep {
  name: string;
  file: string;
  viewport: { width: number; height: number };
  colorScheme: 'light' | 'dark';
}

/** Popup size as Chromium shows it; the side panel at a common docked width. */
const STEPS: TourStep[] = [
  {
    name: 'welcome',
    file: 'welcome.html',
    viewport: { width: 960, height: 720 },
    colorScheme: 'light',
  },
  {
    name: 'popup',
    file: 'popup.html',
    viewport: { width: 340, height: 260 },
    colorScheme: 'light',
  },
  {
    name: 'popup-dark',
    file: 'popup.html',
    viewport: { width: 340, height: 260 },
    colorScheme: 'dark',
  },
  {
    name: 'side-panel',
    file: 'sidepanel.html',
    viewport: { width: 400, height: 640 },
    colorScheme: 'light',
  },
  {
    name: 'side-panel-dark',
    file: 'sidepanel.html',
    viewport: { width: 400, height: 640 },
    colorScheme: 'dark',
  },
  {
    name: 'options',
    file: 'options.html',
    viewport: { width: 900, height: 640 },
    colorScheme: 'light',
  },
];

async function extensionIdOf(context: BrowserContext): Promise<string> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return new URL(worker.url()).host;
}

async function shoot(
  page: Page,
  step: TourStep,
  extensionId: string,
  outDir: string,
): Promise<string> {
  await page.setViewportSize(step.viewport);
  await page.emulateMedia({ colorScheme: step.colorScheme });
  await page.goto(`chrome-extension://${extensionId}/${step.file}`);
  await page.waitForLoadState('networkidle');
  const file = path.join(
    outDir,
    `${String(STEPS.indexOf(step) + 1).padStart(2, '0')}-${step.name}.png`,
  );
  await page.screenshot({ path: file });
  return file;
}

/** Runs the tour and returns the screenshots' paths, in order. */
export async function runTour(extensionDir: string, outDir: string): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const profile = await mkdtemp(path.join(tmpdir(), 'passlight-tour-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, ...extensionArgs(extensionDir)],
  });
  try {
    const extensionId = await extensionIdOf(context);
    const page = await context.newPage();
    const files: string[] = [];
    for (const step of STEPS) files.push(await shoot(page, step, extensionId, outDir));
    return files;
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}
