/**
 * A headless walk through Passlight against the local gateway, with a screenshot of each step,
 * light and dark, in English and then in German and Japanese: what `npm start` does where there
 * is no display, and, with `--docs`, how the README's pictures in `docs/screenshots/` are made.
 */
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page, Worker } from '@playwright/test';
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
const WELCOME = { width: 960, height: 720 };
const OPTIONS = { width: 900, height: 900 };

/** The languages shown besides English, and how Settings stores each choice. */
const OTHER_LANGUAGES = ['de', 'ja'] as const;
type Scheme = 'light' | 'dark';

class Tour {
  readonly files: string[] = [];
  constructor(
    private readonly context: BrowserContext,
    private readonly worker: Worker,
    private readonly extensionId: string,
    private readonly outDir: string,
    /** Where the README's pictures go, when they are to be made again. */
    private readonly docsDir?: string,
  ) {}

  async open(file: string, viewport: { width: number; height: number }): Promise<Page> {
    const page = await this.context.newPage();
    await page.setViewportSize(viewport);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(`chrome-extension://${this.extensionId}/${file}`);
    return page;
  }

  /** `docName`: the file name in `docs/screenshots/` this picture is kept under. */
  async shoot(page: Page, name: string, docName?: string): Promise<void> {
    await page.waitForTimeout(200); // let fonts and the last frame settle
    const file = path.join(
      this.outDir,
      `${String(this.files.length + 1).padStart(2, '0')}-${name}.png`,
    );
    await page.screenshot({ path: file });
    this.files.push(file);
    if (docName && this.docsDir) await copyFile(file, path.join(this.docsDir, docName));
  }

  /** The page in light, then in dark; `docNames` for each, in that order. */
  async shootBoth(page: Page, name: string, docNames: Partial<Record<Scheme, string>> = {}) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await this.shoot(page, `${name}-${scheme}`, docNames[scheme]);
    }
    await page.emulateMedia({ colorScheme: 'light' });
  }

  /** Picks a language as Settings does; every open page follows it at once. */
  async speak(language: 'browser' | (typeof OTHER_LANGUAGES)[number], pages: Page[]) {
    await this.worker.evaluate(
      (choice) => chrome.storage.local.set({ 'settings.language': choice }),
      language,
    );
    const lang = language === 'browser' ? 'en' : language;
    for (const page of pages) await page.locator(`html[lang="${lang}"]`).waitFor();
  }
}

async function walk(tour: Tour, gateway: Gateway): Promise<void> {
  const welcome = await tour.open('welcome.html', WELCOME);
  await tour.shootBoth(welcome, 'welcome', { light: 'welcome.png', dark: 'welcome-dark.png' });

  const popup = await tour.open('popup.html', POPUP);
  await popup.getByRole('button', { name: 'Sign in with AI Pass' }).waitFor();
  await tour.shootBoth(popup, 'popup-signed-out');
  for (const language of OTHER_LANGUAGES) {
    await tour.speak(language, [popup, welcome]);
    await tour.shootBoth(popup, `popup-signed-out-${language}`);
    await tour.shootBoth(welcome, `welcome-${language}`);
  }
  await tour.speak('browser', [popup, welcome]);

  const signInWindow = popup.context().waitForEvent('page');
  await popup.getByRole('button', { name: 'Sign in with AI Pass' }).click();
  const authorize = await signInWindow;
  await authorize.setViewportSize({ width: 520, height: 640 });
  await authorize.getByRole('button', { name: 'Authorize' }).waitFor();
  await tour.shoot(authorize, 'sign-in-page', 'sign-in.png');
  await authorize.getByRole('button', { name: 'Authorize' }).click();
  await popup.getByTestId('remaining').waitFor();
  await tour.shootBoth(popup, 'popup-signed-in', { light: 'popup.png', dark: 'popup-dark.png' });

  gateway.control.setReply(SAMPLE_ANSWER);
  const panel = await tour.open('sidepanel.html', PANEL);
  await panel.getByLabel('Your question').fill('How old is the sunlight I see?');
  await panel.getByLabel('Your question').press('Enter');
  await panel.getByRole('button', { name: 'Regenerate' }).waitFor();
  await tour.shootBoth(panel, 'side-panel', {
    light: 'side-panel.png',
    dark: 'side-panel-dark.png',
  });

  const options = await tour.open('options.html', OPTIONS);
  await options.getByLabel('Server URL').waitFor();
  await tour.shootBoth(options, 'options', { light: 'options.png', dark: 'options-dark.png' });

  for (const language of OTHER_LANGUAGES) {
    await tour.speak(language, [popup, panel, options]);
    await tour.shootBoth(popup, `popup-signed-in-${language}`, {
      light: `popup-${language}-light.png`,
      dark: `popup-${language}-dark.png`,
    });
    await tour.shootBoth(panel, `side-panel-${language}`, {
      light: `sidepanel-${language}-light.png`,
      dark: `sidepanel-${language}-dark.png`,
    });
    await tour.shootBoth(options, `options-${language}`);
  }
  await tour.speak('browser', [popup, panel, options]);
}

/** Runs the tour and returns the screenshots' paths, in order. */
export async function runTour(
  extensionDir: string,
  outDir: string,
  gateway: Gateway,
  docsDir?: string,
): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const profile = await mkdtemp(path.join(tmpdir(), 'passlight-tour-'));
  const context = await launchHeadlessWithExtension(profile, extensionDir);
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const tour = new Tour(context, worker, new URL(worker.url()).host, outDir, docsDir);
    await walk(tour, gateway);
    return tour.files;
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}
