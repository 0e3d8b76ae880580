/** Shared steps for tests that need a signed-in extension. */
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { expect } from './fixtures';

/** Clicks Sign in in the popup; resolves with the sign-in window `launchWebAuthFlow` opens. */
export async function openSignInWindow(
  context: BrowserContext,
  popup: Page,
  providerName = 'AI Pass',
): Promise<Page> {
  const authWindow = context.waitForEvent('page');
  await popup.getByRole('button', { name: `Sign in with ${providerName}` }).click();
  return authWindow;
}

/** Sends the sign-in window to an address, as a server's redirect would; the window then closes. */
export async function redirectSignInWindow(authPage: Page, url: string): Promise<void> {
  await authPage.waitForLoadState();
  await authPage
    .evaluate((target) => {
      location.href = target;
    }, url)
    .catch(() => {
      // The window closes as the redirect is taken.
    });
}

/** Clicks Sign in in the popup, then Authorize in the gateway's window that opens. */
export async function signInThroughPopup(context: BrowserContext, popup: Page): Promise<void> {
  const authPage = await openSignInWindow(context, popup);
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

/** One API call through the page's real authorized fetch: 'succeeded', or the error's code. */
export function callApiOnce(page: Page): Promise<string | undefined> {
  return page.evaluate(async () => {
    const { authorizedFetch } = (
      globalThis as unknown as {
        passlightTest: { authorizedFetch: (path: string) => Promise<Response> };
      }
    ).passlightTest;
    try {
      await authorizedFetch('/api/v1/usage/me/summary');
      return 'succeeded';
    } catch (error) {
      return (error as { code?: string }).code;
    }
  });
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
  const box = panel.getByRole('textbox', { name: 'Your question' });
  await box.fill(question);
  await box.press('Enter');
}

/** The last answer bubble's rendered text. */
export function lastAnswer(panel: Page) {
  return panel.getByRole('article', { name: 'Answer' }).last();
}
