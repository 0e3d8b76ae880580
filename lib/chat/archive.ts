/**
 * All of an account's conversations as one JSON file, and back. The file names its format and
 * version; one that is malformed, of another format or newer than this code is refused whole,
 * with a reason, before anything is written.
 */

import { chatErrorText } from '../i18n/messages/chat-errors';
import type { ConversationRecord, MessageRecord } from './records';

export const ARCHIVE_FORMAT = 'passlight-conversations';
export const ARCHIVE_VERSION = 1;

export interface ArchivedConversation {
  conversation: ConversationRecord;
  messages: MessageRecord[];
}

export interface Archive {
  format: typeof ARCHIVE_FORMAT;
  version: number;
  exportedAt: number;
  conversations: ArchivedConversation[];
}

export class ArchiveProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArchiveProblem';
  }
}

export function archiveOf(conversations: ArchivedConversation[], now = Date.now()): Archive {
  return { format: ARCHIVE_FORMAT, version: ARCHIVE_VERSION, exportedAt: now, conversations };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

const STATUSES = new Set(['streaming', 'complete', 'stopped', 'interrupted', 'error']);

function checkConversation(value: unknown): value is ConversationRecord {
  return (
    isObject(value) &&
    isString(value.id) &&
    isString(value.title) &&
    isNumber(value.createdAt) &&
    isNumber(value.updatedAt)
  );
}

function checkMessage(value: unknown, conversationId: string): value is MessageRecord {
  return (
    isObject(value) &&
    isString(value.id) &&
    value.conversationId === conversationId &&
    (value.role === 'user' || value.role === 'assistant') &&
    isString(value.text) &&
    isString(value.status) &&
    STATUSES.has(value.status) &&
    isNumber(value.createdAt) &&
    (value.images === undefined ||
      (Array.isArray(value.images) &&
        value.images.every((url) => isString(url) && url.startsWith('data:image/'))))
  );
}

/** The archive in `text`, checked whole; throws an ArchiveProblem saying what is wrong. */
export function parseArchive(text: string): Archive {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ArchiveProblem(chatErrorText('archiveNotJson'));
  }
  if (!isObject(data) || data.format !== ARCHIVE_FORMAT || !isNumber(data.version))
    throw new ArchiveProblem(chatErrorText('archiveNotOurs'));
  if (data.version > ARCHIVE_VERSION) throw new ArchiveProblem(chatErrorText('archiveTooNew'));
  const list = data.conversations;
  if (!Array.isArray(list)) throw new ArchiveProblem(chatErrorText('archiveEmpty'));
  for (const [index, entry] of list.entries()) {
    const ok =
      isObject(entry) &&
      checkConversation(entry.conversation) &&
      Array.isArray(entry.messages) &&
      entry.messages.every((m) => checkMessage(m, (entry.conversation as ConversationRecord).id));
    if (!ok) throw new ArchiveProblem(chatErrorText('archiveDamaged', { number: index + 1 }));
  }
  return {
    format: ARCHIVE_FORMAT,
    version: data.version,
    exportedAt: isNumber(data.exportedAt) ? data.exportedAt : 0,
    conversations: list as ArchivedConversation[],
  };
}
