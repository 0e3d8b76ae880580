/**
 * Conversations belong to an account: two accounts (AI Pass and a second provider) see only
 * their own, signed out a panel shows none, and deleting all of them leaves the other's.
 */
import { SECOND_DEMO_ACCOUNT } from '../../dev/gateway';
import { startOidcStack } from '../../dev/oidc/stack';
import { storedConversations } from './conversation-store';
import { expect, test } from './fixtures';
import { addOpenIdProvider } from './providers';
import { ask, lastAnswer, openSignedInPanel, openSignInWindow } from './session';

test('each account sees only its conversations, and Delete all keeps the other account’s', async ({
  extensionContext,
  openExtensionPage,
}) => {
  const stack = await startOidcStack();
  try {
    const panel = await openSignedInPanel(extensionContext, openExtensionPage);
    await ask(panel, 'A question of the AI Pass account');
    await expect(lastAnswer(panel).getByRole('button', { name: 'Regenerate' })).toBeVisible();

    const options = await openExtensionPage('options.html');
    await addOpenIdProvider(options, stack.provider, `${stack.gateway.url}/oauth2/v1`);
    // Signed out with the provider now in use: the panel shows nobody's conversation.
    await expect(panel.locator('.sign-in-bar')).toBeVisible();
    await expect(panel.locator('.question-text')).toHaveCount(0);
    await panel.getByRole('button', { name: 'Conversations' }).click();
    await expect(panel.getByText('Sign in to see your conversations.')).toBeVisible();
    await panel.getByRole('button', { name: 'Close' }).click();

    const popup = await openExtensionPage('popup.html');
    const authPage = await openSignInWindow(extensionContext, popup, 'AI Stats');
    await authPage.getByRole('button', { name: 'Authorize' }).click();
    await expect(popup.getByText('Signed in with AI Stats')).toBeVisible();
    await expect(panel.getByLabel('Model')).toBeEnabled();
    await ask(panel, 'A question of the AI Stats account');
    await expect(lastAnswer(panel).getByRole('button', { name: 'Regenerate' })).toBeVisible();
    await panel.getByRole('button', { name: 'Conversations' }).click();
    const drawer = panel.getByRole('region', { name: 'Conversations' });
    await expect(drawer.locator('.conversation-title')).toHaveText([
      'A question of the AI Stats account',
    ]);

    await options.reload();
    const section = options.getByRole('region', { name: 'Conversations' });
    await expect(section).toContainText('1 conversation of Ada Lovelace in this browser.');
    await section.getByRole('button', { name: 'Delete all conversations' }).click();
    await expect(section.getByRole('alertdialog')).toContainText(
      'Delete all 1 conversation of Ada Lovelace from this browser?',
    );
    await section.getByRole('button', { name: 'Delete 1' }).click();
    await expect(section.getByRole('status')).toHaveText('Deleted 1 conversation.');
    // The panel in the other tab heard it at once.
    await expect(drawer.getByText('No conversations yet.')).toBeVisible();
    await expect(panel.locator('.question-text')).toHaveCount(0);

    const stored = await storedConversations(options);
    expect(stored.filter((c) => c.provider === 'ai-stats')).toEqual([]);
    expect(stored.map((c) => [c.provider, c.title, c.messageCount])).toEqual([
      ['aipass', 'A question of the AI Pass account', 2],
    ]);
  } finally {
    await stack.close();
  }
});

