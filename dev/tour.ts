/**
 * A headless walk through Passlight against the local gateway, with a screenshot of each step:
 * what `npm start` does where there is no display, and how the README's pictures are made.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { launchHeadlessWithExtension } from './chromium';
import type { Gateway } from './gateway';

/** A sample answer that shows what the side panel renders: headings, lists, code. */
export const SAMPLE_ANSWER = [
  'Light covers about **299,792 km every second**, so:',
  '',
  '- sunlight is about 8 minutes and 20 seconds old when it reaches you;',
  '- moonlight is about 1.3 seconds old.',
  '',
  '```js',
  'const secondsFromSun = 149_597_870 / 299_792; // ≈ 499 s',
  '```',
].join('\n');

const POPUP = { width: 340, height: 480 };
const PANEL = { width: 400, height: 680 };

class Tour {
  readonly files: string[] = [];
  constructor(
    private readonly context: BrowserContext,
    private readonly extensionId: string,
    private readonly outDir: string,
  ) {}

  async open(
    file: string,
    viewport: { width: number; height: number },
    dark = false,
  ): Promise<Page> {
    const page = await this.context.newPage();
    await page.setViewportSize(viewport);
    await page.emulateMedia({ colorScheme: dark ? 'dark' : 'light' });
    await page.goto(`chrome-extension://${this.extensionId}/${file}`);
    return page;
  }

  async shoot(page: Page, name: string): Promise<void> {
    await page.waitForTimeout(200); // let fonts and the last frame settle
    const file = path.join(
      this.outDir,
      `${String(this.files.length + 1).padStart(2, '0')}-${name}.png`,
    );
    await page.screenshot({ path: file });
    this.files.push(file);
  }
}

async function walk(tour: Tour, gateway: Gateway): Promise<void> {
  const welcome = await tour.open('welcome.html', { width: 960, height: 720 });
  await tour.shoot(welcome, 'welcome');

  const popup = await tour.open('popup.html', POPUP);
  await popup.getByRole('button', { name: 'Sign in with AI Pass' }).waitFor();
  await tour.shoot(popup, 'popup-signed-out');

  const signInWindow = popup.context().waitForEvent('page');
  await popup.getByRole('button', { name: 'Sign in with AI Pass' }).click();
  const authorize = await signInWindow;
  await authorize.setViewportSize({ width: 520, height: 640 });
  await authorize.getByRole('button', { name: 'Authorize' }).waitFor();
  await tour.shoot(authorize, 'sign-in-page');
  await authorize.getByRole('button', { name: 'Authorize' }).click();
  await popup.getByTestId('remaining').waitFor();
  await tour.shoot(popup, 'popup-signed-in');
  await popup.emulateMedia({ colorScheme: 'dark' });
  await tour.shoot(popup, 'popup-signed-in-dark');

  gateway.control.setReply(SAMPLE_ANSWER);
  const panel = await tour.open('sidepanel.html', PANEL);
  await panel.getByLabel('Your question').fill('How old is the sunlight I see?');
  await panel.getByLabel('Your question').press('Enter');
  await panel.getByRole('button', { name: 'Regenerate' }).waitFor();
  await tour.shoot(panel, 'side-panel');
  await panel.emulateMedia({ colorScheme: 'dark' });
  await tour.shoot(panel, 'side-panel-dark');

  const options = await tour.open('options.html', { width: 900, height: 900 });
  await options.getByLabel('Server URL').waitFor();
  await tour.shoot(options, 'options');
}

/** Runs the tour and returns the screenshots' paths, in order. */
export async function runTour(
  extensionDir: string,
  outDir: string,
  gateway: Gateway,
): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const profile = await mkdtemp(path.join(tmpdir(), 'passlight-tour-'));
  const context = await launchHeadlessWithExtension(profile, extensionDir);
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const tour = new Tour(context, new URL(worker.url()).host, outDir);
    await walk(tour, gateway);
    return tour.files;
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}
