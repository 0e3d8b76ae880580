/** What the model is sent: the system note and the conversation so far. */
import type { ChatContentPart, ChatMessage } from '../api/chat';
import type { LiveMessage } from './live-message';

export const SYSTEM_PROMPT =
  'You are Passlight, an assistant inside the user’s web browser. Answer clearly and concisely, ' +
  'in the language of the question, using Markdown where it helps.';

/** Earlier answers that failed with nothing to show are left out; partial ones are kept. */
export function conversationForModel(history: LiveMessage[]): ChatMessage[] {
  const messages: ChatMessage[] = [{ role: 'system', content: SYSTEM_PROMPT }];
  for (const message of history) {
    const text = message.text.peek();
    if (message.role === 'assistant') {
      if (text.trim()) messages.push({ role: 'assistant', content: text });
      continue;
    }
    if (message.images.length === 0) {
      messages.push({ role: 'user', content: text });
      continue;
    }
    const parts: ChatContentPart[] = [{ type: 'text', text: text || 'Describe this image.' }];
    for (const url of message.images) parts.push({ type: 'image_url', image_url: { url } });
    messages.push({ role: 'user', content: parts });
  }
  return messages;
}
