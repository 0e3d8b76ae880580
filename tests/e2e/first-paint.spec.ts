/**
 * The side panel from its first frame: the wordless frame index.html paints before any script is
 * laid out exactly as the panel that replaces it, and a question sent as the panel opens (before
 * the model list has arrived) is answered, not lost.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { extensionOutputDir } from '../../dev/build-extension';
import { expect, test } from './fixtures';
import { lastAnswer, signInThroughPopup } from './session';

/** The built panel page without its scripts: what paints before any script has run. */
async function writeShellOnlyPage(): Promise<string> {
  const dir = extensionOutputDir('test');
  const html = await readFile(path.join(dir, 'sidepanel.html'), 'utf8');
  const file = 'e2e-shell-frame.html';
  await writeFile(path.join(dir, file), html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, ''));
  return file;
}

/** Where the frame's boxes are: the header and its buttons, the picker, the composer's parts. */
function boxes(page: Page) {
  return page.evaluate(() => {
    const selectors = [
      '.brand-header',
      '.brand-logo',
      '.brand-actions .icon-btn:nth-child(1)',
      '.brand-actions .icon-btn:nth-child(2)',
      '.toolbar',
      '.composer',
      '.composer-row .icon-btn',
      '.composer textarea',
    ];
    return Object.fromEntries(
      selectors.map((selector) => {
        const box = document.querySelector(selector)?.getBoundingClientRect();
        return [selector, box ? [box.x, box.y, box.width, box.height].map(Math.round) : null];
      }),
    );
  });
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the frame painted before any script is where the panel then is (${colorScheme})`, async ({
    extensionContext,
    openExtensionPage,
  }, testInfo) => {
    const popup = await openExtensionPage('popup.html');
    await signInThroughPopup(extensionContext, popup);
    await popup.close();

    const shell = await openExtensionPage(await writeShellOnlyPage());
    await shell.setViewportSize({ width: 400, height: 640 });
    await shell.emulateMedia({ colorScheme });
    await shell.screenshot({ path: testInfo.outputPath(`shell-${colorScheme}.png`) });
    const before = await boxes(shell);
    // The page's styles are in the page itself, allowed by the CSP's hash of them: nothing to
    // fetch before the first paint, and yet styled (the header is a row, the page in the theme).
    expect(await shell.locator('link[rel="stylesheet"]').count()).toBe(0);
    await expect(shell.locator('.brand-header')).toHaveCSS('display', 'flex');
    await expect(shell.locator('body')).toHaveCSS(
      'background-color',
      colorScheme === 'dark' ? 'rgb(18, 18, 28)' : 'rgb(247, 247, 251)',
    );

    const panel = await openExtensionPage('sidepanel.html');
    await panel.setViewportSize({ width: 400, height: 640 });
    await panel.emulateMedia({ colorScheme });
    await expect(panel.getByLabel('Model')).toBeEnabled();
    await panel.screenshot({ path: testInfo.outputPath(`panel-${colorScheme}.png`) });
    const after = await boxes(panel);

    for (const box of Object.values(before)) expect(box).not.toBeNull();
    // Same places and sizes, except that the words widen the buttons and the picker around them.
    expect(after['.brand-header']).toEqual(before['.brand-header']);
    expect(after['.brand-logo']).toEqual(before['.brand-logo']);
    expect(after['.brand-actions .icon-btn:nth-child(1)']).toEqual(
      before['.brand-actions .icon-btn:nth-child(1)'],
    );
    expect(after['.brand-actions .icon-btn:nth-child(2)']).toEqual(
      before['.brand-actions .icon-btn:nth-child(2)'],
    );
    expect(after['.toolbar']).toEqual(before['.toolbar']);
    expect(after['.composer']).toEqual(before['.composer']);
    expect(after['.composer-row .icon-btn']).toEqual(before['.composer-row .icon-btn']);
    const [x, y, , height] = after['.composer textarea'] ?? [];
    expect([x, y, height]).toEqual([
      before['.composer textarea']?.[0],
      before['.composer textarea']?.[1],
      before['.composer textarea']?.[3],
    ]);
  });
}

test('a question sent as the panel opens, before the model list has arrived, is answered', async ({
  extensionContext,
  openExtensionPage,
  gateway,
}) => {
  const popup = await openExtensionPage('popup.html');
  await signInThroughPopup(extensionContext, popup);
  await popup.close();

  // The model list is held back until the question has been sent.
  let releaseModels: () => void = () => {};
  const modelsHeld = new Promise<void>((resolve) => {
    releaseModels = resolve;
  });
  await extensionContext.route('**/oauth2/v1/models', async (route) => {
    await modelsHeld;
    await route.continue();
  });
  gateway.control.setReply('Light is fast.');

  const panel = await openExtensionPage('sidepanel.html');
  const box = panel.getByRole('textbox', { name: 'Your question' });
  await box.fill('How fast is light?');
  await box.press('Enter');
  await expect(panel.getByLabel('Model')).toBeDisabled(); // the list is still on its way
  await expect(box).toHaveValue('How fast is light?'); // kept, not lost

  releaseModels();
  await expect(lastAnswer(panel).locator('.markdown')).toHaveText('Light is fast.');
  await expect(box).toHaveValue('');
  const chat = gateway.control.requests().find((r) => r.path === '/oauth2/v1/chat/completions');
  const sent = chat?.body as { model?: string; messages: Array<{ content: unknown }> };
  expect(sent.model).toBe(await panel.getByLabel('Model').inputValue());
  expect(sent.messages.at(-1)?.content).toBe('How fast is light?');
});
