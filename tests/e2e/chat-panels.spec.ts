/**
 * The panel under strain: two windows in step, storage that refuses a write, and an image
 * whose server never ends its body.
 */
import type { Page } from '@playwright/test';
import { chatStoreHook, storedConversations } from './conversation-store';
import { expect, test } from './fixtures';
import { clickMenu, installMenuRelay, openRelayPage, SidePanelProbe } from './page-actions';
import { ask, lastAnswer, openSignedInPanel, signInThroughPopup } from './session';
import { ARTICLE_TEXT } from './site/server';

function drawerOf(panel: Page) {
  return panel.getByRole('region', { name: 'Conversations' });
}

test('panels in two windows stay in step: a new conversation, a rename, a delete while streaming', async ({
  extensionContext,
  openExtensionPage,
  serviceWorker,
  gateway,
}) => {
  const first = await openSignedInPanel(extensionContext, openExtensionPage);
  const opened = extensionContext.waitForEvent('page');
  await serviceWorker.evaluate(() =>
    chrome.windows.create({ url: chrome.runtime.getURL('/sidepanel.html') }),
  );
  const second = await opened;
  await expect(second.getByLabel('Model')).toBeEnabled();
  await second.getByRole('button', { name: 'Conversations' }).click();

  gateway.control.setReply('Here is a short answer.');
  await ask(first, 'Seen from the other window');
  await expect(drawerOf(second).locator('.conversation-title')).toHaveText([
    'Seen from the other window',
  ]);

  await first.getByRole('button', { name: 'Conversations' }).click();
  await drawerOf(first)
    .getByRole('button', { name: 'Rename “Seen from the other window”' })
    .click();
  await drawerOf(first).getByLabel('New title').fill('Renamed in one window');
  await drawerOf(first).getByLabel('New title').press('Enter');
  await expect(drawerOf(second).locator('.conversation-title')).toHaveText([
    'Renamed in one window',
  ]);
  await drawerOf(first).getByRole('button', { name: 'Close' }).click();

  // A slow answer streams in the first window while the second deletes its conversation.
  gateway.control.setReply('word '.repeat(400));
  gateway.control.setPace(30);
  await ask(first, 'A long answer');
  await expect(lastAnswer(first).locator('.markdown')).toContainText('word word');
  await drawerOf(second).getByRole('button', { name: 'Delete “Renamed in one window”' }).click();
  await drawerOf(second).getByRole('button', { name: 'Yes' }).click();
  await expect(drawerOf(second).getByText('No conversations yet.')).toBeVisible();
  // The streaming window lets it go: nothing shown, and nothing re-created by a late save.
  await expect(first.locator('.question-text')).toHaveCount(0);
  await first.getByRole('button', { name: 'Conversations' }).click();
  await expect(drawerOf(first).getByText('No conversations yet.')).toBeVisible();
  gateway.control.setPace(0);
  // The panel empties only after its answer was stopped and its last save refused.
  expect(await storedConversations(first)).toEqual([]);
});

test('storage that refuses a write: the message and Retry, the question kept, then it is saved', async ({
  extensionContext,
  openExtensionPage,
  gateway,
}) => {
  const panel = await openSignedInPanel(extensionContext, openExtensionPage);
  gateway.control.setReply('Saved after all.');
  await chatStoreHook(panel, { fault: 'quota' });
  await ask(panel, 'Keep this question');
  const alert = panel.locator('.storage-notice');
  await expect(alert).toContainText(
    'Passlight could not save this conversation: the browser’s storage for extensions is full.',
  );
  await expect(panel.getByRole('textbox', { name: 'Your question' })).toHaveValue(
    'Keep this question',
  );
  expect(await storedConversations(panel)).toEqual([]);

  await chatStoreHook(panel, { fault: null });
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(lastAnswer(panel).locator('.markdown')).toHaveText('Saved after all.');
  await expect(alert).toHaveCount(0);
  await expect(panel.getByRole('textbox', { name: 'Your question' })).toHaveValue('');

  // A connection the browser closed is opened again, without a word to the person.
  await chatStoreHook(panel, { closeConnection: true });
  await ask(panel, 'After the connection closed');
  await expect(lastAnswer(panel).getByRole('button', { name: 'Regenerate' })).toBeVisible();
  await expect(alert).toHaveCount(0);
  const [stored] = await storedConversations(panel);
  expect(stored?.messageCount).toBe(4);
});

test('an image whose body never ends fails within its timeout, and the next Explain answers', async ({
  extensionContext,
  openExtensionPage,
  serviceWorker,
  sites,
  gateway,
}) => {
  test.setTimeout(60_000);
  const popup = await openExtensionPage('popup.html');
  await signInThroughPopup(extensionContext, popup);
  await popup.close();
  const article = await extensionContext.newPage();
  await article.goto(`${sites.pageOrigin}/article.html`);
  await article.locator('body[data-ready]').waitFor();
  await installMenuRelay(serviceWorker);
  const relay = await openRelayPage(extensionContext, serviceWorker);
  const probe = await SidePanelProbe.attach(extensionContext, relay);

  await clickMenu(relay, serviceWorker, article, {
    menuItemId: 'passlight-describe-image',
    srcUrl: `${sites.pageOrigin}/endless.jpg`,
    mediaType: 'image',
  });
  gateway.control.setReply('Explained after the image gave up.');
  await clickMenu(relay, serviceWorker, article, {
    menuItemId: 'passlight-explain',
    selectionText: ARTICLE_TEXT,
  });
  await expect
    .poll(() => probe.text(), { timeout: 25_000 })
    .toContain('Explained after the image gave up.');
  // The image's action ended with its reason, in a conversation of its own, before the Explain.
  const stored = await storedConversations(relay);
  expect(stored.map((c) => [c.title.split(':')[0], c.messageCount, c.errors]).sort()).toEqual([
    ['Explain', 2, []],
    ['Image', 2, ['This image took longer than 15 seconds to download.']],
  ]);
});
