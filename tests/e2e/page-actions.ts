/**
 * Driving right-click actions from a test. A native context menu cannot be clicked, so the test
 * dispatches `contextMenus.onClicked` in the service worker. `sidePanel.open` needs a user
 * gesture, and Chromium carries one from an extension page's click through `runtime.sendMessage`:
 * so a real click in a small relay page sends the menu click to a listener the test installs in
 * the worker, which dispatches it synchronously, inside that gesture, as a real click would.
 */
import type { BrowserContext, CDPSession, Page, Worker } from '@playwright/test';

export interface MenuClick {
  menuItemId: string;
  selectionText?: string;
  srcUrl?: string;
  mediaType?: string;
}

const RELAY = 'passlight-test-menu-relay';

export async function installMenuRelay(serviceWorker: Worker): Promise<void> {
  await serviceWorker.evaluate((relay) => {
    const scope = globalThis as { relayInstalled?: boolean };
    if (scope.relayInstalled) return;
    scope.relayInstalled = true;
    chrome.runtime.onMessage.addListener(
      (message: { relay?: string; info: object; tab: object }, _sender, reply) => {
        if (message.relay !== relay) return;
        const dispatch = (
          chrome.contextMenus.onClicked as unknown as { dispatch: (...args: unknown[]) => void }
        ).dispatch;
        dispatch.call(chrome.contextMenus.onClicked, message.info, message.tab);
        reply('dispatched');
      },
    );
  }, RELAY);
}

/** A relay page in a window of its own, so the page under test stays the active tab. */
export async function openRelayPage(context: BrowserContext, serviceWorker: Worker): Promise<Page> {
  const opened = context.waitForEvent('page');
  await serviceWorker.evaluate(() =>
    chrome.windows.create({ url: chrome.runtime.getURL('/welcome.html'), focused: false }),
  );
  const relay = await opened;
  await relay.waitForLoadState();
  return relay;
}

/** The tab showing `page`, as `contextMenus.onClicked` would receive it. */
export function tabOf(serviceWorker: Worker, page: Page): Promise<chrome.tabs.Tab> {
  return serviceWorker.evaluate(
    async (url) => (await chrome.tabs.query({ url }))[0] as chrome.tabs.Tab,
    page.url(),
  );
}

/** Right-clicks, as far as Chromium can tell, on `page` with the given menu item. */
export async function clickMenu(
  relay: Page,
  serviceWorker: Worker,
  page: Page,
  click: MenuClick,
  /** The tab as Chromium would describe it; found by the page's address when not given. */
  knownTab?: chrome.tabs.Tab,
): Promise<void> {
  const tab =
    knownTab ??
    (await serviceWorker.evaluate(
      async (url) => (await chrome.tabs.query({ url }))[0],
      page.url(),
    ));
  const info = { editable: false, pageUrl: page.url(), frameId: 0, ...click };
  await relay.evaluate(
    ({ relayName, message }) => {
      const button = document.createElement('button');
      button.textContent = 'relay';
      button.onclick = () => void chrome.runtime.sendMessage({ relay: relayName, ...message });
      document.body.replaceChildren(button);
    },
    { relayName: RELAY, message: { info, tab } },
  );
  await relay.getByRole('button', { name: 'relay' }).click();
}

/** Runs `check` until it returns true, for at most ten seconds. */
async function waitUntil(what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out waiting until ${what}.`);
}

/**
 * Presses the extension's toolbar button on the tab showing `page`, as a person would, then
 * closes the popup it opened, as clicking back on the page does. Chromium grants `activeTab` for
 * that tab on the press, as it does for a real right-click (which a dispatched one cannot do).
 * DevTools' `Extensions.triggerAction` runs the same code as a click on the button.
 */
export async function pressToolbarButton(
  context: BrowserContext,
  extensionId: string,
  page: Page,
): Promise<void> {
  const browser = context.browser();
  if (!browser) throw new Error('No browser to press the toolbar button in.');
  const devtools = await browser.newBrowserCDPSession();
  try {
    const targets = async () =>
      (await devtools.send('Target.getTargets', { filter: [{ type: 'tab' }, { type: 'page' }] }))
        .targetInfos;
    const tabs = (await targets()).filter((t) => t.type === 'tab' && t.url === page.url());
    if (tabs.length !== 1) throw new Error(`Expected one tab showing ${page.url()}.`);
    await devtools.send('Extensions.triggerAction', {
      id: extensionId,
      targetId: tabs[0]?.targetId ?? '',
    });
    const popupUrl = `chrome-extension://${extensionId}/popup.html`;
    let popupId = '';
    await waitUntil('the popup opened', async () => {
      popupId = (await targets()).find((t) => t.url === popupUrl)?.targetId ?? '';
      return popupId !== '';
    });
    await devtools.send('Target.closeTarget', { targetId: popupId });
  } finally {
    await devtools.detach();
  }
}

