/** A Chromium with the test build, signed in to a local gateway: what the timed benches run in. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { buildExtension } from '../build-extension';
import { launchHeadlessWithExtension } from '../chromium';
import { DEMO_CLIENT, type Gateway, startGateway } from '../gateway';

/** Written into the unpacked bench build only: the store builds never carry it. */
export const EMPTY_PAGE = 'bench-empty.html';

/** The floor a page can paint at (see first-paint.ts). */
async function addEmptyPage(extensionDir: string): Promise<void> {
  const html =
    '<!doctype html><html><head><meta charset="utf-8"><title>Empty</title></head><body><p>Empty</p></body></html>';
  await writeFile(path.join(extensionDir, EMPTY_PAGE), html);
}

export interface BenchBrowser {
  gateway: Gateway;
  context: BrowserContext;
  worker: Worker;
  open(file: string): Promise<Page>;
  close(): Promise<void>;
}

export async function startBenchBrowser(): Promise<BenchBrowser> {
  const extensionDir = await buildExtension({
    mode: 'test',
    serverUrl: 'http://127.0.0.1',
    clientId: DEMO_CLIENT.clientId,
  });
  await addEmptyPage(extensionDir);
  const gateway = await startGateway();
  const profile = await mkdtemp(path.join(tmpdir(), 'passlight-bench-'));
  const context = await launchHeadlessWithExtension(profile, extensionDir);
  // tsx keeps function names by wrapping them in `__name(…)`; the benches' page functions need it too.
  await context.addInitScript('globalThis.__name = (fn) => fn');
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  await worker.evaluate(
    (url) => chrome.storage.local.set({ 'settings.serverUrl': url }),
    gateway.url,
  );

  const open = async (file: string) => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/${file}`);
    return page;
  };

  const popup = await open('popup.html');
  const signInWindow = context.waitForEvent('page');
  await popup.getByRole('button', { name: 'Sign in with AI Pass' }).click();
  await (await signInWindow).getByRole('button', { name: 'Authorize' }).click();
  await popup.getByTestId('remaining').waitFor();
  await popup.close();

  return {
    gateway,
    context,
    worker,
    open,
    async close() {
      await context.close();
      await gateway.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
