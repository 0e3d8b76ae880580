/**
 * axe-core on every page in the states a person meets, in light and in dark: zero violations of
 * WCAG 2.1 A and AA. Each violation is listed with the elements it was found on.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ask, lastAnswer, openSignedInPanel, signInThroughPopup } from './session';

const SCHEMES = ['light', 'dark'] as const;

async function violationsOn(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

/** Checks the page in both colour schemes. */
async function expectAccessible(page: Page): Promise<void> {
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    expect(await violationsOn(page), `${page.url()} in ${colorScheme}`).toEqual([]);
  }
}

test('the welcome page and the signed-out popup and panel', async ({ openExtensionPage }) => {
  const welcome = await openExtensionPage('welcome.html');
  await expect(welcome.getByRole('heading').first()).toBeVisible();
  await expectAccessible(welcome);

  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByRole('button', { name: 'Sign in with AI Pass' })).toBeVisible();
  await expectAccessible(popup);

  const panel = await openExtensionPage('sidepanel.html');
  await expect(panel.getByRole('heading', { name: 'Ask about anything you see' })).toBeVisible();
  await expectAccessible(panel);
});

test('the popup signed in, with a healthy and with a low balance', async ({
  extensionContext,
  openExtensionPage,
  gateway,
}) => {
  const popup = await openExtensionPage('popup.html');
  await signInThroughPopup(extensionContext, popup);
  await expect(popup.getByTestId('remaining')).toBeVisible();
  await expectAccessible(popup);

  gateway.control.setBudget({ maxBudget: 10, totalCost: 9.8 });
  await popup.getByRole('button', { name: 'Refresh the balance' }).click();
  await expect(popup.getByTestId('remaining')).toHaveText('$0.20');
  await expectAccessible(popup);
});

test('the side panel streaming, with an error, and with the conversations open', async ({
  extensionContext,
  openExtensionPage,
  gateway,
}) => {
  const panel = await openSignedInPanel(extensionContext, openExtensionPage);
  gateway.control.setPace(200);
  await ask(panel, 'Tell me about lighthouses');
  await expect(lastAnswer(panel)).toHaveAttribute('aria-busy', 'true');
  await expectAccessible(panel);
  gateway.control.setPace(0);
  await expect(lastAnswer(panel).getByRole('button', { name: 'Regenerate' })).toBeVisible();

  gateway.control.injectFault({
    kind: 'status',
    status: 429,
    retryAfter: 7,
    path: '/oauth2/v1/chat/completions',
  });
  await ask(panel, 'And another one');
  await expect(lastAnswer(panel).getByRole('alert')).toBeVisible();
  await expectAccessible(panel);

  await panel.getByRole('button', { name: 'Conversations' }).click();
  await expect(panel.locator('#conversation-drawer')).toBeVisible();
  await expectAccessible(panel);
});

test('the options page, with the Add a provider form open', async ({
  openExtensionPage,
  gateway,
}) => {
  const options = await openExtensionPage('options.html');
  await expect(options.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expectAccessible(options);

  await options.getByLabel('Issuer URL').fill(gateway.url);
  await options.getByRole('button', { name: 'Read settings' }).click();
  await expect(options.getByLabel('What the server says about itself')).toBeVisible();
  await expect(options.getByLabel('Name', { exact: true })).toBeVisible();
  await expectAccessible(options);
});

test('the check itself finds a violation when there is one', async ({ openExtensionPage }) => {
  const welcome = await openExtensionPage('welcome.html');
  await welcome.evaluate(() => document.body.append(document.createElement('button')));
  expect((await violationsOn(welcome)).join('\n')).toContain('button-name');
});
