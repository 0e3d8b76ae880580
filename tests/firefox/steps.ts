/** What the Firefox tests share: a fresh start per test, clicking menus, and the real sidebar. */
import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import type { FirefoxWithExtension } from '../../dev/firefox';
import type { Gateway } from '../../dev/gateway';

/** Closes every page but `control`, and starts the gateway and the add-on's storage afresh. */
export async function startAfresh(firefox: FirefoxWithExtension, gateway: Gateway): Promise<void> {
  for (const page of await firefox.browser.pages()) {
    if (page !== firefox.control && !page.isClosed()) await page.close().catch(() => undefined);
  }
  gateway.control.reset();
  await firefox.control.evaluate(async (serverUrl) => {
    await chrome.storage.session.clear();
    await chrome.storage.local.clear();
    await chrome.storage.local.set({ 'settings.serverUrl': serverUrl });
  }, gateway.url);
}

export interface MenuClick {
  menuItemId: string;
  selectionText?: string;
  srcUrl?: string;
  mediaType?: string;
}

/** Firefox's own sidebar API, which Chromium's typings do not know. */
interface SidebarAction {
  isOpen(details: { windowId?: number }): Promise<boolean>;
  open(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The real sidebar, seen from the `control` page: open or not in Firefox's own state, its text
 * from its document. Clicks that Firefox allows only inside a user action (opening and closing
 * the sidebar, a menu click) are real clicks on a button put in the control page.
 */
export class SidebarProbe {
  constructor(private readonly control: Page) {}

  isOpen(): Promise<boolean> {
    return this.control.evaluate(async () => {
      const api = globalThis as unknown as { browser: { sidebarAction: SidebarAction } };
      const { id } = await chrome.windows.getCurrent();
      return api.browser.sidebarAction.isOpen({ windowId: id });
    });
  }

  /** The text of the open sidebar of the control page's window, '' when none is open. */
  text(): Promise<string> {
    return this.control.evaluate(() =>
      chrome.extension
        .getViews({ type: 'sidebar' } as unknown as chrome.extension.FetchProperties)
        .map((view) => view.document.body.innerText)
        .join('\n'),
    );
  }

  /** Closes the sidebar with a click, as a person would. */
  async close(): Promise<void> {
    await this.control.evaluate(() => {
      const api = globalThis as unknown as { browser: { sidebarAction: SidebarAction } };
      const button = document.createElement('button');
      button.id = 'relay';
      button.onclick = () => void api.browser.sidebarAction.close();
      document.body.replaceChildren(button);
    });
    await this.clickRelay();
    await expect.poll(() => this.isOpen()).toBe(false);
  }

  /**
   * Returns a function that right-clicks `page` with a menu item, as far as Passlight can tell:
   * the background's menu handler runs inside a real click, with `page`'s tab.
   */
  async menuOn(page: Page): Promise<(click: MenuClick) => Promise<void>> {
    if (await this.isOpen()) await this.close();
    const url = page.url();
    return async (click) => {
      const info = { editable: false, pageUrl: url, frameId: 0, ...click };
      await this.control.evaluate(
        async (info, url) => {
          // Not `query({ url })`: Firefox reads it as a match pattern, whose port it ignores.
          const tab = (await chrome.tabs.query({})).find((candidate) => candidate.url === url);
          const background = (await chrome.runtime.getBackgroundPage()) as unknown as {
            passlightTest: { onMenuClick(info: object, tab?: object): void };
          };
          const button = document.createElement('button');
          button.id = 'relay';
          button.onclick = () => background.passlightTest.onMenuClick(info, tab);
          document.body.replaceChildren(button);
        },
        info,
        url,
      );
      await this.clickRelay();
    };
  }

  /** Presses a keyboard command while `page` is the tab, as far as Passlight can tell. */
  async pressCommand(page: Page, command: string): Promise<void> {
    const url = page.url();
    await this.control.evaluate(
      async (command, url) => {
        const tab = (await chrome.tabs.query({})).find((candidate) => candidate.url === url);
        const background = (await chrome.runtime.getBackgroundPage()) as unknown as {
          passlightTest: { onCommand(command: string, tab?: object): void };
        };
        const button = document.createElement('button');
        button.id = 'relay';
        button.onclick = () => background.passlightTest.onCommand(command, tab);
        document.body.replaceChildren(button);
      },
      command,
      url,
    );
    await this.clickRelay();
  }

  /** Clicks the relay button in the control page, as a person would. */
  private async clickRelay(): Promise<void> {
    await this.control.bringToFront();
    await this.control.locator('#relay').click();
  }
}
