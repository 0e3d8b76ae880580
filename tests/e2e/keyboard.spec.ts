/**
 * The whole flow with the keyboard alone: sign in (the popup, then the gateway's window), ask,
 * stop, regenerate, open a conversation, and an action from the keyboard shortcut, continued in
 * the panel. Only Tab, Shift+Tab, Enter, Space, Escape and typing; every focused control of the
 * extension shows its focus ring.
 *
 * A browser shortcut cannot be pressed headless (Chromium's shortcuts do not come in through
 * DevTools), so the test dispatches the command in the worker, as Chromium would on the press.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { lastAnswer } from './session';
import { ARTICLE_TEXT } from './site/server';

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

/**
 * Fails unless the focused element matches `:focus-visible` and draws an outline for it, in a
 * colour with at least 3:1 contrast against the page's background (WCAG 1.4.11).
 */
async function expectFocusVisible(page: Page): Promise<void> {
  const ring = await page.evaluate(() => {
    const element = document.activeElement as HTMLElement;
    const style = getComputedStyle(element);
    const luminance = (color: string) => {
      const [r = 0, g = 0, b = 0] = (color.match(/[\d.]+/g) ?? []).map(Number).map((c) => {
        const v = c / 255;
        return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const [light, dark] = [style.outlineColor, getComputedStyle(document.body).backgroundColor]
      .map(luminance)
      .sort((a, b) => b - a);
    return {
      focusVisible: element.matches(':focus-visible'),
      outline: `${style.outlineStyle} ${style.outlineWidth}`,
      contrast: ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05),
    };
  });
  expect(ring.focusVisible, 'the focused element matches :focus-visible').toBe(true);
  expect(ring.outline).toMatch(/^(solid|auto|dashed|dotted|double) [1-9]/);
  expect(ring.contrast, 'the focus ring against the page').toBeGreaterThanOrEqual(3);
}

/**
 * Presses Tab (or Shift+Tab) until the focus is on the control named `name`, then checks its
 * focus is visible (unless `checkRing` is false). `whileTabbing` runs after each press.
 */
async function tabTo(
  page: Page,
  name: string | RegExp,
  options: {
    backwards?: boolean;
    whileTabbing?: () => Promise<void>;
    /** False on a page that is not Passlight's (the sign-in server's), whose look is its own. */
    checkRing?: boolean;
  } = {},
): Promise<void> {
  const matches = (text: string) => (typeof name === 'string' ? text === name : name.test(text));
  const seen: string[] = [];
  for (let press = 0; press < 40; press++) {
    await page.keyboard.press(options.backwards ? 'Shift+Tab' : 'Tab');
    await options.whileTabbing?.();
    const focused = await focusedName(page);
    if (matches(focused)) return options.checkRing === false ? undefined : expectFocusVisible(page);
    seen.push(focused);
  }
  throw new Error(`Tab never reached “${name}”; it went through: ${seen.join(' | ')}`);
}

test.describe.configure({ timeout: 120_000 });

test('sign in, ask, stop, regenerate, open a conversation and run a shortcut by keyboard', async ({
  extensionContext,
  openExtensionPage,
  serviceWorker,
  gateway,
  sites,
}, testInfo) => {
  // Sign in: the popup's button, then Authorize in the gateway's window.
  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByRole('button', { name: 'Sign in with AI Pass' })).toBeVisible();
  await tabTo(popup, 'Sign in with AI Pass');
  const signInWindow = extensionContext.waitForEvent('page');
  await popup.keyboard.press('Enter');
  const authPage = await signInWindow;
  await authPage.getByRole('button', { name: 'Authorize' }).waitFor();
  await tabTo(authPage, 'Authorize', { checkRing: false });
  // Enter submits, and the window may close before the key is released.
  await authPage.keyboard.press('Enter').catch((error: unknown) => {
    if (!authPage.isClosed()) throw error;
  });
  await expect(popup.getByText('Ada Lovelace')).toBeVisible();
  await popup.close();

  // Ask, then stop with the Stop button beside the question box.
  const panel = await openExtensionPage('sidepanel.html');
  await expect(panel.getByLabel('Model')).toBeEnabled();
  const status = panel.locator('#answer-status');
  gateway.control.setReply('Lighthouses warn ships of rocks with a light that turns all night.');
  gateway.control.setPace(250);
  await tabTo(panel, 'Your question');
  await panel.keyboard.type('Tell me about lighthouses');
  await panel.keyboard.press('Enter');
  await expect(lastAnswer(panel)).toHaveAttribute('aria-busy', 'true');
  await tabTo(panel, 'Stop');
  await panel.keyboard.press('Space');
  await expect(lastAnswer(panel).getByText('Stopped.')).toBeVisible();
  await expect(status).toHaveText('Answer stopped.');
  expect(await panel.evaluate(() => document.activeElement?.closest('.composer') !== null)).toBe(
    true,
  );

  // Regenerate: the focus goes to the question box, not lost with the button.
  gateway.control.setPace(0);
  await tabTo(panel, 'Regenerate', { backwards: true });
  await panel.keyboard.press('Enter');
  await expect(panel.locator('#question')).toBeFocused();
  await expect(status).toHaveText('Answer finished.');
  await expect(lastAnswer(panel)).toContainText('Lighthouses warn ships');

  // A second conversation, so there is one to go back to.
  await tabTo(panel, 'New conversation', { backwards: true });
  await panel.keyboard.press('Enter');
  await expect(panel.getByRole('heading', { name: 'Ask about anything you see' })).toBeVisible();
  await tabTo(panel, 'Your question');
  await panel.keyboard.type('What about windmills?');
  await panel.keyboard.press('Enter');
  await expect(status).toHaveText('Answer finished.');

  // The drawer: focus moves in as it opens, Tab stays out of what it covers, Enter opens a
  // conversation and the focus is back on the Conversations button.
  await tabTo(panel, 'Conversations', { backwards: true });
  for (const colorScheme of ['light', 'dark'] as const) {
    await panel.emulateMedia({ colorScheme });
    await expectFocusVisible(panel);
    await panel.screenshot({ path: testInfo.outputPath(`focus-${colorScheme}.png`) });
  }
  await panel.keyboard.press('Enter');
  await expect(panel.locator('#conversation-drawer')).toBeVisible();
  await expect(panel.getByRole('searchbox', { name: 'Search conversations' })).toBeFocused();
  const outsideTheDrawer = async () => {
    const covered = await panel.evaluate(
      () => document.activeElement?.closest('.panel-content') != null,
    );
    expect(covered, 'the focus went behind the open drawer').toBe(false);
  };
  // Round the whole Tab cycle back to the search box, never behind the drawer on the way.
  await tabTo(panel, 'Search conversations', { whileTabbing: outsideTheDrawer });
  await tabTo(panel, /^Tell me about lighthouses/, { whileTabbing: outsideTheDrawer });
  for (const colorScheme of ['light', 'dark'] as const) {
    await panel.emulateMedia({ colorScheme });
    await expectFocusVisible(panel);
    await panel.screenshot({ path: testInfo.outputPath(`drawer-${colorScheme}.png`) });
  }
  await panel.emulateMedia({ colorScheme: 'light' });
  await panel.keyboard.press('Enter');
  await expect(panel.locator('#conversation-drawer')).toBeHidden();
  await expect(panel.getByRole('button', { name: 'Conversations' })).toBeFocused();
  await expectFocusVisible(panel);
  await expect(lastAnswer(panel)).toContainText('Lighthouses warn ships');

  // Escape closes the drawer, and the focus comes back to where it was opened from.
  await panel.keyboard.press('Enter');
  await expect(panel.getByRole('searchbox', { name: 'Search conversations' })).toBeFocused();
  await panel.keyboard.press('Escape');
  await expect(panel.locator('#conversation-drawer')).toBeHidden();
  await expect(panel.getByRole('button', { name: 'Conversations' })).toBeFocused();

  // Explain from the keyboard shortcut, on a page in the panel's window with text selected.
  const windowId = await panel.evaluate(async () => (await chrome.windows.getCurrent()).id);
  const opened = extensionContext.waitForEvent('page');
  await serviceWorker.evaluate(
    ({ windowId, url }) => chrome.tabs.create({ windowId, url, active: false }),
    { windowId, url: `${sites.pageOrigin}/article.html` },
  );
  const article = await opened;
  await article.locator('body[data-ready]').waitFor();
  await article.evaluate(() => {
    const text = document.getElementById('text');
    if (text) getSelection()?.selectAllChildren(text);
  });
  gateway.control.setReply('Light is fast, and glass slows it down a little.');
  gateway.control.setPace(250);
  await serviceWorker.evaluate(async (url) => {
    const [tab] = await chrome.tabs.query({ url });
    const onCommand = chrome.commands.onCommand as unknown as {
      dispatch: (command: string, tab?: chrome.tabs.Tab) => void;
    };
    onCommand.dispatch.call(chrome.commands.onCommand, 'explain-selection', tab);
  }, article.url());

  // Continued by keyboard in the panel: Escape stops it, Regenerate runs it again.
  await expect(lastAnswer(panel)).toHaveAttribute('aria-busy', 'true');
  await expect(panel.getByRole('log', { name: 'Conversation' })).toContainText('Explain this.');
  await expect(lastAnswer(panel)).not.toHaveText('');
  await panel.keyboard.press('Escape');
  await expect(status).toHaveText('Answer stopped.');
  gateway.control.setPace(0);
  await tabTo(panel, 'Regenerate');
  await panel.keyboard.press('Enter');
  await expect(status).toHaveText('Answer finished.');
  await expect(lastAnswer(panel)).toContainText('Light is fast, and glass slows it down');
  const asked = gateway.control
    .requests()
    .filter((r) => r.path === '/oauth2/v1/chat/completions')
    .at(-1);
  expect(JSON.stringify(asked?.body)).toContain(ARTICLE_TEXT.slice(0, 40));
});
