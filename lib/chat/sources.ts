/** What the person brought into a conversation, for telling which links an answer may expect. */
import type { LiveMessage } from './live-message';

/** Their questions and every quoted page: its text, title and address. Never the answers. */
export function conversationSources(messages: readonly LiveMessage[]): string[] {
  const sources: string[] = [];
  for (const message of messages) {
    if (message.role !== 'user') continue;
    sources.push(message.text.peek());
    const context = message.context;
    if (context) sources.push(context.pageUrl, context.pageTitle, context.quote ?? '');
  }
  return sources;
}
