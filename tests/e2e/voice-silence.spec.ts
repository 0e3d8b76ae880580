/** A silent microphone: the recording is not sent, and the panel says nothing was heard. */
import { expect, test } from './fixtures';
import { openSignedInPanel } from './session';

test.use({ fakeMicrophone: 'silence' });

test('silence is not sent and says so', async ({
  extensionContext,
  openExtensionPage,
  gateway,
}) => {
  const panel = await openSignedInPanel(extensionContext, openExtensionPage);
  const box = panel.getByRole('textbox', { name: 'Your question' });
  await box.fill('Typed');
  await panel.getByRole('button', { name: 'Speak a question' }).click();
  await expect(panel.getByRole('meter', { name: 'Sound level' })).toBeVisible();
  await panel.waitForTimeout(1_500);
  await panel.getByRole('button', { name: 'Stop recording' }).click();
  await expect(panel.getByRole('alert')).toContainText('Nothing was heard');
  expect(
    gateway.control.requests().filter((request) => request.path.endsWith('/audio/transcriptions')),
  ).toHaveLength(0);
  await expect(box).toHaveValue('Typed');
});
