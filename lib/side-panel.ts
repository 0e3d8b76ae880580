import { browser } from 'wxt/browser';

/**
 * Returns a function that opens the side panel in the window this page belongs to.
 *
 * `sidePanel.open` must run inside the user's click, before any `await`, so the window is looked
 * up ahead of time and the returned function calls `open` synchronously.
 */
export function prepareSidePanelOpener(): () => Promise<void> {
  let windowId: number | undefined;
  void browser.windows.getCurrent().then((window) => {
    windowId = window.id;
  });
  return async () => {
    if (windowId === undefined) throw new Error('The browser window is not known yet.');
    await browser.sidePanel.open({ windowId });
  };
}
