/**
 * A multi-vendor gateway, added on the options page: the local gateway listing `vendor/model`
 * ids with OpenRouter's `architecture` data, and the same ids bare. The picker offers its chat
 * models, an image is refused before it is sent to a model that reads text only, a model hidden
 * in Settings leaves the picker, and errors name the gateway.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { DEV_EXTENSION_ID } from '../../dev/extension-identity';
import { type Gateway, type ModelsShape, startGateway } from '../../dev/gateway';
import { chromiumRedirectUri } from '../../lib/auth/redirect-uri';
import { expect, test } from './fixtures';
import { addProviderInOptions } from './providers';
import { ask, lastAnswer, openSignInWindow } from './session';

const SEEING = 'openai/gpt-4o-mini';
const TEXT_ONLY = 'meta-llama/llama-3.3-70b-instruct';
const CHAT_MODELS = [
  SEEING,
  'anthropic/claude-3.5-haiku',
  TEXT_ONLY,
  'mistralai/mistral-small-3.1',
];

function startMosaic(modelsShape: ModelsShape): Promise<Gateway> {
  return startGateway({
    modelsShape,
    clients: [
      {
        clientId: 'passlight-mosaic',
        redirectUris: [chromiumRedirectUri(DEV_EXTENSION_ID, 'mosaic')],
        scopes: ['api:access', 'profile:read'],
      },
    ],
  });
}

/** Adds the gateway as "Mosaic" on the options page and signs in to it from the popup. */
async function addAndSignIn(
  context: BrowserContext,
  openExtensionPage: (file: string) => Promise<Page>,
  mosaic: Gateway,
): Promise<Page> {
  const options = await openExtensionPage('options.html');
  await addProviderInOptions(options, {
    issuer: mosaic.url,
    name: 'Mosaic',
    apiBase: `${mosaic.url}/oauth2/v1`,
    clientId: 'passlight-mosaic',
  });
  const popup = await openExtensionPage('popup.html');
  await (await openSignInWindow(context, popup, 'Mosaic'))
    .getByRole('button', { name: 'Authorize' })
    .click();
  await expect(popup.getByText('Signed in with Mosaic')).toBeVisible();
  await popup.close();
  return options;
}

async function pickerOptions(panel: Page): Promise<string[]> {
  await expect(panel.getByLabel('Model')).toBeEnabled();
  return panel.getByLabel('Model').locator('option').allTextContents();
}

function tinyPng(): Buffer {
  const png = new PNG({ width: 8, height: 8 });
  png.data.fill(180);
  return PNG.sync.write(png);
}

async function attachImage(panel: Page): Promise<void> {
  await panel
    .locator('input[type=file]')
    .setInputFiles({ name: 'dot.png', mimeType: 'image/png', buffer: tinyPng() });
  await expect(panel.getByRole('img', { name: 'Attachment 1' })).toBeVisible();
}

const chatCalls = (mosaic: Gateway) =>
  mosaic.control.requests().filter((r) => r.path === '/oauth2/v1/chat/completions');

test('OpenRouter-style listing: vision from architecture, image refused for text only, hidden model gone, budget error named', async ({
  extensionContext,
  openExtensionPage,
}) => {
  const mosaic = await startMosaic('openrouter');
  try {
    const options = await addAndSignIn(extensionContext, openExtensionPage, mosaic);
    const models = options.getByRole('region', { name: 'Models' });
    await expect(
      models.getByRole('heading', { name: /Chat that sees images \(3\)/ }),
    ).toBeVisible();
    await expect(models.getByRole('heading', { name: /^Chat \(1\)/ })).toBeVisible();
    await expect(models.getByRole('heading', { name: /Embeddings \(1\)/ })).toBeVisible();
    await expect(models.getByRole('heading', { name: /Text to speech \(1\)/ })).toBeVisible();

    const panel = await openExtensionPage('sidepanel.html');
    expect(await pickerOptions(panel)).toEqual(CHAT_MODELS);
    await expect(panel.getByLabel('Model')).toHaveValue(SEEING);
    await ask(panel, 'Hello, Mosaic');
    await expect(lastAnswer(panel).locator('.markdown')).toContainText('Hello, Mosaic');

    await panel.getByLabel('Model').selectOption(TEXT_ONLY);
    const callsBefore = chatCalls(mosaic).length;
    await attachImage(panel);
    await ask(panel, 'What is in this picture?');
    await expect(lastAnswer(panel).getByRole('alert')).toContainText(
      `${TEXT_ONLY} reads text only. Pick ${SEEING} or anthropic/claude-3.5-haiku or mistralai/mistral-small-3.1, which can see images.`,
    );
    expect(chatCalls(mosaic)).toHaveLength(callsBefore);

    await models
      .getByRole('checkbox', { name: 'Show anthropic/claude-3.5-haiku in the picker' })
      .uncheck();
    await panel.reload();
    expect(await pickerOptions(panel)).toEqual(
      CHAT_MODELS.filter((id) => !id.startsWith('anthropic/')),
    );

    await panel.getByLabel('Model').selectOption(SEEING);
    await panel.getByRole('button', { name: 'New conversation' }).click();
    mosaic.control.setBudget({ maxBudget: 1, totalCost: 1 });
    await ask(panel, 'Anything');
    await expect(lastAnswer(panel).getByRole('alert')).toContainText(
      'Your Mosaic budget is used up. Add credit there to continue.',
    );
  } finally {
    await mosaic.close();
  }
});

