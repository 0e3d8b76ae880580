/**
 * Conversations a person can find and take along: a very long one opens at its end, search finds
 * words in answers, one exports as Markdown, and all of them move to a fresh profile as JSON.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { seedConversation, storedConversations } from './conversation-store';
import { expect, launchOnProfile, test } from './fixtures';
import { ask, lastAnswer, openSignedInPanel } from './session';

/** Writes a conversation of `count` messages straight into the panel's store. */
function seedLongConversation(panel: Page, count: number): Promise<void> {
  return seedConversation(
    panel,
    { id: 'long-conversation', title: 'A very long one' },
    Array.from({ length: count }, (_, i) => ({
      role: i % 2 === 0 ? 'user' : 'assistant',
      text: `Message ${i}`,
    })),
  );
}

test('a conversation of 5,000 messages opens at its end and loads earlier ones on scrolling up', async ({
  extensionContext,
  openExtensionPage,
}) => {
  const panel = await openSignedInPanel(extensionContext, openExtensionPage);
  await seedLongConversation(panel, 5_000);
  await panel.reload(); // the panel that wrote it does not hear its own change
  await panel.getByRole('button', { name: 'Conversations' }).click();
  await panel.locator('.conversation-open', { hasText: 'A very long one' }).click();
  await expect(lastAnswer(panel).locator('.markdown')).toHaveText('Message 4999');
  const shown = panel.locator('.message');
  const firstCount = await shown.count();
  expect(firstCount).toBeLessThanOrEqual(60);
  await expect(panel.getByText('Message 0', { exact: true })).toHaveCount(0);

  await panel.locator('.messages').evaluate((list) => {
    list.scrollTop = 0;
  });
  await expect.poll(() => shown.count()).toBeGreaterThan(firstCount);
  // Where the person was reading stays on screen: the view did not jump to the new top.
  await expect(panel.getByText(`Message ${5_000 - firstCount}`, { exact: true })).toBeInViewport();
});

test('search finds a word that is only in an answer, highlighted; a conversation exports as Markdown', async ({
  extensionContext,
  openExtensionPage,
  gateway,
}) => {
  const panel = await openSignedInPanel(extensionContext, openExtensionPage);
  gateway.control.setReply('The zephyrine glass bends light.');
  await ask(panel, 'Tell me about glass');
  await expect(lastAnswer(panel).locator('.markdown')).toHaveText(
    'The zephyrine glass bends light.',
  );
  await panel.getByRole('button', { name: 'New conversation' }).click();
  gateway.control.setReply('Water does too.');
  await ask(panel, 'And water?');
  await expect(lastAnswer(panel).locator('.markdown')).toHaveText('Water does too.');

  await panel.getByRole('button', { name: 'Conversations' }).click();
  const drawer = panel.getByRole('region', { name: 'Conversations' });
  await drawer.getByLabel('Search conversations').fill('Zephyrine');
  await expect(drawer.locator('.conversation-title')).toHaveText(['Tell me about glass']);
  await expect(drawer.locator('mark')).toHaveText(['zephyrine']);

  const download = panel.waitForEvent('download');
  await drawer.getByRole('button', { name: 'Export “Tell me about glass” as Markdown' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Tell-me-about-glass.md');
  const markdown = await readFile((await file.path()) ?? '', 'utf8');
  expect(markdown).toBe(
    '# Tell me about glass\n\n## Question\n\nTell me about glass\n\n## Answer\n\nThe zephyrine glass bends light.\n',
  );
});

test('all conversations exported as JSON and imported into a fresh profile are the same', async ({
  extensionContext,
  openExtensionPage,
  gateway,
}) => {
  const panel = await openSignedInPanel(extensionContext, openExtensionPage);
  for (const question of ['First to take along', 'Second to take along']) {
    await panel.getByRole('button', { name: 'New conversation' }).click();
    gateway.control.setReply(`Answer to ${question}.`);
    await ask(panel, question);
    await expect(lastAnswer(panel).locator('.markdown')).toHaveText(`Answer to ${question}.`);
  }
  const options = await openExtensionPage('options.html');
  const section = options.getByRole('region', { name: 'Conversations' });
  await expect(section).toContainText('2 conversations of Ada Lovelace');
  const download = options.waitForEvent('download');
  await section.getByRole('button', { name: 'Export all (JSON)' }).click();
  const exported = await readFile((await (await download).path()) ?? '', 'utf8');
  const before = await storedConversations(options);

  const profile = await mkdtemp(path.join(tmpdir(), 'passlight-import-'));
  try {
    const fresh = await launchOnProfile(profile, gateway.url);
    const freshPanel = await openSignedInPanel(fresh.context, fresh.open);
    const freshOptions = await fresh.open('options.html');
    const freshSection = freshOptions.getByRole('region', { name: 'Conversations' });
    const importFile = (name: string, text: string) =>
      freshSection
        .getByLabel('Import conversations from a file')
        .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

    // A damaged file and one from a newer Passlight change nothing.
    await importFile('broken.json', exported.slice(0, 200));
    await expect(freshSection.getByRole('status')).toHaveText(
      'This file is not JSON: nothing was imported.',
    );
    await importFile('newer.json', JSON.stringify({ ...JSON.parse(exported), version: 99 }));
    await expect(freshSection.getByRole('status')).toContainText('newer Passlight');
    expect(await storedConversations(freshOptions)).toEqual([]);

    await importFile('conversations.json', exported);
    await expect(freshSection.getByRole('status')).toHaveText('Imported 2 conversations (2 new).');
    await importFile('conversations.json', exported);
    await expect(freshSection.getByRole('status')).toHaveText('Imported 2 conversations (0 new).');

    const summary = (list: Awaited<ReturnType<typeof storedConversations>>) =>
      list.map((c) => [c.id, c.title, c.messageCount]).sort();
    expect(summary(await storedConversations(freshOptions))).toEqual(summary(before));
    await freshPanel.getByRole('button', { name: 'Conversations' }).click();
    const drawer = freshPanel.getByRole('region', { name: 'Conversations' });
    await expect(drawer.locator('.conversation-title')).toHaveText([
      'Second to take along',
      'First to take along',
    ]);
    await drawer
      .getByRole('button', { name: /First to take along/ })
      .first()
      .click();
    await expect(lastAnswer(freshPanel).locator('.markdown')).toHaveText(
      'Answer to First to take along.',
    );
    await fresh.context.close();
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
});
