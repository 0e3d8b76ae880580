/**
 * Passlight end to end in Firefox ESR: the real add-on in a real Firefox against the local
 * gateway. One browser for the whole file (starting Firefox costs seconds); every test starts
 * from empty storage and a reset gateway.
 *
 * Firefox's native menus cannot be clicked headless and its menu events cannot be dispatched from
 * outside, so a real click in an extension page calls the background's own menu handler
 * synchronously (test builds expose it): inside that click, as inside a real menu click, Firefox
 * lets `sidebarAction.open()` run. The sidebar is then checked through Firefox's own state
 * (`sidebarAction.isOpen`) and read through `extension.getViews({ type: 'sidebar' })`.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { extensionOutputDir } from '../../dev/build-extension';
import { FIREFOX_REDIRECT_URI } from '../../dev/extension-identity';
import {
  clickText,
  type FirefoxWithExtension,
  launchFirefox,
  signInFromPopup,
  textOf,
} from '../../dev/firefox';
import { type Gateway, startGateway } from '../../dev/gateway';
import { originPatternFor } from '../../lib/browsers/host-pattern';
import { ARTICLE_TEXT, startTestSites, type TestSites } from '../e2e/site/server';
import { type MenuClick, SidebarProbe, startAfresh } from './steps';

let gateway: Gateway;
let sites: TestSites;
let firefox: FirefoxWithExtension;
let sidebar: SidebarProbe;

beforeAll(async () => {
  [gateway, sites, firefox] = await Promise.all([
    startGateway(),
    startTestSites(),
    launchFirefox(extensionOutputDir('test', 'firefox')),
  ]);
  sidebar = new SidebarProbe(firefox.control);
}, 60_000);

afterAll(async () => {
  await firefox?.close();
  await Promise.all([gateway?.close(), sites?.close()]);
});

beforeEach(() => startAfresh(firefox, gateway));

function chatRequests() {
  return gateway.control.requests().filter((r) => r.path === '/oauth2/v1/chat/completions');
}

/** Read aloud's status as stored for every page, with the reason when it is an error. */
async function speechStatus(page = firefox.control): Promise<string> {
  return page.evaluate(async () => {
    const { 'speech.state': state } = await chrome.storage.session.get('speech.state');
    const { status = 'idle', message = '' } = (state ?? {}) as {
      status?: string;
      message?: string;
    };
    return status === 'error' ? `error: ${message}` : status;
  });
}

function lastUserContent(): string {
  const body = chatRequests().at(-1)?.body as
    | { messages?: Array<{ content: unknown }> }
    | undefined;
  return JSON.stringify(body?.messages?.at(-1)?.content ?? '');
}

