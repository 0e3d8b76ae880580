/** Small pieces the open conversation is built from. */
import { type LiveMessage, liveMessage } from './live-message';
import type { ImageWork, MessageContext } from './records';

/**
 * Makes new messages, not yet in any conversation. `createdAt` never repeats within one maker,
 * so the store's order (by conversation, then time) is the order they were made in.
 */
export function messageMaker() {
  let lastStamp = 0;
  return function newMessage(
    role: 'user' | 'assistant',
    text: string,
    images: string[] = [],
    context?: MessageContext,
    imageWork?: ImageWork,
  ): LiveMessage {
    lastStamp = Math.max(Date.now(), lastStamp + 1);
    return liveMessage({
      id: crypto.randomUUID(),
      conversationId: '',
      role,
      text,
      images,
      context,
      imageWork,
      status: role === 'user' ? 'complete' : 'streaming',
      createdAt: lastStamp,
    });
  };
}
