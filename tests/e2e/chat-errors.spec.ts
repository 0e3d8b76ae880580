import { expect, test } from './fixtures';
import { ask, lastAnswer, openSignedInPanel } from './session';

test('a spent budget says so and offers Add credit', async ({
  extensionContext,
  openExtensionPage,
  gateway,
}) => {
  const panel = await openSignedInPanel(extensionContext, openExtensionPage);
  gateway.control.setBudget({ maxBudget: 1, totalCost: 1 });
  await ask(panel, 'Anything');
  const alert = lastAnswer(panel).getByRole('alert');
  await expect(alert).toContainText('Your AI Pass balance is used up');
  await expect(alert.getByRole('button', { name: 'Add credit' })).toBeVisible();
});

test('a 401 whose refresh fails asks to sign in again, and shows no conversation meanwhile', async ({
  extensionContext,
  openExtensionPage,
  gateway,
}) => {
  const panel = await openSignedInPanel(extensionContext, openExtensionPage);
  gateway.control.revokeAllGrants();
  await ask(panel, 'Anything');
  const bar = panel.locator('.sign-in-bar');
  await expect(bar).toContainText('Sign in again');
  await expect(bar.getByRole('button', { name: 'Sign in with AI Pass' })).toBeVisible();
  await expect(panel.locator('.question-text')).toHaveCount(0);
});

test('a 429 says how long to wait and offers Retry', async ({
  extensionContext,
  openExtensionPage,
  gateway,
}) => {
  const panel = await openSignedInPanel(extensionContext, openExtensionPage);
  gateway.control.injectFault({
    kind: 'status',
    status: 429,
    retryAfter: 7,
    path: '/oauth2/v1/chat/completions',
  });
  await ask(panel, 'Anything');
  const alert = lastAnswer(panel).getByRole('alert');
  await expect(alert).toContainText('Try again in 7 s');
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(lastAnswer(panel).getByRole('button', { name: 'Regenerate' })).toBeVisible();
});

test('an unknown model asks for another one', async ({
  extensionContext,
  openExtensionPage,
  gateway,
}) => {
  const panel = await openSignedInPanel(extensionContext, openExtensionPage);
  gateway.control.injectFault({
    kind: 'status',
    status: 400,
    path: '/oauth2/v1/chat/completions',
    body: {
      error: {
        message: 'Invalid model name passed in model=gpt-4o-mini',
        type: 'invalid_request_error',
        code: '400',
      },
    },
  });
  await ask(panel, 'Anything');
  const alert = lastAnswer(panel).getByRole('alert');
  await expect(alert).toContainText('That model is not available');
  await alert.getByRole('button', { name: 'Pick another model' }).click();
  await expect(panel.getByLabel('Model')).toBeFocused();
});