describe('Passlight in Firefox', () => {
  it('signs in from the popup with the Firefox redirect URI and shows the name and balance', async () => {
    gateway.control.setBudget({ maxBudget: 12.5, totalCost: 2.25 });
    const popup = await firefox.open('popup.html');
    await signInFromPopup(firefox.browser, popup, gateway.url);
    await expect.poll(() => textOf(popup)).toContain('ada@example.test');
    await expect
      .poll(() => popup.$eval('[data-testid=remaining]', (e) => e.textContent))
      .toBe('$10.25');
    const token = gateway.control.requests().find((r) => r.path === '/oauth2/token');
    expect(token?.body).toMatchObject({ redirectUri: FIREFOX_REDIRECT_URI });
    expect(await firefox.control.evaluate(() => chrome.identity.getRedirectURL('aipass'))).toBe(
      FIREFOX_REDIRECT_URI,
    );
    // The local gateway is reached through the port-less pattern Firefox honours.
    expect(await firefox.control.evaluate(() => chrome.permissions.getAll())).toMatchObject({
      origins: ['http://127.0.0.1/*'],
    });

    // Firefox opens a new add-on's sidebar at install: closed first, to be opened by the popup.
    if (await sidebar.isOpen()) await sidebar.close();
    await popup.bringToFront();
    await clickText(popup, 'button', 'Open side panel');
    await expect.poll(() => sidebar.isOpen()).toBe(true);
  });

  it('streams a chat answer in the sidebar page', async () => {
    gateway.control.setReply('Glass slows light down to about two thirds of its speed.');
    await signInFromPopup(firefox.browser, await firefox.open('popup.html'), gateway.url);
    const panel = await firefox.open('sidepanel.html');
    await panel.locator('#question').fill('How fast is light in glass?');
    await panel.keyboard.press('Enter');
    await expect
      .poll(() => panel.$eval('article[aria-label=Answer]', (e) => e.textContent ?? ''))
      .toContain('Glass slows light down to about two thirds of its speed.');
    expect(lastUserContent()).toContain('How fast is light in glass?');
  });

  describe('right-click actions, answered in the real sidebar', () => {
    let article: import('puppeteer-core').Page;
    let menu: (click: MenuClick) => Promise<void>;

    beforeEach(async () => {
      await signInFromPopup(firefox.browser, await firefox.open('popup.html'), gateway.url);
      article = await firefox.browser.newPage();
      await article.goto(`${sites.pageOrigin}/article.html`);
      await article.waitForSelector('body[data-ready]');
      menu = await sidebar.menuOn(article);
    });

    it('Explain opens the sidebar and answers about the selection', async () => {
      gateway.control.setReply('Light is very fast, and glass slows it down.');
      await menu({ menuItemId: 'passlight-explain', selectionText: ARTICLE_TEXT });
      await expect.poll(() => sidebar.isOpen()).toBe(true);
      await expect
        .poll(() => sidebar.text())
        .toContain('Light is very fast, and glass slows it down.');
      expect(await sidebar.text()).toContain('Notes on light');
      expect(lastUserContent()).toContain('Light travels at about 299,792 kilometres per second');
    });

    it('Summarize reads the page in the page and answers in the sidebar', async () => {
      gateway.control.setReply('A page about the speed of light.');
      await menu({ menuItemId: 'passlight-summarize-page' });
      await expect.poll(() => sidebar.text()).toContain('A page about the speed of light.');
      expect(lastUserContent()).toContain('It slows down in glass and water');
    });

    it('Describe image reads an image from a second origin without CORS', async () => {
      const srcUrl = await article.$eval('#other', (img) => (img as HTMLImageElement).currentSrc);
      expect(new URL(srcUrl).origin).toBe(sites.otherOrigin);
      await menu({ menuItemId: 'passlight-describe-image', srcUrl, mediaType: 'image' });
      await expect.poll(() => sidebar.text(), { timeout: 20_000 }).toContain('Image received:');
      const received = chatRequests().at(-1)?.images?.[0];
      expect(received?.format).toBe('jpeg');
      expect((received?.width ?? 0) / (received?.height ?? 1)).toBeCloseTo(600 / 400, 1);
      // Asked for in the click, for the image's own site only (port-less, as Firefox reads it).
      const imageSite = originPatternFor(sites.otherOrigin, { portless: true });
      const granted = await firefox.control.evaluate(
        (origins) =>
          Promise.all([
            chrome.permissions.contains({ origins }),
            chrome.permissions.contains({ origins: ['<all_urls>'] }),
          ]),
        [imageSite],
      );
      expect(granted).toEqual([true, false]);
      await firefox.control.evaluate(
        (origins) => chrome.permissions.remove({ origins }),
        [imageSite],
      );
    });

    it.each([
      { name: 'a same-origin PNG', selector: '#same', format: 'png', ratio: 640 / 480 },
      { name: 'a blob: URL, read inside the page', selector: '#blob', format: 'png', ratio: 4 / 3 },
      { name: 'an SVG, drawn to a PNG', selector: '#svg', format: 'png', ratio: 240 / 120 },
    ])('Describe image reads $name', async ({ selector, format, ratio }) => {
      const srcUrl = await article.$eval(selector, (img) => (img as HTMLImageElement).currentSrc);
      await menu({ menuItemId: 'passlight-describe-image', srcUrl, mediaType: 'image' });
      await expect.poll(() => sidebar.text(), { timeout: 20_000 }).toContain('Image received:');
      const received = chatRequests().at(-1)?.images?.[0];
      expect(received?.format).toBe(format);
      expect((received?.width ?? 0) / (received?.height ?? 1)).toBeCloseTo(ratio, 1);
    });

    it('Read aloud plays from the background page, pauses, resumes and stops', async () => {
      const text = Array.from(
        { length: 12 },
        (_, i) => `This is sentence number ${i + 1} of the text.`,
      ).join(' ');
      await menu({ menuItemId: 'passlight-read-aloud', selectionText: text });
      await expect.poll(() => speechStatus(), { timeout: 15_000 }).toBe('playing');
      const speech = gateway.control.requests().filter((r) => r.path === '/oauth2/v1/audio/speech');
      expect(JSON.stringify(speech[0]?.body)).toContain('sentence number 1');
      expect(await sidebar.text()).toContain('Reading aloud');

      const popup = await firefox.open('popup.html');
      await popup.locator('button[aria-label="Pause reading aloud"]').click();
      await expect.poll(() => speechStatus()).toBe('paused');
      await popup.locator('button[aria-label="Resume reading aloud"]').click();
      await expect.poll(() => speechStatus()).toBe('playing');
      await popup.locator('button[aria-label="Stop reading aloud"]').click();
      await expect.poll(() => speechStatus()).toBe('idle');
      await expect.poll(() => sidebar.text()).not.toContain('Reading aloud');
    });

    it('the Explain command reads the selection in the page and answers in the sidebar', async () => {
      gateway.control.setReply('Explained from the keyboard.');
      await article.evaluate(() => {
        const range = document.createRange();
        range.selectNodeContents(document.getElementById('text') as HTMLElement);
        getSelection()?.addRange(range);
      });
      await sidebar.pressCommand(article, 'explain-selection');
      await expect.poll(() => sidebar.isOpen()).toBe(true);
      await expect.poll(() => sidebar.text()).toContain('Explained from the keyboard.');
      expect(lastUserContent()).toContain('It slows down in glass and water');
    });
  });

  it('sign-out revokes the refresh token and the access token', async () => {
    const popup = await firefox.open('popup.html');
    await signInFromPopup(firefox.browser, popup, gateway.url);
    const tokens = await firefox.control.evaluate(async () => {
      const stored = await chrome.storage.session.get('auth.tokens.aipass');
      return stored['auth.tokens.aipass'] as { accessToken: string; refreshToken: string };
    });
    gateway.control.clearRequests();
    await clickText(popup, 'button', 'Sign out');
    await popup.waitForSelector('button::-p-text(Sign in with AI Pass)');
    // The tokens leave storage first; their revocations follow.
    const revoked = () =>
      gateway.control
        .requests()
        .filter((r) => r.path === '/oauth2/revoke')
        .map((r) => (r.body as { token?: string }).token);
    await expect.poll(revoked).toEqual([tokens.refreshToken, tokens.accessToken]);
    const left = await firefox.control.evaluate(() => chrome.storage.session.get(null));
    expect(JSON.stringify(left)).not.toContain(tokens.refreshToken);
  });
});

