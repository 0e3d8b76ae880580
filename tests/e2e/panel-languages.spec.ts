/**
 * The side panel speaks the language of the setting (`settings.language` in `storage.local`, what
 * the Language setting writes): German and Japanese before it opens, and a change while it is
 * open shows at once. Its layout holds in both at the narrowest side panel, light and dark.
 */
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { expect, test } from './fixtures';
import { ask, callApiOnce, lastAnswer, signInThroughPopup } from './session';

type Choice = 'browser' | 'en' | 'de' | 'ja';

function setLanguage(serviceWorker: Worker, choice: Choice): Promise<void> {
  return serviceWorker.evaluate(
    (value) => chrome.storage.local.set({ 'settings.language': value }),
    choice,
  );
}

/** Signs in (the popup in English), chooses the language, then opens the panel. */
async function openPanelIn(
  choice: Choice,
  context: BrowserContext,
  serviceWorker: Worker,
  openExtensionPage: (file: string) => Promise<Page>,
): Promise<Page> {
  const popup = await openExtensionPage('popup.html');
  await signInThroughPopup(context, popup);
  await popup.close();
  await setLanguage(serviceWorker, choice);
  return openExtensionPage('sidepanel.html');
}

// The pages mirror the language in the origin's localStorage, which outlives the storage reset
// between tests: a test that follows must not start in this one's language.
test.afterEach(async ({ extensionContext, extensionId }) => {
  const page = extensionContext.pages().find((p) => p.url().includes(extensionId));
  await page?.evaluate(() => localStorage.removeItem('passlight.language'));
});

const GERMAN = {
  lang: 'de',
  placeholder: 'Frage eingeben … (Enter sendet)',
  newConversation: 'Neues Gespräch',
  question: 'Ihre Frage',
  model: 'Modell',
  answer: 'Antwort',
  balance: 'Ihr Guthaben bei AI Pass ist aufgebraucht. Laden Sie es auf, um weiterzumachen.',
  addCredit: 'Guthaben aufladen',
  regenerate: 'Neu erzeugen',
  conversations: 'Gespräche',
  close: 'Schließen',
  readAloud: 'Vorlesen',
  copyCode: 'Code kopieren',
  answerFinished: 'Antwort fertig.',
  date: /^\d{1,2}\. [A-ZÄÖÜ][a-zäöü]+\.?, \d{2}:\d{2}$/,
};
const ENGLISH = {
  lang: 'en',
  placeholder: 'Ask anything… (Enter to send, Shift+Enter for a new line)',
  newConversation: 'New conversation',
  question: 'Your question',
  model: 'Model',
  answer: 'Answer',
  balance: 'Your AI Pass balance is used up. Add credit to continue.',
  addCredit: 'Add credit',
  regenerate: 'Regenerate',
  conversations: 'Conversations',
  close: 'Close',
  readAloud: 'Read aloud',
  copyCode: 'Copy code',
  answerFinished: 'Answer finished.',
  date: /./,
};
const JAPANESE = {
  lang: 'ja',
  placeholder: '何でも質問…（Enter で送信、Shift+Enter で改行）',
  newConversation: '新しい会話',
  question: 'あなたの質問',
  model: 'モデル',
  answer: '回答',
  balance: 'AI Pass の残高がなくなりました。続けるにはクレジットを追加してください。',
  addCredit: 'クレジットを追加',
  regenerate: '再生成',
  conversations: '会話',
  close: '閉じる',
  readAloud: '読み上げ',
  copyCode: 'コードをコピー',
  answerFinished: '回答が完了しました。',
  date: /^\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/,
};

for (const words of [GERMAN, JAPANESE]) {
  test(`with the language set to ${words.lang}, the panel and the gateway's errors speak it`, async ({
    extensionContext,
    serviceWorker,
    openExtensionPage,
    gateway,
  }) => {
    const panel = await openPanelIn(
      words.lang as Choice,
      extensionContext,
      serviceWorker,
      openExtensionPage,
    );
    await expect(panel.locator('html')).toHaveAttribute('lang', words.lang);
    await expect(panel.getByLabel(words.model)).toBeEnabled();
    const box = panel.getByRole('textbox', { name: words.question });
    await expect(box).toHaveAttribute('placeholder', words.placeholder);
    await expect(panel.getByRole('button', { name: words.newConversation })).toBeVisible();

    // A 402: the error is made as it happens, in the language in use.
    gateway.control.setBudget({ maxBudget: 1, totalCost: 1 });
    await box.fill('Anything');
    await box.press('Enter');
    const alert = panel.getByRole('article', { name: words.answer }).last().getByRole('alert');
    await expect(alert).toContainText(words.balance);
    await expect(alert.getByRole('button', { name: words.addCredit })).toBeVisible();

    // The drawer's date is written the language's way.
    await panel.getByRole('button', { name: words.conversations, exact: true }).click();
    await expect(panel.locator('.conversation-date').first()).toHaveText(words.date);
  });
}

