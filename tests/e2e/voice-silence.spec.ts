/** A silent microphone: the recording is not sent, and the panel says nothing was heard. */
import { expect, test } from './fixtures';
import { openPanelWithTyped, startRecording, transcriptionRequests } from './recording';

test.use({ fakeMicrophone: 'silence' });

test('silence is not sent and says so', async ({
  extensionContext,
  openExtensionPage,
  gateway,
}) => {
  const { panel, box } = await openPanelWithTyped(extensionContext, openExtensionPage, 'Typed');
  await startRecording(panel);
  await panel.waitForTimeout(1_500);
  await panel.getByRole('button', { name: 'Stop recording' }).click();
  await expect(panel.getByRole('alert')).toContainText('Nothing was heard');
  expect(transcriptionRequests(gateway.control.requests())).toHaveLength(0);
  await expect(box).toHaveValue('Typed');
});
