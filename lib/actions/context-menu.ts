/**
 * The right-click menu and keyboard commands. Every click opens the side panel first, inside the
 * user's gesture (after an `await` the gesture is gone and Chromium refuses), then leaves the
 * action for the panel of that window.
 */
import { type Browser, browser } from 'wxt/browser';
import { type AuthStatus, authStatus, providerNameOf } from '../auth/status';
import { originPattern } from '../config/server-url';
import { followLanguageSetting } from '../i18n/current';
import { menuText } from '../i18n/messages/menus';
import { openSidePanel } from '../side-panel';
import { startReadAloud } from '../speech/controller';
import { exposeForTests } from '../testing/expose';
import { type PageAction, type PageRef, queueAction } from './page-action';
import { readPageText, readSelection } from './page-scripts';
import { trimAtSentence } from './trim';

export const MENU = {
  explain: 'passlight-explain',
  readAloud: 'passlight-read-aloud',
  describeImage: 'passlight-describe-image',
  editImage: 'passlight-edit-image',
  summarize: 'passlight-summarize-page',
} as const;

const TITLE_KEYS = {
  [MENU.explain]: 'explain',
  [MENU.readAloud]: 'readAloud',
  [MENU.describeImage]: 'describeImage',
  [MENU.editImage]: 'editImage',
  [MENU.summarize]: 'summarize',
} as const;

/** The title each menu item was last given; the browser has no way to read one back. */
const shownTitles = new Map<string, string>();

function titleOf(id: keyof typeof TITLE_KEYS, status: AuthStatus): string {
  const title = menuText(TITLE_KEYS[id]);
  const shown = status.signedIn
    ? title
    : menuText('signInFirst', { title, provider: providerNameOf(status) });
  shownTitles.set(id, shown);
  return shown;
}

/** Whether all-sites access is granted; kept current so a click can decide without waiting. */
let hasAllSites = false;

async function createMenus(): Promise<void> {
  const status = await authStatus.getValue();
  // Menus outlive the worker; recreating them from scratch can never clash with an old id.
  await browser.contextMenus.removeAll();
  const items: Array<[keyof typeof TITLE_KEYS, `${Browser.contextMenus.ContextType}`]> = [
    [MENU.explain, 'selection'],
    [MENU.readAloud, 'selection'],
    [MENU.describeImage, 'image'],
    [MENU.editImage, 'image'],
    [MENU.summarize, 'page'],
  ];
  for (const [id, context] of items) {
    // The typings want the enum member; Chromium takes its string value.
    const contexts = [context as Browser.contextMenus.ContextType] as [
      Browser.contextMenus.ContextType,
    ];
    browser.contextMenus.create({ id, title: titleOf(id, status), contexts });
  }
}

function pageOf(tab: Browser.tabs.Tab): PageRef {
  return { title: tab.title ?? '', url: tab.url ?? '' };
}

function failed(title: string, message: string, page: PageRef): PageAction {
  return { kind: 'failed', title, message, page };
}

async function explainAction(text: string, page: PageRef): Promise<PageAction> {
  if (!text.trim()) return failed(menuText('explain'), menuText('selectFirst'), page);
  return { kind: 'explain', ...trimAtSentence(text), page };
}

async function summarizeAction(tabId: number, page: PageRef): Promise<PageAction> {
  try {
    const { text } = await readPageText(tabId);
    if (!text) return failed(menuText('summarize'), menuText('noPageText'), page);
    return { kind: 'summarize', ...trimAtSentence(text), page };
  } catch {
    return failed(menuText('summarize'), menuText('cannotReadPage'), page);
  }
}

/**
 * An image on another site needs access to that site to be read; ask in the click, where it is
 * allowed, for the image's own origin only (never all sites: one image is no reason for that).
 */
function askForImageAccessIfNeeded(srcUrl: string, pageUrl: string): void {
  if (hasAllSites || !/^https?:/.test(srcUrl)) return;
  const { origin } = new URL(srcUrl);
  if (pageUrl && origin === new URL(pageUrl).origin) return;
  void browser.permissions.request({ origins: [originPattern(origin)] }).catch(() => false);
}

function onMenuClick(info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): void {
  if (tab?.id === undefined || tab.windowId === undefined) return;
  const { id: tabId, windowId } = tab;
  const page = pageOf(tab);
  const opening = openSidePanel(windowId);
  const onImage = info.menuItemId === MENU.describeImage || info.menuItemId === MENU.editImage;
  if (onImage && info.srcUrl) askForImageAccessIfNeeded(info.srcUrl, page.url);

  void (async () => {
    await opening.catch(() => undefined); // the panel may already be open
    switch (info.menuItemId) {
      case MENU.explain:
        await queueAction(windowId, await explainAction(info.selectionText ?? '', page));
        break;
      case MENU.readAloud:
        await startReadAloud(info.selectionText ?? '');
        break;
      case MENU.summarize:
        await queueAction(windowId, await summarizeAction(tabId, page));
        break;
      case MENU.describeImage:
        await queueAction(
          windowId,
          info.srcUrl
            ? { kind: 'describe-image', srcUrl: info.srcUrl, tabId, frameId: info.frameId, page }
            : failed(menuText('describeImage'), menuText('noImageAddress'), page),
        );
        break;
      case MENU.editImage:
        await queueAction(
          windowId,
          info.srcUrl
            ? { kind: 'edit-image', srcUrl: info.srcUrl, tabId, frameId: info.frameId, page }
            : failed(menuText('editImage'), menuText('noImageAddress'), page),
        );
        break;
    }
  })();
}

function onCommand(command: string, tab?: Browser.tabs.Tab): void {
  if (tab?.id === undefined || tab.windowId === undefined) return;
  const { id: tabId, windowId } = tab;
  const opening = openSidePanel(windowId);
  if (command !== 'explain-selection') return;
  void (async () => {
    await opening.catch(() => undefined);
    const page = pageOf(tab);
    const action = await readSelection(tabId).then(
      (text) => explainAction(text, page),
      () => failed(menuText('explain'), menuText('cannotReadPage'), page),
    );
    await queueAction(windowId, action);
  })();
}

/** Called synchronously in the worker's first turn. */
export function registerPageActions(): void {
  browser.runtime.onInstalled.addListener(() => void createMenus());
  browser.contextMenus.onClicked.addListener(onMenuClick);
  browser.commands.onCommand.addListener(onCommand);
  // Firefox's menu events cannot be dispatched from outside: its end-to-end tests call these.
  if (import.meta.env.MODE === 'test') {
    exposeForTests({ onMenuClick, onCommand, menuTitles: () => Object.fromEntries(shownTitles) });
  }
  const retitle = (status: AuthStatus) => {
    for (const id of Object.values(MENU)) {
      void browser.contextMenus.update(id, { title: titleOf(id, status) }).catch(() => undefined);
    }
  };
  authStatus.watch(retitle);
  followLanguageSetting(() => void authStatus.getValue().then(retitle));
  const refreshAccess = () =>
    void browser.permissions.contains({ origins: ['<all_urls>'] }).then((granted) => {
      hasAllSites = granted;
    });
  refreshAccess();
  browser.permissions.onAdded.addListener(refreshAccess);
  browser.permissions.onRemoved.addListener(refreshAccess);
}
