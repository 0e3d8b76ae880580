/**
 * Long conversations keep working: what is sent is fitted to the model's context as the gateway
 * lists it (oldest images first, then the oldest turns, with a note in the panel), and a model
 * that refuses a conversation as too long gets less of it on Retry. The local gateway holds each
 * chat model to its context as OpenAI does, so a request that does not fit fails for real.
 */
import type { Page } from '@playwright/test';
import { PNG } from 'pngjs';
import type { Gateway, RecordedRequest } from '../../dev/gateway';
import { type SeededMessage, seedConversation } from './conversation-store';
import { expect, test } from './fixtures';
import { ask, lastAnswer, openSignedInPanel } from './session';

const IMAGE_LEFT_OUT = '(An image was here; it was not sent again.)';
const LONG = 'a'.repeat(1_600); // about 400 tokens

function squarePng(): Buffer {
  const png = new PNG({ width: 64, height: 64 });
  png.data.fill(200);
  return PNG.sync.write(png);
}

/** The first `count` chat requests the gateway received; fails the test when fewer arrived. */
function chatRequests(gateway: Gateway, count: number): RecordedRequest[] {
  const requests = gateway.control
    .requests()
    .filter((r) => r.path === '/oauth2/v1/chat/completions')
    .slice(0, count);
  if (requests.length < count) throw new Error(`${requests.length} chat requests, not ${count}`);
  return requests;
}

type SentMessage = { role: string; content: string | Array<{ type: string; text?: string }> };

function sentMessages(request: { body: unknown }): SentMessage[] {
  return (request.body as { messages: SentMessage[] }).messages;
}

function textOf(message: SentMessage): string {
  return typeof message.content === 'string'
    ? message.content
    : message.content.map((part) => part.text ?? '').join('\n');
}

async function openSeeded(panel: Page, title: string, messages: SeededMessage[]): Promise<void> {
  await seedConversation(panel, { id: 'long', title }, messages);
  await panel.reload(); // the panel that wrote it does not hear its own change
  await expect(panel.getByLabel('Model')).toBeEnabled();
  await panel.getByRole('button', { name: 'Conversations' }).click();
  await panel.locator('.conversation-open', { hasText: title }).click();
  await expect(panel.locator('.question-text').first()).toBeVisible();
}

test('a conversation longer than an 8,192-token model: older images go, then the oldest turns, and the panel says so', async ({
  extensionContext,
  openExtensionPage,
  gateway,
}) => {
  gateway.control.setModelsShape('openrouter');
  gateway.control.setContextLength(8_192);
  const panel = await openSignedInPanel(extensionContext, openExtensionPage);
  const picture = `data:image/png;base64,${squarePng().toString('base64')}`;
  const history: SeededMessage[] = [];
  for (let i = 0; i < 4; i++)
    history.push({ role: 'user', text: `Turn ${i}: ${LONG}` }, { role: 'assistant', text: LONG });
  for (let i = 0; i < 2; i++)
    history.push(
      { role: 'user', text: `Picture ${i}`, images: [picture] },
      { role: 'assistant', text: `Picture ${i} shows a grey square.` },
    );
  await openSeeded(panel, 'Turns and pictures', history);

  await panel
    .locator('input[type=file]')
    .setInputFiles({ name: 'square.png', mimeType: 'image/png', buffer: squarePng() });
  await ask(panel, 'And this one?');
  await expect(lastAnswer(panel).locator('.markdown')).toContainText('Image received');
  await expect(lastAnswer(panel)).toContainText('Earlier messages were not sent');

  const [request] = chatRequests(gateway, 1) as [RecordedRequest];
  expect(request.status).toBe(200);
  const sent = sentMessages(request);
  // The system note, fewer than the 12 earlier messages, and the question.
  expect(sent.length).toBeLessThan(1 + history.length + 1);
  expect(sent[0]?.role).toBe('system');
  const texts = sent.map(textOf);
  expect(texts.some((text) => text.startsWith('Turn 0:'))).toBe(false);
  // The earlier pictures' turns are still there, without their images: they went first.
  for (const name of ['Picture 0', 'Picture 1']) {
    const turn = sent.find(
      (message) => textOf(message).startsWith(name) && message.role === 'user',
    );
    expect(turn?.content).toBe(`${name}\n\n${IMAGE_LEFT_OUT}`);
  }
  // The question keeps its own image, and the answer's room fits the model with it.
  const question = sent.at(-1);
  expect(Array.isArray(question?.content)).toBe(true);
  expect(request.images).toHaveLength(1);
  expect((request.body as { max_tokens?: number }).max_tokens).toBe(4_096);
  // The turns before were answered with everything: the note is on this answer only.
  await expect(panel.getByText('Earlier messages were not sent')).toHaveCount(1);
});

test('a model that refuses the conversation as too long gets less of it on Retry, and answers', async ({
  extensionContext,
  openExtensionPage,
  gateway,
}) => {
  // AI Pass's plain list says nothing of sizes: the panel's default fit is too much for this model.
  gateway.control.setContextLength(20_000);
  const panel = await openSignedInPanel(extensionContext, openExtensionPage);
  const history: SeededMessage[] = [];
  for (let i = 0; i < 40; i++)
    history.push({ role: 'user', text: `Turn ${i}: ${LONG}` }, { role: 'assistant', text: LONG });
  await openSeeded(panel, 'Forty long turns', history);

  await ask(panel, 'Sum it up');
  const alert = lastAnswer(panel).getByRole('alert');
  await expect(alert).toContainText(
    'This conversation is longer than the model can read. Retry sends less of it.',
  );
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(lastAnswer(panel).getByRole('button', { name: 'Regenerate' })).toBeVisible();
  await expect(lastAnswer(panel).locator('.markdown')).toContainText('Sum it up');
  await expect(lastAnswer(panel)).toContainText('Earlier messages were not sent');

  const [refused, answered] = chatRequests(gateway, 2) as [RecordedRequest, RecordedRequest];
  expect(refused.status).toBe(400);
  expect(answered.status).toBe(200);
  const refusedCount = sentMessages(refused).length;
  const answeredCount = sentMessages(answered).length;
  expect(refusedCount).toBeLessThan(1 + history.length + 1);
  expect(answeredCount).toBeLessThan(refusedCount);
  expect(sentMessages(answered).at(-1)?.content).toBe('Sum it up');
});
