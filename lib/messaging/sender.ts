import { browser } from 'wxt/browser';

/**
 * Whether a message comes from one of this extension's own pages (popup, side panel, options,
 * offscreen document) — not from a content script, whose `url` is the web page's, nor from
 * another extension or a web page (no `externally_connectable` is declared either).
 */
export function isOwnExtensionPage(sender: { id?: string; url?: string }): boolean {
  return (
    sender.id === browser.runtime.id &&
    typeof sender.url === 'string' &&
    sender.url.startsWith(browser.runtime.getURL('/'))
  );
}
