import { type BrowserContext, chromium, type ViewportSize } from '@playwright/test';

/** Where the Chromium used by tests, the tour and `npm start` lives, and how it is started. */
export const CHROMIUM_PATH = process.env.PASSLIGHT_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Flags for a quiet, isolated Chromium: background networking would only reach out to Google's
 * services, which a test has no use for. Chromium refuses to start as root with its sandbox on.
 */
export const CHROMIUM_ARGS = [
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

/** Arguments that load an unpacked extension, and nothing else. */
export function extensionArgs(extensionDir: string): string[] {
  return [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`];
}

export interface LaunchOptions {
  /** More Chromium switches. */
  args?: string[];
  /** The size pages are shown at; `null` leaves each page the size of its window. */
  viewport?: ViewportSize | null;
}

/** Headless Chromium with one unpacked extension loaded, on a profile folder (new or reused). */
export function launchHeadlessWithExtension(
  profile: string,
  extensionDir: string,
  { args = [], viewport }: LaunchOptions = {},
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, ...extensionArgs(extensionDir), ...args],
    ...(viewport === undefined ? {} : { viewport }),
  });
}
