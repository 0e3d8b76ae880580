/**
 * Opening Passlight's panel: Chromium's side panel (`sidePanel`), Firefox's sidebar
 * (`sidebarAction`, declared by WXT as `sidebar_action`). Both browsers open it only inside the
 * user's click or command, before any `await`: callers call {@link openSidePanel} synchronously.
 */
import { browser } from 'wxt/browser';

/** Firefox's part of the API; Chromium's typings do not know it. */
interface SidebarAction {
  open(): Promise<void>;
}

/**
 * Opens the panel in window `windowId`, starting synchronously. Firefox opens its sidebar in the
 * window the person is acting in, which is that window.
 */
export function openSidePanel(windowId: number): Promise<void> {
  if (import.meta.env.FIREFOX) {
    return (browser as unknown as { sidebarAction: SidebarAction }).sidebarAction.open();
  }
  return browser.sidePanel.open({ windowId });
}

/**
 * Returns a function that opens the side panel in the window this page belongs to.
 *
 * The window is looked up ahead of time, so the returned function calls `open` synchronously.
 */
export function prepareSidePanelOpener(): () => Promise<void> {
  let windowId: number | undefined;
  void browser.windows.getCurrent().then((window) => {
    windowId = window.id;
  });
  return async () => {
    if (windowId === undefined) throw new Error('The browser window is not known yet.');
    await openSidePanel(windowId);
  };
}