test('signed out, a new panel shows no list and no old answer; signed in again, they are back', async ({
  extensionContext,
  openExtensionPage,
}) => {
  let panel = await openSignedInPanel(extensionContext, openExtensionPage);
  await ask(panel, 'Something private');
  await expect(lastAnswer(panel).getByRole('button', { name: 'Regenerate' })).toBeVisible();
  await panel.close();

  const popup = await openExtensionPage('popup.html');
  await popup.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(popup.getByRole('button', { name: 'Sign in with AI Pass' })).toBeVisible();

  panel = await openExtensionPage('sidepanel.html');
  await expect(panel.locator('.sign-in-bar')).toBeVisible();
  await expect(panel.locator('.question-text')).toHaveCount(0);
  await expect(panel.getByRole('article', { name: 'Answer' })).toHaveCount(0);
  await panel.getByRole('button', { name: 'Conversations' }).click();
  await expect(panel.getByText('Sign in to see your conversations.')).toBeVisible();
  await expect(panel.locator('.conversation-title')).toHaveCount(0);

  // After a sign-out the gateway asks who is signing in, though its session cookie is alive.
  const authPage = await openSignInWindow(extensionContext, popup);
  await authPage.getByRole('button', { name: 'Authorize' }).click();
  await expect(popup.getByText('Ada Lovelace', { exact: true })).toBeVisible();
  await expect(panel.locator('.conversation-title')).toHaveText(['Something private']);
});

test('on one provider, the next person after a sign-out sees none of the first one’s conversations, and the first sees them again', async ({
  extensionContext,
  openExtensionPage,
}) => {
  const panel = await openSignedInPanel(extensionContext, openExtensionPage);
  await ask(panel, 'Ada’s question');
  await expect(lastAnswer(panel).getByRole('button', { name: 'Regenerate' })).toBeVisible();
  const popup = await openExtensionPage('popup.html');
  const drawerTitles = panel.locator('.conversation-title');
  await panel.getByRole('button', { name: 'Conversations' }).click();
  await expect(drawerTitles).toHaveText(['Ada’s question']);

  await popup.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(popup.getByText('You signed out.')).toBeVisible();
  await expect(drawerTitles).toHaveCount(0);
  const alanSignIn = await openSignInWindow(extensionContext, popup);
  await alanSignIn.getByRole('link', { name: SECOND_DEMO_ACCOUNT.name }).click();
  await alanSignIn.getByRole('button', { name: 'Authorize' }).click();
  await expect(popup.getByText(SECOND_DEMO_ACCOUNT.name)).toBeVisible();
  await expect(panel.getByText('No conversations yet.')).toBeVisible();
  await expect(panel.locator('.question-text')).toHaveCount(0);
  // The open drawer makes the composer inert: close it to ask, open it again to look.
  await panel.getByRole('button', { name: 'Close' }).click();
  await expect(panel.getByLabel('Model')).toBeEnabled();
  await ask(panel, 'Alan’s question');
  await panel.getByRole('button', { name: 'Conversations' }).click();
  await expect(lastAnswer(panel).getByRole('button', { name: 'Regenerate' })).toBeVisible();
  await expect(drawerTitles).toHaveText(['Alan’s question']);

  await popup.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(popup.getByText('You signed out.')).toBeVisible();
  const adaSignIn = await openSignInWindow(extensionContext, popup);
  await adaSignIn.getByRole('button', { name: 'Authorize' }).click();
  await expect(popup.getByText('Ada Lovelace', { exact: true })).toBeVisible();
  await expect(drawerTitles).toHaveText(['Ada’s question']);
});

test('“Sign out and delete this browser’s conversations” leaves none of them', async ({
  extensionContext,
  openExtensionPage,
}) => {
  const panel = await openSignedInPanel(extensionContext, openExtensionPage);
  await ask(panel, 'On a shared computer');
  await expect(lastAnswer(panel).getByRole('button', { name: 'Regenerate' })).toBeVisible();

  const popup = await openExtensionPage('popup.html');
  await popup.getByRole('button', { name: 'On a shared computer?' }).click();
  await popup
    .getByRole('button', {
      name: 'Sign out and delete this browser’s conversations of Ada Lovelace',
    })
    .click();
  await expect(popup.getByRole('button', { name: 'Sign in with AI Pass' })).toBeVisible();
  await expect(panel.locator('.question-text')).toHaveCount(0);
  expect(await storedConversations(popup)).toEqual([]);
});
