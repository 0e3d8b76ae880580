/**
 * The core flow in Firefox ESR with the keyboard alone: sign in (the popup, then the gateway's
 * window), ask, stop with Escape, and a new conversation; only Tab, Shift+Tab, Enter, Escape and
 * typing.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionOutputDir } from '../../dev/build-extension';
import {
  type FirefoxWithExtension,
  launchFirefox,
  nextPageAt,
  textOf,
  waitUntil,
} from '../../dev/firefox';
import { type Gateway, startGateway } from '../../dev/gateway';

let gateway: Gateway;
let firefox: FirefoxWithExtension;

beforeAll(async () => {
  [gateway, firefox] = await Promise.all([
    startGateway(),
    launchFirefox(extensionOutputDir('test', 'firefox')),
  ]);
  await firefox.control.evaluate(
    (serverUrl) => chrome.storage.local.set({ 'settings.serverUrl': serverUrl }),
    gateway.url,
  );
}, 60_000);

afterAll(async () => {
  await firefox?.close();
  await gateway?.close();
});

/** The focused element's name as a person hears it: its label, or its text. */
function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return '';
    const label = element.getAttribute('aria-label');
    const labelled = (element as HTMLInputElement).labels?.[0]?.textContent;
    return (label ?? labelled ?? element.textContent ?? '').trim();
  });
}

/** Presses Tab (or Shift+Tab) until the focus is on the control named `name`. */
async function tabTo(page: Page, name: string, backwards = false): Promise<void> {
  const seen: string[] = [];
  for (let press = 0; press < 40; press++) {
    if (backwards) {
      await page.keyboard.down('Shift');
      await page.keyboard.press('Tab');
      await page.keyboard.up('Shift');
    } else await page.keyboard.press('Tab');
    const focused = await focusedName(page);
    if (focused === name) return;
    seen.push(focused);
  }
  throw new Error(`Tab never reached “${name}”; it went through: ${seen.join(' | ')}`);
}

const answerState = (panel: Page) =>
  panel.evaluate(() => {
    const answers = document.querySelectorAll('article[aria-label=Answer]');
    const last = answers[answers.length - 1];
    return { count: answers.length, busy: last?.getAttribute('aria-busy') ?? null };
  });

const REPLY = 'Lighthouses warn ships of rocks with a light that turns all night.';
const shownAnswer = (panel: Page) =>
  panel.evaluate(() => {
    const answers = document.querySelectorAll('article[aria-label=Answer] .markdown');
    return answers[answers.length - 1]?.textContent?.trim() ?? '';
  });

describe('Passlight in Firefox by keyboard alone', () => {
  it('signs in, asks, stops and starts a new conversation', async () => {
    const popup = await firefox.open('popup.html');
    await waitUntil('the popup offers sign-in', async () =>
      (await textOf(popup)).includes('Sign in with AI Pass'),
    );
    await tabTo(popup, 'Sign in with AI Pass');
    const authWindow = nextPageAt(firefox.browser, `${gateway.url}/`);
    await popup.keyboard.press('Enter');
    const authPage = await authWindow;
    await waitUntil('the gateway asks to authorize', async () =>
      (await textOf(authPage)).includes('Authorize'),
    );
    await tabTo(authPage, 'Authorize');
    // Enter submits, and the window may close before the key is released.
    await authPage.keyboard.press('Enter').catch((error: unknown) => {
      if (!authPage.isClosed()) throw error;
    });
    await waitUntil('the popup shows the account', async () =>
      (await textOf(popup)).includes('Ada Lovelace'),
    );

    const panel = await firefox.open('sidepanel.html');
    await waitUntil('the panel is ready to ask', () =>
      panel.evaluate(
        () => !(document.getElementById('model-picker') as HTMLSelectElement)?.disabled,
      ),
    );
    gateway.control.setReply(REPLY);
    gateway.control.setPace(250);
    await tabTo(panel, 'Your question');
    await panel.keyboard.type('Tell me about lighthouses');
    await panel.keyboard.press('Enter');
    await expect.poll(() => answerState(panel)).toEqual({ count: 1, busy: 'true' });
    // Stopped once words have arrived, so the request is on the wire and seen to be cut off.
    await waitUntil('the first words arrive', async () => (await shownAnswer(panel)) !== '');

    // The panel's Escape listener is on the document: note what reaches it while the question box
    // has the focus, to tell a key the driver never delivered from one the panel ignored.
    await panel.evaluate(() => {
      const heard: string[] = [];
      (window as unknown as { escapesHeard: string[] }).escapesHeard = heard;
      document.addEventListener('keydown', (event) => {
        if (event.key === 'Escape') heard.push(`${event.isTrusted}:${document.activeElement?.id}`);
      });
    });
    await panel.keyboard.press('Escape');
    await waitUntil('the answer says it stopped', async () =>
      (await textOf(panel)).includes('Stopped.'),
    ).catch(async (error: unknown) => {
      throw new Error(`${String(error)} The panel shows: ${await textOf(panel)}`);
    });
    expect((await answerState(panel)).busy).not.toBe('true');
    expect(
      await panel.evaluate(() => (window as unknown as { escapesHeard: string[] }).escapesHeard),
    ).toEqual(['true:question']);
    expect(REPLY.startsWith(await shownAnswer(panel))).toBe(true);
    expect((await shownAnswer(panel)).length).toBeLessThan(REPLY.length);
    // The panel hung up: the gateway's stream ended before its last event.
    await expect
      .poll(
        () =>
          gateway.control.requests().find((r) => r.path === '/oauth2/v1/chat/completions')?.aborted,
      )
      .toBe(true);
    expect(await panel.evaluate(() => document.activeElement?.closest('.composer') !== null)).toBe(
      true,
    );

    gateway.control.setPace(0);
    await tabTo(panel, 'New conversation', true);
    await panel.keyboard.press('Enter');
    await waitUntil('the panel is empty again', async () =>
      (await textOf(panel)).includes('Ask about anything you see'),
    );
    expect((await answerState(panel)).count).toBe(0);
    await tabTo(panel, 'Your question');
    await panel.keyboard.type('What about windmills?');
    await panel.keyboard.press('Enter');
    await waitUntil('the new question is answered', async () =>
      (await textOf(panel)).includes('Lighthouses warn ships'),
    );
    expect((await answerState(panel)).count).toBe(1);
  });
});
