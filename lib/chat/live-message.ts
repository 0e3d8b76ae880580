/**
 * A message as the panel shows it: its changing parts are signals of their own, so a streaming
 * answer re-renders only its own bubble.
 */
import { type Signal, signal } from '@preact/signals';
import type {
  ImageWork,
  MessageContext,
  MessageError,
  MessageRecord,
  MessageStatus,
} from './records';

export interface LiveMessage {
  readonly id: string;
  readonly role: 'user' | 'assistant';
  readonly createdAt: number;
  readonly images: string[];
  readonly context?: MessageContext;
  text: Signal<string>;
  /**
   * The latest piece of a streaming answer, set together with `text` (a new object each time), so
   * the view can add just that piece instead of reading the whole answer on every chunk.
   */
  arrived: Signal<{ text: string } | null>;
  status: Signal<MessageStatus>;
  error: Signal<MessageError | undefined>;
  cost: Signal<number | undefined>;
  model: Signal<string | undefined>;
  /** The conversation's oldest parts were left out of what this answer was asked with. */
  earlierLeftOut: Signal<boolean>;
  /** Set on a request for a picture and on its answer; see ImageWork. */
  imageWork: Signal<ImageWork | undefined>;
}

export function liveMessage(record: MessageRecord): LiveMessage {
  return {
    id: record.id,
    role: record.role,
    createdAt: record.createdAt,
    images: record.images ?? [],
    context: record.context,
    text: signal(record.text),
    arrived: signal(null),
    status: signal(record.status),
    error: signal(record.error),
    cost: signal(record.cost),
    model: signal(record.model),
    earlierLeftOut: signal(record.earlierLeftOut ?? false),
    imageWork: signal(record.imageWork),
  };
}

/** The record to store, as the message stands now. */
export function recordOf(message: LiveMessage, conversationId: string): MessageRecord {
  return {
    id: message.id,
    conversationId,
    role: message.role,
    text: message.text.peek(),
    images: message.images.length ? message.images : undefined,
    context: message.context,
    status: message.status.peek(),
    error: message.error.peek(),
    cost: message.cost.peek(),
    model: message.model.peek(),
    createdAt: message.createdAt,
    heartbeatAt: message.status.peek() === 'streaming' ? Date.now() : undefined,
    earlierLeftOut: message.earlierLeftOut.peek() || undefined,
    imageWork: message.imageWork.peek(),
  };
}
