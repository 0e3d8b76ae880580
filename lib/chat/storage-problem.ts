/**
 * Why IndexedDB refused something, in words a person can act on. Pages branch on `code`; the
 * message is what the panel shows next to Retry.
 */
import { chatErrorText } from '../i18n/messages/chat-errors';

export type StorageProblemCode =
  /** The browser's storage quota for the extension is used up. */
  | 'quota'
  /** The connection closed under us (storage cleared, browser shutting down) and did not reopen. */
  | 'closed'
  /** The conversation was deleted (perhaps in another window) before this write. */
  | 'gone'
  | 'unknown';

const MESSAGE_KEYS = {
  quota: 'storageQuota',
  closed: 'storageClosed',
  gone: 'storageGone',
  unknown: 'storageUnknown',
} as const satisfies Record<StorageProblemCode, string>;

export class StorageProblem extends Error {
  readonly code: StorageProblemCode;

  constructor(code: StorageProblemCode, options?: { cause?: unknown }) {
    super(chatErrorText(MESSAGE_KEYS[code]), options);
    this.name = 'StorageProblem';
    this.code = code;
  }
}

/** Whether the connection itself is unusable, so opening a new one may help. */
export function isClosedConnection(error: unknown): boolean {
  return (
    error instanceof DOMException &&
    (error.name === 'InvalidStateError' || error.name === 'UnknownError')
  );
}

export function storageProblemFrom(error: unknown): StorageProblem {
  if (error instanceof StorageProblem) return error;
  if (error instanceof DOMException) {
    if (error.name === 'QuotaExceededError') return new StorageProblem('quota', { cause: error });
    if (isClosedConnection(error)) return new StorageProblem('closed', { cause: error });
  }
  return new StorageProblem('unknown', { cause: error });
}
