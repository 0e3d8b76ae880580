/** Shared steps for tests that need a signed-in extension. */
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { expect } from './fixtures';

/** Clicks Sign in in the popup, then Authorize in the gateway's window that opens. */
export async function signInThroughPopup(context: BrowserContext, popup: Page): Promise<void> {
  const authWindow = context.waitForEvent('page');
  await popup.getByRole('button', { name: 'Sign in with AI Pass' }).click();
  const authPage = await authWindow;
  await authPage.getByRole('button', { name: 'Authorize' }).click();
  await expect(popup.getByText('Ada Lovelace')).toBeVisible();
}

/** Everything the extension keeps in `storage.session`, read in its own worker. */
export function sessionStorage(serviceWorker: Worker): Promise<Record<string, unknown>> {
  return serviceWorker.evaluate(() => chrome.storage.session.get(null));
}

/** Makes `count` API calls at once through the page's real authorized fetch. */
export function callApiConcurrently(page: Page, count: number): Promise<number[]> {
  return page.evaluate(async (count) => {
    const { authorizedFetch } = (
      globalThis as unknown as {
        passlightTest: { authorizedFetch: (path: string) => Promise<Response> };
      }
    ).passlightTest;
    const calls = Array.from({ length: count }, () =>
      authorizedFetch('/api/v1/usage/me/summary').then((response) => response.status),
    );
    return Promise.all(calls);
  }, count);
}

/** Signs in through the popup, then opens the side panel page in a tab, ready to chat. */
export async function openSignedInPanel(
  context: BrowserContext,
  openExtensionPage: (file: string) => Promise<Page>,
): Promise<Page> {
  const popup = await openExtensionPage('popup.html');
  await signInThroughPopup(context, popup);
  await popup.close();
  const panel = await openExtensionPage('sidepanel.html');
  await expect(panel.getByLabel('Model')).toBeEnabled();
  return panel;
}

/** Types a question into the panel and sends it with Enter. */
export async function ask(panel: Page, question: string): Promise<void> {
  await panel.getByLabel('Your question').fill(question);
  await panel.getByLabel('Your question').press('Enter');
}

/** The last answer bubble's rendered text. */
export function lastAnswer(panel: Page) {
  return panel.getByRole('article', { name: 'Answer' }).last();
}
