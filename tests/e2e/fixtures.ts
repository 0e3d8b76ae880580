/**
 * End-to-end fixtures: a real Chromium with the built extension, against a real local gateway.
 *
 * The browser, the gateway and the extension ID are worker-scoped (starting Chromium per test
 * would triple the run time); isolation comes from `cleanSlate`, which runs before every test and
 * resets the extension's storage, closes leftover pages and resets the gateway.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, test as base, type Page, type Worker } from '@playwright/test';
import { extensionOutputDir } from '../../dev/build-extension';
import { launchHeadlessWithExtension } from '../../dev/chromium';
import { type Gateway, startGateway } from '../../dev/gateway';
import { type FakeMicrophone, fakeMicrophoneArgs } from './fake-microphone';
import { startTestSites, type TestSites } from './site/server';

interface WorkerFixtures {
  /** What the browser's fake microphone plays (`test.use({ fakeMicrophone })`); none by default. */
  fakeMicrophone: FakeMicrophone | undefined;
  gateway: Gateway;
  /** Web pages to act on: one site for the page, another for cross-origin images. */
  sites: TestSites;
  extensionContext: BrowserContext;
  /** The address of the tab the extension opened when it was installed. */
  installTabUrl: string;
  serviceWorker: Worker;
  extensionId: string;
}

interface TestFixtures {
  cleanSlate: undefined;
  /** Opens one of the extension's pages (`popup.html`, `sidepanel.html`, …) in a new tab. */
  openExtensionPage: (file: string) => Promise<Page>;
}

/**
 * Chromium with the test build loaded, on the given profile folder (new or reused). The DevTools
 * `Extensions` domain lets a test press the extension's toolbar button (Playwright already talks
 * to Chromium over a pipe, the other thing that domain needs). Pages keep their window's size, as
 * for a person: an emulated viewport would not be what `tabs.captureVisibleTab` sees, and a
 * side panel opening narrows the real page, not an emulated one.
 */
export function launchWithExtension(
  profile: string,
  moreArgs: string[] = [],
): Promise<BrowserContext> {
  return launchHeadlessWithExtension(profile, extensionOutputDir('test'), {
    args: ['--enable-unsafe-extension-debugging', ...moreArgs],
    viewport: null,
  });
}

/** A browser on a profile of the test's own, for restarts: its worker, and its pages by file. */
export interface ProfileBrowser {
  context: BrowserContext;
  worker: Worker;
  open: (file: string) => Promise<Page>;
}

/** Launches on `profile`; with `gatewayUrl`, the extension is pointed at that gateway first. */
export async function launchOnProfile(
  profile: string,
  gatewayUrl?: string,
): Promise<ProfileBrowser> {
  const context = await launchWithExtension(profile);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  if (gatewayUrl) {
    await worker.evaluate(
      (url) => chrome.storage.local.set({ 'settings.serverUrl': url }),
      gatewayUrl,
    );
  }
  const open = async (file: string) => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/${file}`);
    return page;
  };
  return { context, worker, open };
}

/** The extension tab opened at install, which may appear before or after launch returns. */
async function waitForInstallTab(context: BrowserContext): Promise<string> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const tab = context.pages().find((page) => page.url().startsWith('chrome-extension://'));
    if (tab) return tab.url();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('The extension opened no tab at install.');
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  fakeMicrophone: [undefined, { scope: 'worker', option: true }],

  gateway: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright requires the destructuring form.
    async ({}, use) => {
      const gateway = await startGateway();
      await use(gateway);
      await gateway.close();
    },
    { scope: 'worker' },
  ],

  sites: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright requires the destructuring form.
    async ({}, use) => {
      const sites = await startTestSites();
      await use(sites);
      await sites.close();
    },
    { scope: 'worker' },
  ],

  extensionContext: [
    async ({ fakeMicrophone }, use) => {
      const profile = await mkdtemp(path.join(tmpdir(), 'passlight-profile-'));
      const microphone = fakeMicrophone ? await fakeMicrophoneArgs(fakeMicrophone, profile) : [];
      const context = await launchWithExtension(profile, microphone);
      await use(context);
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],

  installTabUrl: [
    async ({ extensionContext }, use) => {
      await use(await waitForInstallTab(extensionContext));
    },
    { scope: 'worker' },
  ],

  serviceWorker: [
    async ({ extensionContext }, use) => {
      const worker =
        extensionContext.serviceWorkers()[0] ??
        (await extensionContext.waitForEvent('serviceworker'));
      await use(worker);
    },
    { scope: 'worker' },
  ],

  extensionId: [
    async ({ serviceWorker }, use) => {
      await use(new URL(serviceWorker.url()).host);
    },
    { scope: 'worker' },
  ],

  cleanSlate: [
    async ({ extensionContext, serviceWorker, gateway, installTabUrl }, use) => {
      void installTabUrl; // The install tab must have opened before pages are closed.
      for (const page of extensionContext.pages().slice(1)) await page.close();
      gateway.control.reset();
      await serviceWorker.evaluate(async (serverUrl) => {
        await chrome.storage.session.clear();
        await chrome.storage.local.clear();
        // Conversations too: a test must not find another's. Emptied, not deleted: a side panel
        // left open may hold the database, and a deletion would wait for it to close.
        const databases = await indexedDB.databases();
        if (databases.some((database) => database.name === 'passlight-chat')) {
          const database = await new Promise<IDBDatabase>((resolve, reject) => {
            const request = indexedDB.open('passlight-chat');
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          });
          const stores = [...database.objectStoreNames];
          if (stores.length > 0) {
            const transaction = database.transaction(stores, 'readwrite');
            for (const store of stores) transaction.objectStore(store).clear();
            await new Promise((resolve, reject) => {
              transaction.oncomplete = resolve;
              transaction.onerror = () => reject(transaction.error);
            });
          }
          database.close();
        }
        // What the options page stores when a person enters this server.
        await chrome.storage.local.set({ 'settings.serverUrl': serverUrl });
      }, gateway.url);
      await use(undefined);
    },
    { auto: true },
  ],

  openExtensionPage: async ({ extensionContext, extensionId }, use) => {
    await use(async (file) => {
      const page = await extensionContext.newPage();
      await page.goto(`chrome-extension://${extensionId}/${file}`);
      return page;
    });
  },
});

export const expect = test.expect;
