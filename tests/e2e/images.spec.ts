/**
 * Making and editing pictures against the local gateway: a `url` answer and a `b64_json` answer
 * both shown from `blob:` URLs and still there after the panel reopens; right-click → Edit image…
 * sends the page's picture byte for byte; Download, Copy and "Edit this image" on a result.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { PNG } from 'pngjs';
import type { Gateway } from '../../dev/gateway';
import { expect, test } from './fixtures';
import { clickMenu, installMenuRelay, openRelayPage, SidePanelProbe } from './page-actions';
import { openSignedInPanel, signInThroughPopup } from './session';

test.describe.configure({ mode: 'serial' });

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function requestsTo(gateway: Gateway, path: string) {
  return gateway.control.requests().filter((request) => request.path === `/oauth2/v1${path}`);
}

interface Part {
  field: string;
  value?: string;
  sha256?: string;
  bytes?: number;
}

function partsOf(gateway: Gateway): Part[] {
  const body = requestsTo(gateway, '/images/edits').at(-1)?.body as { parts?: Part[] } | undefined;
  return body?.parts ?? [];
}

/** The pictures of the last image answer, as `blob:` addresses. */
function lastPictures(panel: Page) {
  return panel.getByRole('article', { name: 'Image answer' }).last().locator('figure img');
}

async function switchToImages(panel: Page): Promise<void> {
  await panel.getByRole('button', { name: 'Image', exact: true }).click();
  await expect(panel.getByLabel('Image model')).toBeEnabled();
}

async function makeImage(panel: Page, prompt: string): Promise<void> {
  const box = panel.getByRole('textbox', { name: 'Describe the image' });
  await box.fill(prompt);
  await box.press('Enter');
}

/** The bytes behind an <img> shown from a `blob:` URL, read in the page. */
function bytesOf(image: ReturnType<typeof lastPictures>): Promise<number[]> {
  return image.evaluate(async (element: HTMLImageElement) => {
    if (!element.src.startsWith('blob:')) throw new Error(`not a blob: URL: ${element.src}`);
    return [...new Uint8Array(await (await fetch(element.src)).arrayBuffer())];
  });
}

test('a url answer and a b64_json answer are both shown, and still are after reopening', async ({
  extensionContext,
  openExtensionPage,
  gateway,
}) => {
  let panel = await openSignedInPanel(extensionContext, openExtensionPage);
  await switchToImages(panel);
  await expect(panel.getByLabel('Image model')).toHaveValue('fal_ai/flux/dev');
  await expect(panel.getByLabel('Size')).toBeVisible();

  gateway.control.setImageFormat('url');
  await makeImage(panel, 'a lighthouse at dusk');
  await expect(lastPictures(panel)).toHaveCount(1);
  const fromUrl = await bytesOf(lastPictures(panel));
  const generation = requestsTo(gateway, '/images/generations').at(-1);
  expect(generation?.body).toMatchObject({
    model: 'fal_ai/flux/dev',
    prompt: 'a lighthouse at dusk',
  });
  const files = gateway.control.requests().filter((request) => request.path.startsWith('/files/'));
  expect(files).toHaveLength(1); // the extension fetched the picture the answer linked to
  expect(fromUrl.slice(0, 4)).toEqual([0x89, 0x50, 0x4e, 0x47]);
  await expect(panel.getByRole('article', { name: 'Image answer' }).last()).toContainText('cost $');

  // Typed as a command in the text composer, answered as base64 this time.
  gateway.control.setImageFormat('b64_json');
  await panel.getByRole('button', { name: 'Text', exact: true }).click();
  const question = panel.getByRole('textbox', { name: 'Your question' });
  await question.fill('/image a red fox in the snow');
  await question.press('Enter');
  await expect(panel.getByRole('article', { name: 'Image answer' })).toHaveCount(2);
  await expect(lastPictures(panel)).toHaveCount(1);
  const fromBase64 = await bytesOf(lastPictures(panel));
  expect(requestsTo(gateway, '/images/generations').at(-1)?.body).toMatchObject({
    prompt: 'a red fox in the snow',
  });
  expect(gateway.control.requests().filter((r) => r.path.startsWith('/files/'))).toHaveLength(1);
  expect(sha256(Uint8Array.from(fromBase64))).not.toBe(sha256(Uint8Array.from(fromUrl)));

  // The panel closes and opens again: the conversation and both pictures come back from IndexedDB.
  await panel.close();
  panel = await openExtensionPage('sidepanel.html');
  const pictures = panel.locator('figure img');
  await expect(pictures).toHaveCount(2);
  expect(await bytesOf(pictures.first())).toEqual(fromUrl);
  expect(await bytesOf(pictures.last())).toEqual(fromBase64);

  // And the conversation reopened from the list after another one.
  await panel.getByRole('button', { name: 'New conversation' }).click();
  await expect(pictures).toHaveCount(0);
  await panel.getByRole('button', { name: 'Conversations' }).click();
  await panel
    .getByRole('button', { name: /a lighthouse at dusk/ })
    .first()
    .click();
  await expect(pictures).toHaveCount(2);
  expect(await bytesOf(pictures.last())).toEqual(fromBase64);
});

