/** What a conversation is, as it is kept in IndexedDB. */
import type { AuthStatus } from '../auth/status';

/** Whose conversations these are: a provider's id and the account's stable `sub` there. */
export interface Account {
  provider: string;
  sub: string;
}

export interface ConversationRecord {
  id: string;
  title: string;
  createdAt: number;
  updatedAt: number;
  /** The model last used here. */
  model?: string;
  /** The account that made it; absent only on conversations kept before accounts were recorded. */
  provider?: string;
  sub?: string;
}

/** The account signed in, or null. */
export function accountOf(status: AuthStatus | null): Account | null {
  return status?.signedIn ? { provider: status.provider.id, sub: status.user.sub } : null;
}

export function belongsTo(conversation: ConversationRecord, account: Account): boolean {
  return conversation.provider === account.provider && conversation.sub === account.sub;
}

export type MessageStatus =
  /** The answer is arriving (or was, when its panel closed: see `heartbeatAt`). */
  | 'streaming'
  | 'complete'
  /** The person pressed Stop; what arrived is kept. */
  | 'stopped'
  /** The panel, worker or browser closed mid-answer. */
  | 'interrupted'
  | 'error';

export interface MessageError {
  code: string;
  message: string;
  retryAfterSeconds?: number;
}

/** What a question from a page action was about, shown above it and quoted to the model. */
export interface MessageContext {
  kind: 'selection' | 'page' | 'image';
  pageTitle: string;
  pageUrl: string;
  /** The selected text or the page's text, as sent (already trimmed). */
  quote?: string;
  /** How many characters of the page text were left out to fit the model. */
  omitted?: number;
}

/**
 * A message about pictures rather than words: a request to make or change one (on the
 * question) and what came of it (on the answer). The pictures themselves are Blobs in the
 * store's `images` store, by id, so a conversation's list and its search never load them.
 */
export interface ImageWork {
  mode: 'generate' | 'edit';
  /** On a question: the pictures to change. On an answer: the pictures made. */
  imageIds: string[];
  /** On an answer to an edit: the pictures it changed, shown beside the result. */
  sourceIds?: string[];
  /** Pictures at addresses Passlight could not read, shown as links. */
  links?: string[];
  /** On a question: the model asked, so Retry asks the same one. */
  model?: string;
  size?: string;
  count?: number;
}

export interface MessageRecord {
  id: string;
  conversationId: string;
  role: 'user' | 'assistant';
  text: string;
  /** Images sent with a question, as compressed `data:` URLs. */
  images?: string[];
  context?: MessageContext;
  status: MessageStatus;
  error?: MessageError;
  /** What the answer cost, in dollars, when it could be known. */
  cost?: number;
  model?: string;
  createdAt: number;
  /** Updated while streaming; a stale one means the panel that streamed it is gone. */
  heartbeatAt?: number;
  /** The answer was asked without the conversation's oldest parts, to fit the model. */
  earlierLeftOut?: boolean;
  imageWork?: ImageWork;
}
