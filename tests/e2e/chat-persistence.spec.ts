import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { expect, launchOnProfile, test } from './fixtures';
import { ask, lastAnswer, openSignedInPanel } from './session';

test('conversations survive closing the panel and restarting the browser', async ({ gateway }) => {
  const profile = await mkdtemp(path.join(tmpdir(), 'passlight-restart-'));
  try {
    let browser = await launchOnProfile(profile, gateway.url);

    let panel = await openSignedInPanel(browser.context, browser.open);
    gateway.control.setReply('First answer.');
    await ask(panel, 'First question');
    await expect(lastAnswer(panel).locator('.markdown')).toHaveText('First answer.');
    gateway.control.setReply('Second answer.');
    await panel.getByRole('button', { name: 'New conversation' }).click();
    await ask(panel, 'Second question');
    await expect(lastAnswer(panel).locator('.markdown')).toHaveText('Second answer.');

    await panel.close();
    panel = await browser.open('sidepanel.html');
    await expect(lastAnswer(panel).locator('.markdown')).toHaveText('Second answer.');

    await browser.context.close();
    browser = await launchOnProfile(profile);
    panel = await browser.open('sidepanel.html');
    await expect(panel.locator('.question-text')).toHaveText('Second question');
    await expect(lastAnswer(panel).locator('.markdown')).toHaveText('Second answer.');
    await panel.getByRole('button', { name: 'Conversations' }).click();
    const list = panel.getByRole('region', { name: 'Conversations' });
    await expect(list.locator('.conversation-title')).toHaveText([
      'Second question',
      'First question',
    ]);
    await list
      .getByRole('button', { name: /First question/ })
      .first()
      .click();
    await expect(lastAnswer(panel).locator('.markdown')).toHaveText('First answer.');
    await browser.context.close();
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
});

test('conversations can be searched, renamed and deleted', async ({
  extensionContext,
  openExtensionPage,
  gateway,
}) => {
  const panel = await openSignedInPanel(extensionContext, openExtensionPage);
  for (const question of ['Alpha question', 'Beta question']) {
    await panel.getByRole('button', { name: 'New conversation' }).click();
    gateway.control.setReply(`About ${question}.`);
    await ask(panel, question);
    await expect(lastAnswer(panel).getByRole('button', { name: 'Regenerate' })).toBeVisible();
  }
  await panel.getByRole('button', { name: 'Conversations' }).click();
  const drawer = panel.getByRole('region', { name: 'Conversations' });
  await drawer.getByLabel('Search conversations').fill('alp');
  await expect(drawer.locator('.conversation-title')).toHaveText(['Alpha question']);

  await drawer.getByRole('button', { name: 'Rename “Alpha question”' }).click();
  await drawer.getByLabel('New title').fill('Renamed alpha');
  await drawer.getByLabel('New title').press('Enter');
  await drawer.getByLabel('Search conversations').fill('');
  await expect(drawer.locator('.conversation-title')).toHaveText([
    'Beta question',
    'Renamed alpha',
  ]);

  await drawer.getByRole('button', { name: 'Delete “Beta question”' }).click();
  await drawer.getByRole('button', { name: 'Yes' }).click();
  await expect(drawer.locator('.conversation-title')).toHaveText(['Renamed alpha']);
});

/** A photo-like 3000×2000 PNG of noise: far above 800 KB, and hard to compress. */
function largeNoisyPng(): Buffer {
  const png = new PNG({ width: 3000, height: 2000 });
  let seed = 42;
  for (let i = 0; i < png.data.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    png.data[i] = i % 4 === 3 ? 255 : seed & 0xff;
  }
  return PNG.sync.write(png, { deflateLevel: 1 });
}

test('an attached large image reaches the gateway at no more than 800 KB', async ({
  extensionContext,
  openExtensionPage,
}) => {
  const panel = await openSignedInPanel(extensionContext, openExtensionPage);
  const original = largeNoisyPng();
  expect(original.length).toBeGreaterThan(800 * 1024);
  await panel
    .locator('input[type=file]')
    .setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: original });
  await expect(panel.getByRole('img', { name: 'Attachment 1' })).toBeVisible();
  await ask(panel, 'What is in this picture?');

  await expect(lastAnswer(panel).locator('.markdown')).toContainText('Image received: jpeg');
  const text = await lastAnswer(panel).locator('.markdown').innerText();
  const [, width, height, bytes] = /Image received: jpeg (\d+)x(\d+), (\d+) bytes/.exec(text) ?? [];
  expect(Number(bytes)).toBeLessThanOrEqual(800 * 1024);
  expect(Number(width) / Number(height)).toBeCloseTo(1.5, 2);
  await expect(panel.getByRole('img', { name: 'Attachment 1 you sent' })).toBeVisible();
});
