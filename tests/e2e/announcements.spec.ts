/**
 * What a screen reader is given as answers stream: messages in a `log` region that announces
 * additions, the streaming answer `aria-busy`, and one polite status per answer, heard when it
 * ends and not once per piece.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ask, lastAnswer, openSignedInPanel } from './session';

/** Records, in the page, each text the answer status takes and how often the log changed. */
async function recordAnnouncements(panel: Page): Promise<void> {
  await panel.evaluate(() => {
    const status = document.getElementById('answer-status');
    const log = document.querySelector('[role="log"]');
    if (!status || !log) throw new Error('No answer status or no log region.');
    const record = { heard: [] as string[], logChanges: 0 };
    (globalThis as { announcements?: typeof record }).announcements = record;
    new MutationObserver(() => {
      const text = status.textContent ?? '';
      if (text !== '') record.heard.push(text);
    }).observe(status, { childList: true, characterData: true, subtree: true });
    new MutationObserver((mutations) => {
      record.logChanges += mutations.length;
    }).observe(log, { childList: true, characterData: true, subtree: true });
  });
}

function announcements(panel: Page): Promise<{ heard: string[]; logChanges: number }> {
  return panel.evaluate(
    () =>
      (globalThis as { announcements?: { heard: string[]; logChanges: number } }).announcements ?? {
        heard: [],
        logChanges: 0,
      },
  );
}

test('each answer streams into the log unannounced, and its end is announced once', async ({
  extensionContext,
  openExtensionPage,
  gateway,
}) => {
  const panel = await openSignedInPanel(extensionContext, openExtensionPage);
  const log = panel.getByRole('log', { name: 'Conversation' });
  gateway.control.setReply(
    'Lighthouses guide ships at night with a bright light that turns, so sailors know the coast.',
  );
  gateway.control.setPace(120);
  await ask(panel, 'Tell me about lighthouses');
  await expect(log).toHaveAttribute('aria-relevant', 'additions');
  await recordAnnouncements(panel);

  const answer = log.getByRole('article', { name: 'Answer' });
  await expect(answer).toHaveAttribute('aria-busy', 'true');
  await expect(answer).toContainText('Lighthouses guide');
  expect((await announcements(panel)).heard).toEqual([]);
  await expect(panel.locator('#answer-status')).toHaveText('');

  await expect(answer.getByRole('button', { name: 'Regenerate' })).toBeVisible();
  await expect(answer).toHaveAttribute('aria-busy', 'false');
  await expect(panel.locator('#answer-status')).toHaveText('Answer finished.');
  const finished = await announcements(panel);
  expect(finished.heard).toEqual(['Answer finished.']);
  // Many pieces arrived in the log: the one announcement is not one per piece.
  expect(finished.logChanges).toBeGreaterThan(5);

  // The same words again for the next answer are heard again: the status is cleared between.
  gateway.control.setPace(0);
  await ask(panel, 'And the tallest one?');
  await expect(lastAnswer(panel).getByRole('button', { name: 'Regenerate' })).toBeVisible();
  await expect
    .poll(async () => (await announcements(panel)).heard)
    .toEqual(['Answer finished.', 'Answer finished.']);

  gateway.control.setPace(200);
  await ask(panel, 'And the oldest one?');
  await expect(lastAnswer(panel)).toHaveAttribute('aria-busy', 'true');
  await expect(lastAnswer(panel)).not.toHaveText('');
  await panel.keyboard.press('Escape');
  await expect(lastAnswer(panel).getByText('Stopped.')).toBeVisible();
  await expect(panel.locator('#answer-status')).toHaveText('Answer stopped.');

  gateway.control.setPace(0);
  gateway.control.injectFault({
    kind: 'status',
    status: 429,
    retryAfter: 7,
    path: '/oauth2/v1/chat/completions',
  });
  await ask(panel, 'One more?');
  await expect(lastAnswer(panel).getByRole('alert')).toBeVisible();
  await expect(panel.locator('#answer-status')).toHaveText('The answer failed.');
  expect((await announcements(panel)).heard).toEqual([
    'Answer finished.',
    'Answer finished.',
    'Answer stopped.',
    'The answer failed.',
  ]);

  // Reopening the panel shows the finished conversation and announces nothing.
  await panel.reload();
  await expect(panel.getByRole('log', { name: 'Conversation' })).toContainText('One more?');
  await expect(panel.locator('#answer-status')).toHaveText('');
});
