/**
 * What the extension reads from a page, by injecting a script on demand (`activeTab` and
 * `scripting`): the selection, the main text, an image's box. Content scripts run in their own
 * isolated world and get no token and no settings.
 */
import { browser } from 'wxt/browser';
import { menuText } from '../i18n/messages/menus';

/** Browsers let no extension script run on their own pages, the Web Store or the PDF viewer. */
export class PageUnreadable extends Error {
  override readonly name = 'PageUnreadable';
  constructor() {
    super(menuText('cannotReadPage'));
  }
}

async function inject<T>(run: () => Promise<T | undefined>): Promise<T> {
  let result: T | undefined;
  try {
    result = await run();
  } catch {
    throw new PageUnreadable();
  }
  if (result === undefined) throw new PageUnreadable();
  return result;
}

export function readSelection(tabId: number): Promise<string> {
  return inject(async () => {
    const [frame] = await browser.scripting.executeScript({
      target: { tabId },
      func: () => globalThis.getSelection()?.toString() ?? '',
    });
    return frame?.result as string | undefined;
  });
}

export function readPageText(tabId: number): Promise<{ title: string; text: string }> {
  return inject(async () => {
    const [frame] = await browser.scripting.executeScript({
      target: { tabId },
      files: ['/page-text.js'],
    });
    return frame?.result as { title: string; text: string } | undefined;
  });
}
