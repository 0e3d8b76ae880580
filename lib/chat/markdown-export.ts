/** One conversation as Markdown, to keep or share: questions, their quotes, and the answers. */
import type { ConversationRecord, MessageRecord } from './records';

function quoted(text: string): string {
  return text
    .split('\n')
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');
}

export function conversationToMarkdown(
  conversation: ConversationRecord,
  messages: MessageRecord[],
): string {
  const parts = [`# ${conversation.title}`];
  for (const message of messages) {
    if (message.role === 'user') {
      const lines = [`## Question\n\n${message.text}`];
      for (const [index] of (message.images ?? []).entries())
        lines.push(`[Image ${index + 1}: not included]`);
      const context = message.context;
      if (context) {
        lines.push(`From [${context.pageTitle || context.pageUrl}](${context.pageUrl})`);
        if (context.quote) lines.push(quoted(context.quote));
      }
      parts.push(lines.join('\n\n'));
    } else {
      const note = message.status === 'stopped' ? '\n\n*(Stopped.)*' : '';
      const error = message.error ? `\n\n*(${message.error.message})*` : '';
      parts.push(`## Answer\n\n${message.text}${note}${error}`);
    }
  }
  return `${parts.join('\n\n')}\n`;
}

/** A file name from a title: letters, digits and dashes. */
export function fileNameFor(title: string, extension: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .slice(0, 60);
  return `${base || 'conversation'}.${extension}`;
}