/** The part of chrome://extensions' own settings API these tests use. */
interface ExtensionSettings {
  addHostPermission(extensionId: string, host: string): Promise<void>;
  removeHostPermission(extensionId: string, host: string): Promise<void>;
}

/** Runs `change` in chrome://extensions, with that page's own settings API. */
async function inExtensionSettings(
  context: BrowserContext,
  extensionId: string,
  change: { add?: string[]; remove?: string[] },
): Promise<void> {
  const settings = await context.newPage();
  try {
    await settings.goto(`chrome://extensions/?id=${extensionId}`);
    await settings.evaluate(
      async ({ id, add = [], remove = [] }) => {
        const api = (chrome as unknown as { developerPrivate: ExtensionSettings }).developerPrivate;
        for (const host of remove) await api.removeHostPermission(id, host);
        for (const host of add) await api.addHostPermission(id, host);
      },
      { id: extensionId, ...change },
    );
  } finally {
    await settings.close();
  }
}

/**
 * Allows the extension on all sites in chrome://extensions. Allowed there, Chromium grants the
 * extension's own request for all-sites access at once instead of showing a prompt, which a
 * headless browser cannot answer.
 */
export function allowOnAllSites(context: BrowserContext, extensionId: string): Promise<void> {
  return inExtensionSettings(context, extensionId, { add: ['<all_urls>'] });
}

/**
 * Takes all-sites access away again, granted and allowed. Withdrawing `<all_urls>` withdraws every
 * site it covers, the extension's own host permissions too: those are given back, as installed.
 */
export async function withdrawAllSites(
  context: BrowserContext,
  extensionId: string,
  serviceWorker: Worker,
): Promise<void> {
  await serviceWorker.evaluate(() => chrome.permissions.remove({ origins: ['<all_urls>'] }));
  const own = await serviceWorker.evaluate(
    () => chrome.runtime.getManifest().host_permissions ?? [],
  );
  await inExtensionSettings(context, extensionId, { remove: ['<all_urls>'], add: own });
  await waitUntil('the extension has its own sites back', () =>
    serviceWorker.evaluate((origins) => chrome.permissions.contains({ origins }), own),
  );
}

/** Reads the real side panel's text: it is not a Playwright page, so through the DevTools protocol. */
export class SidePanelProbe {
  private constructor(private readonly cdp: CDPSession) {}

  static async attach(context: BrowserContext, anyPage: Page): Promise<SidePanelProbe> {
    return new SidePanelProbe(await context.newCDPSession(anyPage));
  }

  /** The text of the (first) side panel, or '' when none is open. */
  async text(): Promise<string> {
    return (await this.panels())[0]?.text ?? '';
  }

  /** Runs `expression` (a string of JavaScript) in the first side panel; resolves with its string value. */
  async run(expression: string): Promise<string> {
    const { targetInfos } = (await this.cdp.send('Target.getTargets')) as {
      targetInfos: Array<{ targetId: string; url: string }>;
    };
    const panel = targetInfos.find((target) => target.url.includes('/sidepanel.html'));
    return panel ? this.evaluate(panel.targetId, expression) : '';
  }

  /** Every open side panel: its window and its text. */
  async panels(): Promise<Array<{ windowId: number; text: string }>> {
    const { targetInfos } = (await this.cdp.send('Target.getTargets')) as {
      targetInfos: Array<{ targetId: string; url: string }>;
    };
    const panels = targetInfos.filter((target) => target.url.includes('/sidepanel.html'));
    const found: Array<{ windowId: number; text: string }> = [];
    for (const panel of panels) {
      const value = await this.evaluate(
        panel.targetId,
        'chrome.windows.getCurrent().then((w) => JSON.stringify({ windowId: w.id, text: document.body.innerText }))',
      );
      if (value) found.push(JSON.parse(value) as { windowId: number; text: string });
    }
    return found;
  }

  private async evaluate(targetId: string, expression: string): Promise<string> {
    const { sessionId } = (await this.cdp.send('Target.attachToTarget', {
      targetId,
      flatten: false,
    })) as {
      sessionId: string;
    };
    try {
      const answer = new Promise<string>((resolve) => {
        const onMessage = (event: { sessionId?: string; message: string }) => {
          const reply = JSON.parse(event.message) as {
            id?: number;
            result?: { result?: { value?: string } };
          };
          if (event.sessionId !== sessionId || reply.id !== 1) return;
          this.cdp.off('Target.receivedMessageFromTarget', onMessage);
          resolve(reply.result?.result?.value ?? '');
        };
        this.cdp.on('Target.receivedMessageFromTarget', onMessage);
      });
      await this.cdp.send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({
          id: 1,
          method: 'Runtime.evaluate',
          params: { expression, awaitPromise: true, returnByValue: true },
        }),
      });
      return await answer;
    } finally {
      await this.cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    }
  }
}
