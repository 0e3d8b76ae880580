/**
 * Firefox with the built add-on, driven by puppeteer-core over WebDriver BiDi (Playwright cannot
 * load Firefox add-ons), for the Firefox tests, `npm start -- --firefox` and its tour. The add-on gets a fixed internal UUID, so its pages have known
 * `moz-extension://` addresses; one of its pages stays open as `control`, from which a test uses
 * the extension's own APIs and reaches the background page.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FIREFOX_ADDON_ID } from './extension-identity';

export const FIREFOX_PATH = process.env.PASSLIGHT_FIREFOX ?? '/usr/bin/firefox-esr';
const ADDON_UUID = '6e1c2f0a-7d3b-4c8e-9a51-2b7f4d8e0c11';
export const EXTENSION_ORIGIN = `moz-extension://${ADDON_UUID}`;

export interface FirefoxWithExtension {
  browser: Browser;
  /** An extension page kept open to call extension APIs from. */
  control: Page;
  /** Opens one of the extension's pages (`popup.html`, `sidepanel.html`, …) in a new tab. */
  open(file: string): Promise<Page>;
  close(): Promise<void>;
}

/** Runs `check` until it returns true, for at most `ms` milliseconds. */
export async function waitUntil(
  what: string,
  check: () => Promise<boolean>,
  ms = 10_000,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out waiting until ${what}.`);
}

/**
 * Loads `url` in `page`. Firefox reports no BiDi navigation events for its privileged
 * `moz-extension://` pages, so the navigation itself never settles: the page is watched instead.
 */
export async function goto(page: Page, url: string): Promise<void> {
  page.goto(url, { timeout: 0 }).catch(() => undefined);
  await waitUntil(`${url} has loaded`, () =>
    page.evaluate(
      (expected) => location.href === expected && document.readyState === 'complete',
      url,
    ),
  );
}

export interface FirefoxLaunchOptions {
  /** Default true. */
  headless?: boolean;
  /** The colour scheme pages see; default the system's. */
  colorScheme?: 'light' | 'dark';
  /** More preferences, for a test that needs them. */
  prefs?: Record<string, unknown>;
}

/** What a browser nobody looks at or listens to needs; a window on a display keeps its defaults. */
const HEADLESS_PREFS = {
  // No one can answer the doorhanger of `permissions.request`: grant at once.
  'extensions.webextOptionalPermissionPrompts': false,
  // Firefox's own stand-in audio output: a machine without a sound device (CI) still plays
  // Read aloud to its end, as Chromium's headless audio does.
  'media.cubeb.force_mock_context': true,
};

/** Firefox's override of `prefers-color-scheme` for web content, extension pages included. */
const COLOR_SCHEME_OVERRIDE = { dark: 0, light: 1 } as const;

export async function launchFirefox(
  extensionDir: string,
  { headless = true, colorScheme, prefs = {} }: FirefoxLaunchOptions = {},
): Promise<FirefoxWithExtension> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless,
    enableExtensions: true,
    // BiDi may open the add-on's moz-extension:// pages only with system access.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ADDON_ID]: ADDON_UUID }),
      ...(headless ? HEADLESS_PREFS : {}),
      ...(colorScheme
        ? { 'layout.css.prefers-color-scheme.content-override': COLOR_SCHEME_OVERRIDE[colorScheme] }
        : {}),
      ...prefs,
    },
  });
  await browser.installExtension(extensionDir);
  const open = async (file: string) => {
    const page = await browser.newPage();
    await goto(page, `${EXTENSION_ORIGIN}/${file}`);
    return page;
  };
  const control = await open('welcome.html');
  return { browser, control, open, close: () => browser.close() };
}

/** Resolves with the next page that shows an address starting with `prefix`. */
export async function nextPageAt(browser: Browser, prefix: string): Promise<Page> {
  const target = await browser.waitForTarget((t) => t.url().startsWith(prefix), {
    timeout: 10_000,
  });
  const page = await target.page();
  if (!page) throw new Error(`The target at ${target.url()} is not a page.`);
  return page;
}

/** Clicks the first element matching `selector` whose text contains `text`, as a person would. */
export async function clickText(page: Page, selector: string, text: string): Promise<void> {
  await page.locator(`${selector}::-p-text(${text})`).click();
}

/** The visible text of the page. */
export function textOf(page: Page): Promise<string> {
  return page.evaluate(() => document.body.innerText);
}

/** Clicks Sign in in the popup, then Authorize in the gateway's window that `launchWebAuthFlow` opens. */
export async function signInFromPopup(
  browser: Browser,
  popup: Page,
  gatewayUrl: string,
): Promise<void> {
  const authWindow = nextPageAt(browser, `${gatewayUrl}/`);
  await clickText(popup, 'button', 'Sign in with AI Pass');
  await clickText(await authWindow, 'button', 'Authorize');
  await waitUntil('the popup shows the account', async () =>
    (await textOf(popup)).includes('Ada Lovelace'),
  );
}
