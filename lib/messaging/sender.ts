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

type Sender = { id?: string; url?: string };

/**
 * Wraps a message handler once, so that it runs only for senders `isAllowed` accepts (by default
 * the extension's own pages); any other sender gets `refusal` and the handler never runs.
 */
export function guarded<Message extends { sender: Sender }, Result, Refusal = undefined>(
  handler: (message: Message) => Result,
  refusal?: Refusal,
  isAllowed: (sender: Sender) => boolean = isOwnExtensionPage,
): (message: Message) => Result | Refusal {
  return (message) => (isAllowed(message.sender) ? handler(message) : (refusal as Refusal));
}
