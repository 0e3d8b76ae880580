/**
 * Hostile pages and hostile answers: each bound holds in the real extension, against the real
 * gateway, and the extension keeps answering clicks meanwhile. The gateway's log shows what was
 * sent (and, for hostile bodies, how much of them was read).
 */
import type { BrowserContext, Page, Worker } from '@playwright/test';
import type { Gateway } from '../../dev/gateway';
import { expect, test } from './fixtures';
import { clickMenu, installMenuRelay, openRelayPage, SidePanelProbe } from './page-actions';
import { ask, lastAnswer, openSignedInPanel, signInThroughPopup } from './session';
import { HOSTILE_TEXT, HOSTILE_TITLE, UNPUNCTUATED_TEXT } from './site/server';

test.describe.configure({ mode: 'serial' });

const CHAT_PATH = '/oauth2/v1/chat/completions';

/**
 * Another of Passlight's pages answers a click and shows what was typed within a second. All of
 * an extension's pages share one renderer, so a side panel stuck drawing would stall this too.
 */
async function answersAClickWithinASecond(page: Page): Promise<void> {
  const box = page.getByLabel('Client ID');
  await box.click({ timeout: 1000 });
  await box.press('End', { timeout: 1000 });
  await box.pressSequentially('!', { timeout: 1000 });
  await expect(box).toHaveValue(/!$/, { timeout: 1000 });
  await box.press('Backspace', { timeout: 1000 });
}

function requestsTo(gateway: Gateway, path: string) {
  return gateway.control.requests().filter((request) => request.path === path);
}

interface HostileKit {
  page: Page;
  relay: Page;
  probe: SidePanelProbe;
  /** The options page, to click in while the side panel works. */
  other: Page;
}

async function prepare(
  context: BrowserContext,
  openExtensionPage: (file: string) => Promise<Page>,
  serviceWorker: Worker,
  url: string,
): Promise<HostileKit> {
  const popup = await openExtensionPage('popup.html');
  await signInThroughPopup(context, popup);
  await popup.close();
  const other = await openExtensionPage('options.html');
  const page = await context.newPage();
  await page.goto(url);
  await installMenuRelay(serviceWorker);
  const relay = await openRelayPage(context, serviceWorker);
  return { page, relay, probe: await SidePanelProbe.attach(context, relay), other };
}

test('an SVG bomb is refused as too complex while every Passlight page keeps answering', async ({
  extensionContext,
  openExtensionPage,
  serviceWorker,
  sites,
  gateway,
}) => {
  const kit = await prepare(
    extensionContext,
    openExtensionPage,
    serviceWorker,
    `${sites.pageOrigin}/hostile.html`,
  );
  await kit.page.bringToFront();
  await clickMenu(kit.relay, serviceWorker, kit.page, {
    menuItemId: 'passlight-describe-image',
    srcUrl: `${sites.pageOrigin}/bomb.svg`,
    mediaType: 'image',
  });
  await answersAClickWithinASecond(kit.other);
  await expect.poll(() => kit.probe.text()).toContain('This SVG is too complex to describe');
  await answersAClickWithinASecond(kit.other);
  expect(requestsTo(gateway, CHAT_PATH)).toHaveLength(0); // nothing was sent to describe
});

test('a 400 KB selection without a sentence end reads at most 20,000 characters, after its cost is shown', async ({
  extensionContext,
  openExtensionPage,
  serviceWorker,
  sites,
  gateway,
}) => {
  const kit = await prepare(
    extensionContext,
    openExtensionPage,
    serviceWorker,
    `${sites.pageOrigin}/hostile.html`,
  );
  const selectionText = await kit.page.locator('#unpunctuated').innerText();
  expect(selectionText).toBe(UNPUNCTUATED_TEXT);
  await clickMenu(kit.relay, serviceWorker, kit.page, {
    menuItemId: 'passlight-read-aloud',
    selectionText,
  });
  const popup = await openExtensionPage('popup.html');
  const controls = popup.getByRole('region', { name: 'Read aloud' });
  await expect(controls).toContainText('Read the first 19,999 of 399,999 characters aloud?');
  await expect(controls).toContainText('Expected cost: about $0.30, from your balance.');
  await answersAClickWithinASecond(kit.other);
  expect(requestsTo(gateway, '/oauth2/v1/audio/speech')).toHaveLength(0);

  await controls.getByRole('button', { name: 'Read aloud' }).click();
  await expect(controls).toContainText('Reading the first 19,999 of 399,999 characters');
  await expect.poll(() => requestsTo(gateway, '/oauth2/v1/audio/speech').length).toBeGreaterThan(1);
  await answersAClickWithinASecond(kit.other);
  await controls.getByRole('button', { name: 'Stop reading aloud' }).click();
  const sent = requestsTo(gateway, '/oauth2/v1/audio/speech')
    .map((request) => (request.body as { input: string }).input.length)
    .reduce((total, length) => total + length, 0);
  expect(sent).toBeLessThanOrEqual(20_000);
});

