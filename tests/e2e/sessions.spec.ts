/** Sessions over time: one per provider when switching, and across a browser restart. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startOidcStack } from '../../dev/oidc/stack';
import { expect, launchOnProfile, test } from './fixtures';
import { addOpenIdProvider, storedTokens } from './providers';
import { openSignInWindow, signInThroughPopup } from './session';

test('each provider keeps its own session: switching back needs no new sign-in', async ({
  extensionContext,
  openExtensionPage,
  serviceWorker,
}) => {
  const stack = await startOidcStack();
  try {
    const popup = await openExtensionPage('popup.html');
    await signInThroughPopup(extensionContext, popup);
    const aipassTokens = await storedTokens(serviceWorker, 'aipass');

    const options = await openExtensionPage('options.html');
    await addOpenIdProvider(options, stack.provider, `${stack.gateway.url}/oauth2/v1`);
    // The new provider has no session yet; AI Pass's is still there, untouched.
    await expect(popup.getByRole('button', { name: 'Sign in with AI Stats' })).toBeVisible();
    await (await openSignInWindow(extensionContext, popup, 'AI Stats'))
      .getByRole('button', { name: 'Authorize' })
      .click();
    await expect(popup.getByText('Signed in with AI Stats')).toBeVisible();

    await options.getByRole('radio', { name: /^AI Pass/ }).check();
    await expect(popup.getByRole('heading', { name: 'Balance' })).toBeVisible();
    await expect(popup.getByText('Signed in with AI Stats')).toHaveCount(0);
    expect(await storedTokens(serviceWorker, 'aipass')).toEqual(aipassTokens);

    // Signing out of AI Pass leaves AI Stats signed in.
    await popup.getByRole('button', { name: 'Sign out' }).click();
    await expect(popup.getByRole('button', { name: 'Sign in with AI Pass' })).toBeVisible();
    await options.getByRole('radio', { name: /^AI Stats/ }).check();
    await expect(popup.getByText('Signed in with AI Stats')).toBeVisible();
    expect(await storedTokens(serviceWorker, 'aipass')).toBeUndefined();
  } finally {
    await stack.close();
  }
});

test('with Stay signed in, a browser restart brings the session back without a window', async ({
  gateway,
}) => {
  const profile = await mkdtemp(path.join(tmpdir(), 'passlight-stay-'));
  try {
    let browser = await launchOnProfile(profile, gateway.url);
    const options = await browser.open('options.html');
    await options
      .getByRole('switch', { name: 'Stay signed in after the browser restarts' })
      .check();
    const popup = await browser.open('popup.html');
    await signInThroughPopup(browser.context, popup);
    const before = await storedTokens(browser.worker, 'aipass');
    await browser.context.close();

    gateway.control.clearRequests();
    browser = await launchOnProfile(profile);
    const restored = await browser.open('popup.html');
    await expect(restored.getByText('Ada Lovelace')).toBeVisible();
    // The kept refresh token was spent for a new pair; no sign-in page was asked for.
    const after = await storedTokens(browser.worker, 'aipass');
    expect(after?.refreshToken).toBeTruthy();
    expect(after?.refreshToken).not.toBe(before?.refreshToken);
    const paths = gateway.control.requests().map((r) => r.path);
    expect(paths).toContain('/oauth2/token');
    expect(paths).not.toContain('/oauth2/authorize');
    await browser.context.close();
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
});