test('Download, Copy and Edit this image on a picture made here', async ({
  extensionContext,
  openExtensionPage,
  sites,
  gateway,
}) => {
  const panel = await openSignedInPanel(extensionContext, openExtensionPage);
  await switchToImages(panel);
  await makeImage(panel, 'a paper boat');
  await expect(lastPictures(panel)).toHaveCount(1);
  const shown = Uint8Array.from(await bytesOf(lastPictures(panel)));

  const downloading = panel.waitForEvent('download');
  await panel.getByRole('link', { name: 'Download' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^passlight-[0-9a-f]{8}\.png$/);
  expect(sha256(await readFile(await download.path()))).toBe(sha256(shown));

  await panel.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(panel.getByRole('button', { name: 'Copied' })).toBeVisible();
  // Read back where a web page may read it once allowed (an extension origin cannot be granted it).
  const reader = await extensionContext.newPage();
  await reader.goto(`${sites.pageOrigin}/article.html`);
  await extensionContext.grantPermissions(['clipboard-read'], { origin: sites.pageOrigin });
  const copied = await reader.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    const blob = await item?.getType('image/png');
    return blob ? [...new Uint8Array(await blob.arrayBuffer())] : [];
  });
  // Chromium re-encodes pictures on the clipboard: the pixels are the same, not the bytes.
  const [fromClipboard, original] = [Buffer.from(copied), Buffer.from(shown)].map((bytes) =>
    PNG.sync.read(bytes),
  );
  expect(fromClipboard?.width).toBe(original?.width);
  expect(fromClipboard?.height).toBe(original?.height);
  expect(sha256(fromClipboard?.data ?? new Uint8Array())).toBe(
    sha256(original?.data ?? new Uint8Array([1])),
  );
  await reader.close();

  await panel.getByRole('button', { name: 'Edit this image' }).click();
  await expect(panel.getByLabel('Editing model')).toHaveValue('fal_ai/flux-kontext/dev/edit');
  await expect(panel.getByRole('img', { name: 'Image 1 to edit' })).toBeVisible();
  const box = panel.getByRole('textbox', { name: 'Describe the image' });
  await expect(box).toBeFocused();
  await box.fill('make the boat red');
  await box.press('Enter');
  const answer = panel.getByRole('article', { name: 'Image answer' }).last();
  await expect(answer.getByRole('img', { name: 'Original image' })).toBeVisible();
  await expect(answer.getByRole('img', { name: /Edited image: make the boat red/ })).toBeVisible();
  const parts = partsOf(gateway);
  expect(parts.find((part) => part.field === 'prompt')?.value).toBe('make the boat red');
  expect(parts.find((part) => part.field === 'model')?.value).toBe('fal_ai/flux-kontext/dev/edit');
  expect(parts.filter((part) => part.field === 'image').map((part) => part.sha256)).toEqual([
    sha256(shown),
  ]);
});

test('right-click → Edit image… sends the page’s picture and the prompt, and shows the result beside it', async ({
  extensionContext,
  openExtensionPage,
  serviceWorker,
  sites,
  gateway,
}) => {
  const popup = await openExtensionPage('popup.html');
  await signInThroughPopup(extensionContext, popup);
  await popup.close();
  const article = await extensionContext.newPage();
  await article.goto(`${sites.pageOrigin}/article.html`);
  await article.locator('body[data-ready]').waitFor();
  await installMenuRelay(serviceWorker);
  const relay = await openRelayPage(extensionContext, serviceWorker);
  const probe = await SidePanelProbe.attach(extensionContext, relay);
  const srcUrl = await article
    .locator('#same')
    .evaluate((element: HTMLImageElement) => element.currentSrc);
  const original = new Uint8Array(await (await fetch(srcUrl)).arrayBuffer());

  await clickMenu(relay, serviceWorker, article, {
    menuItemId: 'passlight-edit-image',
    srcUrl,
    mediaType: 'image',
  });
  // The panel opens with the picture attached and the editing model chosen, asking what to change.
  await expect
    .poll(
      () =>
        probe.run(`String(
          document.querySelectorAll('.image-composer .attachment img').length === 1 &&
          document.querySelector('#image-model')?.value === 'fal_ai/flux-kontext/dev/edit' &&
          document.activeElement?.id === 'image-prompt'
        )`),
      { timeout: 20_000 },
    )
    .toBe('true');
  await probe.run(`(() => {
    const box = document.querySelector('#image-prompt');
    box.value = 'turn the sky orange';
    box.dispatchEvent(new Event('input', { bubbles: true }));
    document.querySelector('.image-composer button[type=submit]').click();
    return 'sent';
  })()`);

  await expect.poll(() => requestsTo(gateway, '/images/edits').length).toBe(1);
  const parts = partsOf(gateway);
  expect(parts.find((part) => part.field === 'prompt')?.value).toBe('turn the sky orange');
  const images = parts.filter((part) => part.field === 'image');
  expect(images.map((part) => part.sha256)).toEqual([sha256(original)]);
  expect(images[0]?.bytes).toBe(original.byteLength);

  await expect
    .poll(() =>
      probe.run(`String([...document.querySelectorAll('.picture-pair img')]
        .filter((image) => image.src.startsWith('blob:') && image.complete && image.naturalWidth > 0).length)`),
    )
    .toBe('2');
  expect(await probe.text()).toContain('Original');
  expect(await probe.text()).toContain('Edited');
});

test('a used-up budget says so on the picture, with Add credit, and nothing is kept', async ({
  extensionContext,
  openExtensionPage,
  gateway,
}) => {
  const panel = await openSignedInPanel(extensionContext, openExtensionPage);
  await switchToImages(panel);
  gateway.control.setBudget({ maxBudget: 1, totalCost: 1 });
  await makeImage(panel, 'a lighthouse at dusk');
  const answer = panel.getByRole('article', { name: 'Image answer' }).last();
  await expect(answer.getByRole('alert')).toContainText('balance is used up');
  await expect(answer.getByRole('button', { name: 'Add credit' })).toBeVisible();
  await expect(answer.locator('figure img')).toHaveCount(0);
  // As AI Pass does it: a 400 whose body says the budget was exceeded (a 402 reads the same).
  expect(requestsTo(gateway, '/images/generations').at(-1)?.status).toBe(400);
});
