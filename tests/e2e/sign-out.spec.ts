/**
 * Sign-out on a shared computer, as the person does it: final even with a refresh in flight,
 * whatever the provider does with revocation, and the next sign-in asks who is signing in.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page, Worker } from '@playwright/test';
import {
  type Gateway,
  type GatewayOptions,
  SECOND_DEMO_ACCOUNT,
  startGateway,
} from '../../dev/gateway';
import { expect, launchOnProfile, type ProfileBrowser, test } from './fixtures';
import { expireStoredToken } from './providers';
import { openSignInWindow, signInThroughPopup } from './session';

/** Both storage areas of the extension, as one JSON text, to look for any token in it. */
async function everythingStored(worker: Worker): Promise<string> {
  return worker.evaluate(async () =>
    JSON.stringify([await chrome.storage.session.get(null), await chrome.storage.local.get(null)]),
  );
}

/**
 * Starts an API call from the page with an expired token, so the worker refreshes it; resolves
 * with a way to tell when the call has settled, whichever way.
 */
async function startCallThatRefreshes(page: Page, worker: Worker): Promise<() => Promise<boolean>> {
  await expireStoredToken(worker, 'aipass');
  await page.evaluate(() => {
    const scope = globalThis as unknown as {
      passlightTest: { authorizedFetch: (path: string) => Promise<Response> };
      callSettled?: boolean;
    };
    scope.callSettled = false;
    void scope.passlightTest
      .authorizedFetch('/api/v1/usage/me/summary')
      .catch(() => {
        // Refused once the person signed out: that is the point.
      })
      .finally(() => {
        scope.callSettled = true;
      });
  });
  return () => page.evaluate(() => (globalThis as { callSettled?: boolean }).callSettled === true);
}

function revocations(gateway: Gateway) {
  return gateway.control.requests().filter((r) => r.path === '/oauth2/revoke');
}

const cases: {
  name: string;
  gateway: GatewayOptions;
  revocationFails?: boolean;
  /** What the gateway should show of the renewed tokens once the refresh has completed. */
  check: (
    gateway: Gateway,
    renewed: { access_token: string; refresh_token: string },
  ) => Promise<void>;
}[] = [
  {
    name: 'revocation working',
    gateway: {},
    check: async (gateway, renewed) => {
      await expect
        .poll(() => revocations(gateway).map((r) => (r.body as { token?: string }).token))
        .toEqual(expect.arrayContaining([renewed.refresh_token, renewed.access_token]));
      expect(gateway.control.tokenStatus(renewed.refresh_token)).toBe('revoked');
      expect(gateway.control.tokenStatus(renewed.access_token)).toBe('revoked');
    },
  },
  {
    name: 'revocation failing (HTTP 500)',
    gateway: {},
    revocationFails: true,
    check: async (gateway) => {
      // The sign-out's two tokens and the renewed two, each tried on its own.
      await expect
        .poll(() => revocations(gateway).map((r) => r.status))
        .toEqual([500, 500, 500, 500]);
    },
  },
  {
    name: 'a provider whose metadata has no revocation endpoint',
    gateway: { announceRevocation: false },
    check: async (gateway) => {
      expect(revocations(gateway)).toEqual([]);
    },
  },
];

for (const { name, gateway: options, revocationFails, check } of cases) {
  test(`a refresh that completes after Sign out brings nothing back, with ${name}`, async () => {
    const gateway = await startGateway(options);
    const profile = await mkdtemp(path.join(tmpdir(), 'passlight-sign-out-'));
    let browser: ProfileBrowser | undefined;
    try {
      browser = await launchOnProfile(profile, gateway.url);
      const options = await browser.open('options.html');
      await options
        .getByRole('switch', { name: 'Stay signed in after the browser restarts' })
        .check();
      const popup = await browser.open('popup.html');
      await signInThroughPopup(browser.context, popup);

      // A refresh is under way, and the gateway holds its answer.
      gateway.control.clearRequests();
      gateway.control.injectFault({ kind: 'hold', path: '/oauth2/token' });
      if (revocationFails) {
        gateway.control.injectFault({
          kind: 'status',
          status: 500,
          path: '/oauth2/revoke',
          times: 10,
        });
      }
      const callSettled = await startCallThatRefreshes(popup, browser.worker);
      const held = await gateway.control.nextHeldResponse();
      const renewed = JSON.parse(held.body) as { access_token: string; refresh_token: string };

      await popup.getByRole('button', { name: 'Sign out' }).click();
      await expect(popup.getByText('You signed out.')).toBeVisible();
      held.release();

      // The worker has had the renewed tokens in hand, and let them go.
      await expect.poll(callSettled).toBe(true);
      await check(gateway, renewed);
      const stored = await everythingStored(browser.worker);
      expect(stored).not.toContain(renewed.refresh_token);
      expect(stored).not.toContain(renewed.access_token);
      expect(stored).not.toMatch(/auth\.tokens|keptRefreshToken/);

      await browser.context.close();
      browser = await launchOnProfile(profile);
      const restarted = await browser.open('popup.html');
      await expect(restarted.getByRole('button', { name: 'Sign in with AI Pass' })).toBeVisible();
      await expect(restarted.getByText('Ada Lovelace')).toHaveCount(0);
      expect(await everythingStored(browser.worker)).not.toMatch(/auth\.tokens|keptRefreshToken/);
    } finally {
      await browser?.context.close();
      await rm(profile, { recursive: true, force: true });
      gateway.control.releaseHeld();
      await gateway.close();
    }
  });
}

test('after Sign out, Sign in shows the sign-in page, and a second person can sign in', async ({
  extensionContext,
  openExtensionPage,
}) => {
  const popup = await openExtensionPage('popup.html');
  await signInThroughPopup(extensionContext, popup);
  await popup.getByRole('button', { name: 'Sign out' }).click();
  await expect(popup.getByText('You signed out.')).toBeVisible();

  // The gateway still has Ada's browser session, but the page asks who is signing in.
  const authPage = await openSignInWindow(extensionContext, popup);
  await expect(authPage.getByRole('heading', { name: 'Sign in to AI Pass' })).toBeVisible();
  await expect(authPage.getByLabel('Password')).toBeVisible();
  await authPage.getByRole('link', { name: SECOND_DEMO_ACCOUNT.name }).click();
  await authPage.getByRole('button', { name: 'Authorize' }).click();
  await expect(popup.getByText(SECOND_DEMO_ACCOUNT.name)).toBeVisible();
  await expect(popup.getByText('Ada Lovelace')).toHaveCount(0);
});

test('a session the provider ended says so by name, and "Use another account" asks who', async ({
  extensionContext,
  openExtensionPage,
  serviceWorker,
  gateway,
}) => {
  const popup = await openExtensionPage('popup.html');
  await signInThroughPopup(extensionContext, popup);
  gateway.control.revokeAllGrants();
  await startCallThatRefreshes(popup, serviceWorker);
  await expect(popup.getByText(/AI Pass ended your session/)).toBeVisible();
  await expect(popup.getByText('You signed out.')).toHaveCount(0);

  const authWindow = extensionContext.waitForEvent('page');
  await popup.getByRole('button', { name: 'Use another account' }).click();
  const authPage = await authWindow;
  await expect(authPage.getByRole('heading', { name: 'Sign in to AI Pass' })).toBeVisible();
  await expect(authPage.getByLabel('Password')).toBeVisible();
  expect(new URL(authPage.url()).searchParams.get('prompt')).toBe('login');
});