it('a reading outlives Firefox ending idle event pages', async () => {
  // The same add-on in a Firefox that ends an idle event page after 3 s instead of 30 s.
  const idleFirefox = await launchFirefox(extensionOutputDir('test', 'firefox'), {
    prefs: { 'extensions.background.idle.timeout': 3_000 },
  });
  try {
    const { control } = idleFirefox;
    await control.evaluate(
      (serverUrl) => chrome.storage.local.set({ 'settings.serverUrl': serverUrl }),
      gateway.url,
    );
    await signInFromPopup(idleFirefox.browser, await idleFirefox.open('popup.html'), gateway.url);
    // About 8 s of audio in one part: longer than the idle time, with nothing else going on.
    const text =
      'A reading that goes on for a while, longer than an idle event page may live. '.repeat(2);
    await control.evaluate(async (text) => {
      const background = (await chrome.runtime.getBackgroundPage()) as unknown as {
        passlightTest: { onMenuClick(info: object, tab: object): void };
        readingStartedHere?: boolean;
      };
      background.readingStartedHere = true;
      background.passlightTest.onMenuClick(
        { menuItemId: 'passlight-read-aloud', selectionText: text, editable: false },
        { id: 1, windowId: 1, url: 'about:blank', title: '' },
      );
    }, text);
    await expect.poll(() => speechStatus(control), { timeout: 10_000 }).toBe('playing');
    // It plays to its end, in the same background page.
    await expect.poll(() => speechStatus(control), { timeout: 20_000 }).toBe('idle');
    expect(
      await control.evaluate(
        async () =>
          (
            (await chrome.runtime.getBackgroundPage()) as unknown as {
              readingStartedHere?: boolean;
            }
          ).readingStartedHere,
      ),
    ).toBe(true);
  } finally {
    await idleFirefox.close();
  }
}, 60_000);