test('changing the language while the panel is open changes it at once', async ({
  extensionContext,
  serviceWorker,
  openExtensionPage,
  gateway,
}) => {
  // A code block's Copy button is drawn by the markdown renderer, not by a component.
  gateway.control.setReply('Like this:\n\n```js\nconst hello = 1;\n```\n');
  const panel = await openPanelIn('en', extensionContext, serviceWorker, openExtensionPage);
  await expect(panel.getByLabel('Model')).toBeEnabled();
  await ask(panel, 'Hello');
  await expect(lastAnswer(panel).getByRole('button', { name: 'Copy code' })).toBeVisible();
  await expect(lastAnswer(panel).getByRole('button', { name: 'Regenerate' })).toBeVisible();
  await expect(panel.locator('#answer-status')).toHaveText(ENGLISH.answerFinished);

  for (const words of [GERMAN, JAPANESE]) {
    await setLanguage(serviceWorker, words.lang as Choice);
    await expect(panel.locator('html')).toHaveAttribute('lang', words.lang);
    await expect(panel.getByRole('textbox', { name: words.question })).toHaveAttribute(
      'placeholder',
      words.placeholder,
    );
    await expect(panel.getByRole('button', { name: words.newConversation })).toBeVisible();
    // What is already shown changes too, not only what is drawn next.
    await expect(
      panel.getByRole('article', { name: words.answer }).getByRole('button', {
        name: words.regenerate,
      }),
    ).toBeVisible();
    await expect(
      panel.getByRole('article', { name: words.answer }).getByRole('button', {
        name: words.copyCode,
      }),
    ).toBeVisible();
    // The status a screen reader was given when the answer ended is reworded, not left behind.
    await expect(panel.locator('#answer-status')).toHaveText(words.answerFinished);
  }
  await setLanguage(serviceWorker, 'en');
  await expect(panel.getByRole('button', { name: 'New conversation' })).toBeVisible();
});

test('why the session ended, already shown in the popup and the panel, follows a change of language', async ({
  extensionContext,
  serviceWorker,
  openExtensionPage,
  gateway,
}) => {
  const panel = await openPanelIn('en', extensionContext, serviceWorker, openExtensionPage);
  await expect(panel.getByLabel('Model')).toBeEnabled();
  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByTestId('remaining')).toBeVisible();

  // The server ends the session elsewhere; the next call finds out and the worker says why.
  gateway.control.revokeAllGrants();
  const outcome = await callApiOnce(popup);
  expect(outcome).toBe('signed-out');
  const ended = 'AI Pass ended your session (it was signed out or revoked elsewhere).';
  await expect(popup.getByRole('status').filter({ hasText: ended })).toBeVisible();
  await expect(panel.locator('#sign-in-bar-title')).toContainText(ended);

  await setLanguage(serviceWorker, 'de');
  const beendet = 'AI Pass hat Ihre Sitzung beendet (anderswo abgemeldet oder widerrufen).';
  await expect(popup.getByRole('status').filter({ hasText: beendet })).toBeVisible();
  await expect(popup.getByRole('button', { name: 'Mit AI Pass anmelden' })).toBeVisible();
  await expect(panel.locator('#sign-in-bar-title')).toContainText(beendet);

  await setLanguage(serviceWorker, 'ja');
  await expect(panel.locator('#sign-in-bar-title')).toContainText(
    'AI Pass がセッションを終了しました',
  );
  await expect(popup.getByText(ended)).toHaveCount(0);
});

/**
 * What does not fit: controls whose text is clipped or spills out, boxes whose content runs past
 * their edge (into their padding, or beyond), and whether the page scrolls sideways.
 */
function overflows(
  page: Page,
): Promise<{ sideways: boolean; clipped: string[]; spilling: string[] }> {
  return page.evaluate(() => {
    const shown = (element: HTMLElement) =>
      element.offsetParent !== null && !element.closest('.sr-only');
    const nameOf = (element: HTMLElement) =>
      `${element.tagName.toLowerCase()}.${element.className}: ${(element.textContent ?? '').trim().slice(0, 40)}`;
    const clipped = [...document.querySelectorAll<HTMLElement>('button, label, .btn, select')]
      .filter(shown)
      .filter(
        (element) =>
          element.scrollWidth > element.clientWidth + 1 ||
          element.scrollHeight > element.clientHeight + 1,
      )
      .map(nameOf);
    // A box past its parent's content edge (into its padding, or beyond it). Inside a box that
    // scrolls (a code block) more may be held than is shown.
    const spilling = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter(shown)
      .filter((element) => {
        // The box it is laid out in: a `display: contents` parent draws no box of its own.
        let parent = element.parentElement;
        while (parent && getComputedStyle(parent).display === 'contents')
          parent = parent.parentElement;
        if (!parent || getComputedStyle(element).display === 'inline') return false;
        if (getComputedStyle(element).position === 'absolute') return false;
        const style = getComputedStyle(parent);
        if (style.overflowX !== 'visible') return false;
        const box = parent.getBoundingClientRect();
        const left = box.left + parseFloat(style.borderLeftWidth) + parseFloat(style.paddingLeft);
        const right =
          box.right - parseFloat(style.borderRightWidth) - parseFloat(style.paddingRight);
        const own = element.getBoundingClientRect();
        return own.width > 0 && (own.right > right + 1 || own.left < left - 1);
      })
      .map(nameOf);
    const root = document.documentElement;
    return { sideways: root.scrollWidth > root.clientWidth, clipped, spilling };
  });
}