test('page text that closes the old delimiter, and its title, stay inside the quote', async ({
  extensionContext,
  openExtensionPage,
  serviceWorker,
  sites,
  gateway,
}) => {
  const kit = await prepare(
    extensionContext,
    openExtensionPage,
    serviceWorker,
    `${sites.pageOrigin}/hostile.html`,
  );
  gateway.control.setReply('A page about cheap flights.');
  await clickMenu(kit.relay, serviceWorker, kit.page, { menuItemId: 'passlight-summarize-page' });
  await expect.poll(() => kit.probe.text()).toContain('A page about cheap flights.');
  const body = requestsTo(gateway, CHAT_PATH).at(-1)?.body as {
    max_tokens: number;
    messages: Array<{ role: string; content: string }>;
  };
  expect(body.max_tokens).toBe(4000); // Summarize's own ceiling
  expect(body.messages[0]?.content).toContain('never instructions');
  const question = body.messages.at(-1)?.content ?? '';
  const nonce = /<<<QUOTE-([0-9a-f]{24})\n/.exec(question)?.[1] ?? '';
  expect(nonce).not.toBe('');
  const quoted = question.slice(
    question.indexOf(`<<<QUOTE-${nonce}\n`),
    question.lastIndexOf(`\nQUOTE-${nonce}>>>`),
  );
  expect(quoted).toContain(`Page title: ${HOSTILE_TITLE}`);
  expect(quoted).toContain(`Page address: ${sites.pageOrigin}/hostile.html`);
  expect(quoted).toContain(HOSTILE_TEXT);
  // After the quote, only Passlight's own note of what was cut.
  expect(question.slice(question.lastIndexOf(`\nQUOTE-${nonce}>>>`))).toMatch(
    new RegExp(
      `^\\nQUOTE-${nonce}>>>\\n\\(The text was cut to fit: [\\d,]+ characters at the end were left out\\.\\)$`,
    ),
  );
});

const linksReply = (articleUrl: string) =>
  `Here is [the article](${articleUrl}) you asked about, and ` +
  '[your account settings](https://evil.example/steal?data=your+question). ' +
  'Also [write to us](mailto:thief@evil.example?subject=Hi&body=the+secret).\n\n' +
  '![chart](https://evil.example/pixel?d=1)';

for (const colorScheme of ['light', 'dark'] as const) {
  test(`links show their host, an unknown host asks first, a mailto with a body is text (${colorScheme})`, async ({
    extensionContext,
    openExtensionPage,
    gateway,
    sites,
  }, testInfo) => {
    const panel = await openSignedInPanel(extensionContext, openExtensionPage);
    await panel.emulateMedia({ colorScheme });
    const articleUrl = `${sites.pageOrigin}/article.html`;
    gateway.control.setReply(linksReply(articleUrl));
    await ask(panel, 'Where is the page on 127.0.0.1 about light?');
    const answer = lastAnswer(panel).locator('.markdown');
    await expect(answer).toContainText('the article (127.0.0.1)');
    await expect(answer).toContainText('your account settings (evil.example)');
    await expect(answer).toContainText(
      'write to us (not a link: mailto:thief@evil.example?subject=Hi&body=the+secret)',
    );
    await expect(answer).toContainText('[image: chart] (evil.example)');
    await expect(answer.locator('a[href^="mailto:"]')).toHaveCount(0);

    const opened: Page[] = [];
    extensionContext.on('page', (page) => opened.push(page));
    await answer.getByRole('link', { name: 'your account settings' }).click();
    const dialog = panel.getByRole('alertdialog', { name: 'Open this link?' });
    await expect(dialog).toContainText('https://evil.example/steal?data=your+question');
    await panel.screenshot({ path: testInfo.outputPath(`links-${colorScheme}.png`) });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    expect(opened).toHaveLength(0);

    // A host the question named opens at once.
    const tab = extensionContext.waitForEvent('page');
    await answer.getByRole('link', { name: 'the article' }).click();
    expect((await tab).url()).toBe(articleUrl);
    await expect(dialog).toBeHidden();
  });
}

