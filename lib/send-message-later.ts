/**
 * `sendMessage` for a page's first paint: the messaging library comes with the first message a
 * person's click sends, not before the page can show itself.
 */
import type { sendMessage as SendMessage } from './messages';

export const sendMessageLater = ((...args: Parameters<typeof SendMessage>) =>
  import('./messages').then(({ sendMessage }) => sendMessage(...args))) as typeof SendMessage;