for (const words of [ENGLISH, GERMAN, JAPANESE]) {
  test(`the panel's layout holds in ${words.lang}: empty, with an answer, an error and the drawer`, async ({
    extensionContext,
    serviceWorker,
    openExtensionPage,
    gateway,
  }, testInfo) => {
    const panel = await openPanelIn(
      words.lang as Choice,
      extensionContext,
      serviceWorker,
      openExtensionPage,
    );
    // The narrowest a Chromium side panel gets.
    await panel.setViewportSize({ width: 320, height: 640 });
    await expect(panel.getByLabel(words.model)).toBeEnabled();
    const shots: Array<[string, () => Promise<void>]> = [
      ['empty', async () => {}],
      [
        'answer',
        async () => {
          gateway.control.setReply(
            words.lang === 'de'
              ? 'Eine **Donaudampfschifffahrtsgesellschaft** ist ein langes Wort.\n\n- Erstens\n- Zweitens\n\n```js\nconsole.log(1)\n```'
              : '**東京**は日本の首都です。\n\n- 一つ目\n- 二つ目\n\n```js\nconsole.log(1)\n```',
          );
          const box = panel.getByRole('textbox', { name: words.question });
          await box.fill(words.lang === 'de' ? 'Was ist ein langes Wort?' : '日本の首都は？');
          await box.press('Enter');
          await expect(
            panel.getByRole('article', { name: words.answer }).getByRole('button', {
              name: words.regenerate,
            }),
          ).toBeVisible();
        },
      ],
      [
        'error',
        async () => {
          gateway.control.setBudget({ maxBudget: 1, totalCost: 1 });
          const box = panel.getByRole('textbox', { name: words.question });
          await box.fill('?');
          await box.press('Enter');
          await expect(panel.getByRole('alert').getByText(words.balance)).toBeVisible();
        },
      ],
      [
        'drawer',
        async () => {
          await panel.getByRole('button', { name: words.conversations, exact: true }).click();
          await expect(panel.locator('.conversation-date').first()).toHaveText(words.date);
        },
      ],
      [
        'read-aloud',
        async () => {
          await panel.getByRole('button', { name: words.close }).click();
          // Long enough to ask first, and longer than one reading: the longest notice.
          const text = 'Ein Satz, der vorgelesen wird. '.repeat(1_000);
          await panel.evaluate(
            (text) =>
              chrome.runtime.sendMessage({
                type: 'speech.start',
                data: { text },
                id: 1,
                timestamp: Date.now(),
              }),
            text,
          );
          await expect(panel.getByRole('region', { name: words.readAloud })).toBeVisible();
        },
      ],
    ];
    for (const [name, reach] of shots) {
      await reach();
      for (const colorScheme of ['light', 'dark'] as const) {
        await panel.emulateMedia({ colorScheme });
        expect(await overflows(panel), `${name} in ${words.lang}, ${colorScheme}`).toEqual({
          sideways: false,
          clipped: [],
          spilling: [],
        });
        await panel.screenshot({
          path: testInfo.outputPath(`panel-${words.lang}-${name}-${colorScheme}.png`),
        });
      }
    }
  });
}

test('Read aloud’s errors, made in the offscreen document, follow the language too', async ({
  extensionContext,
  serviceWorker,
  openExtensionPage,
  gateway,
}) => {
  const panel = await openPanelIn('ja', extensionContext, serviceWorker, openExtensionPage);
  await expect(panel.locator('html')).toHaveAttribute('lang', 'ja');
  gateway.control.setBudget({ maxBudget: 1, totalCost: 1 });
  const read = () =>
    panel.evaluate(() =>
      chrome.runtime.sendMessage({
        type: 'speech.start',
        data: { text: 'One sentence to read. Another one after it.' },
        id: 1,
        timestamp: Date.now(),
      }),
    );

  await read();
  const controls = panel.getByRole('region', { name: '読み上げ' });
  await expect(controls.getByRole('alert')).toHaveText(JAPANESE.balance);

  // Changed while the offscreen document is open: it hears of it through the mirror.
  const offscreenDocuments = () =>
    serviceWorker.evaluate(
      async () =>
        (await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] })).length,
    );
  expect(await offscreenDocuments()).toBe(1);
  await setLanguage(serviceWorker, 'de');
  await expect(panel.locator('html')).toHaveAttribute('lang', 'de');
  await panel.getByRole('button', { name: 'Schließen' }).click();
  await read();
  await expect(panel.getByRole('region', { name: 'Vorlesen' }).getByRole('alert')).toHaveText(
    GERMAN.balance,
  );
  await serviceWorker.evaluate(() => chrome.offscreen.closeDocument().catch(() => undefined));
});