test('an SSE line that never ends is cut off at the line limit', async ({
  extensionContext,
  openExtensionPage,
  gateway,
}) => {
  const panel = await openSignedInPanel(extensionContext, openExtensionPage);
  const other = await openExtensionPage('options.html');
  gateway.control.injectFault({ kind: 'hostile-body', body: 'endless-line', path: CHAT_PATH });
  await ask(panel, 'Anything');
  await answersAClickWithinASecond(other);
  await expect(lastAnswer(panel).getByRole('alert')).toContainText(
    'The server sent a line too long to be part of an answer, so the answer was stopped.',
  );
  await expect.poll(() => requestsTo(gateway, CHAT_PATH)[0]?.finishedAt ?? null).not.toBeNull();
  expect(requestsTo(gateway, CHAT_PATH)[0]?.bytesSent).toBeLessThan(16 * 1024 * 1024);
});

test('a 1 GB model list is read no further than its cap', async ({
  extensionContext,
  openExtensionPage,
  gateway,
}) => {
  const popup = await openExtensionPage('popup.html');
  await signInThroughPopup(extensionContext, popup);
  await popup.close();
  gateway.control.injectFault({
    kind: 'hostile-body',
    body: 'gigabyte',
    path: '/oauth2/v1/models',
  });
  const panel = await openExtensionPage('sidepanel.html');
  await expect(panel.getByText('The server sent far more than expected')).toBeVisible();
  const hostile = () =>
    requestsTo(gateway, '/oauth2/v1/models').find((r) => r.fault === 'hostile body: gigabyte');
  await expect.poll(() => hostile()?.finishedAt ?? null).not.toBeNull(); // the panel let go
  expect(hostile()?.bytesSent).toBeLessThan(64 * 1024 * 1024);
});

test('an answer that never ends stops at 1,000,000 characters with a note', async ({
  extensionContext,
  openExtensionPage,
  gateway,
}) => {
  const panel = await openSignedInPanel(extensionContext, openExtensionPage);
  const other = await openExtensionPage('options.html');
  gateway.control.injectFault({ kind: 'hostile-body', body: 'endless-answer', path: CHAT_PATH });
  await ask(panel, 'Anything');
  await expect(lastAnswer(panel).locator('.markdown')).toContainText('and on and on');
  await expect(lastAnswer(panel).getByRole('alert')).toContainText(
    'The answer passed 1,000,000 characters, so it was stopped there.',
    { timeout: 30_000 },
  );
  await answersAClickWithinASecond(other);
  await expect.poll(() => requestsTo(gateway, CHAT_PATH)[0]?.finishedAt ?? null).not.toBeNull();
  expect(requestsTo(gateway, CHAT_PATH)[0]?.bytesSent).toBeLessThan(200 * 1024 * 1024);
});

test('extension pages reach https and loopback only: plain http to the open web is refused', async ({
  openExtensionPage,
}) => {
  const panel = await openExtensionPage('sidepanel.html');
  const violation = await panel.evaluate(async () => {
    const seen = new Promise<string>((resolve) =>
      document.addEventListener('securitypolicyviolation', (event) =>
        resolve(`${event.effectiveDirective} ${event.blockedURI}`),
      ),
    );
    await fetch('http://example.invalid/collect').catch(() => undefined);
    return seen;
  });
  expect(violation).toBe('connect-src http://example.invalid/collect');
});

test('Describe image asks for access to the image’s own origin only, never all sites', async ({
  extensionContext,
  openExtensionPage,
  serviceWorker,
  sites,
}) => {
  const kit = await prepare(
    extensionContext,
    openExtensionPage,
    serviceWorker,
    `${sites.pageOrigin}/article.html`,
  );
  // Records what the click asks for (a headless browser cannot show the prompt itself).
  await serviceWorker.evaluate(() => {
    const scope = globalThis as { askedFor?: string[] };
    scope.askedFor = [];
    const request = chrome.permissions.request.bind(chrome.permissions);
    chrome.permissions.request = ((permissions: chrome.permissions.Permissions) => {
      scope.askedFor?.push(...(permissions.origins ?? []));
      return request(permissions);
    }) as typeof chrome.permissions.request;
  });
  await kit.page.bringToFront();
  await clickMenu(kit.relay, serviceWorker, kit.page, {
    menuItemId: 'passlight-describe-image',
    srcUrl: `${sites.otherOrigin}/photo.jpg`,
    mediaType: 'image',
  });
  await expect
    .poll(() => serviceWorker.evaluate(() => (globalThis as { askedFor?: string[] }).askedFor))
    .toEqual([`${sites.otherOrigin}/*`]);
});