test('bare vendor/model ids: chat models by name, and kinds corrected in Settings are honoured', async ({
  extensionContext,
  openExtensionPage,
}) => {
  const mosaic = await startMosaic('vendor-ids');
  try {
    const options = await addAndSignIn(extensionContext, openExtensionPage, mosaic);
    const models = options.getByRole('region', { name: 'Models' });
    await expect(models.getByRole('heading', { name: /^Chat \(4\)/ })).toBeVisible();
    await expect(models.getByRole('heading', { name: /Embeddings \(1\)/ })).toBeVisible();

    const panel = await openExtensionPage('sidepanel.html');
    expect(await pickerOptions(panel)).toEqual(CHAT_MODELS);
    await ask(panel, 'Hello, bare ids');
    await expect(lastAnswer(panel).locator('.markdown')).toContainText('Hello, bare ids');

    await models.getByLabel(`Kind of ${SEEING}`).selectOption({ label: 'Chat that sees images' });
    await models
      .getByLabel('Kind of mistralai/mistral-small-3.1')
      .selectOption({ label: 'Embeddings' });
    await expect(
      models.getByRole('heading', { name: /Chat that sees images \(1\)/ }),
    ).toBeVisible();
    await expect(models.getByRole('heading', { name: /Embeddings \(2\)/ })).toBeVisible();
    await panel.reload();
    expect(await pickerOptions(panel)).toEqual(CHAT_MODELS.slice(0, 3));

    // Nobody said this model reads text only, so the image goes, and the gateway answers.
    await panel.getByLabel('Model').selectOption(TEXT_ONLY);
    const callsBefore = chatCalls(mosaic).length;
    await attachImage(panel);
    await ask(panel, 'And this picture?');
    await expect(lastAnswer(panel).getByRole('alert')).toBeVisible();
    expect(chatCalls(mosaic)).toHaveLength(callsBefore + 1);

    await panel.getByLabel('Model').selectOption(SEEING);
    await lastAnswer(panel).getByRole('button', { name: 'Retry' }).first().click();
    await expect(lastAnswer(panel).locator('.markdown')).toContainText('Image received: png 8x8');
  } finally {
    await mosaic.close();
  }
});

test('a stored setting that does not fit is reset, and the options page says so once', async ({
  openExtensionPage,
  serviceWorker,
}) => {
  await serviceWorker.evaluate(() =>
    chrome.storage.local.set({
      'providers.added': [{ id: 'x', name: 42 }],
      'settings.voice': 'robot',
    }),
  );
  const options = await openExtensionPage('options.html');
  const notice = options.getByRole('status').filter({ hasText: 'could not be read' });
  await expect(notice).toContainText('the providers you added');
  await expect(notice).toContainText('the read-aloud voice');
  // AI Pass is still there, and the voice is the default one.
  await expect(options.getByRole('radio', { name: /^AI Pass/ })).toBeChecked();
  await expect(options.getByLabel('Voice')).toHaveValue('alloy');
  await options.reload();
  await expect(options.getByRole('radio', { name: /^AI Pass/ })).toBeChecked();
  await expect(notice).toHaveCount(0);
});
