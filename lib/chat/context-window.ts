/**
 * What is sent is fitted to the model's context: the oldest images go first, then the oldest
 * turns, and the panel says so. The system note and the question being answered always stay.
 * Sizes are estimated (four characters a token, a fixed cost an image): exact counts would need
 * each model's tokenizer, so the budget keeps a margin below what the model reads.
 */
import type { ChatContentPart, ChatMessage } from '../api/chat';

export interface ContextBudget {
  /** Estimated tokens the request may use. */
  tokens: number;
  /** Images sent at most, newest kept. */
  images: number;
}

/** What a model reads when its gateway does not say: small enough for today's chat models. */
export const DEFAULT_CONTEXT_TOKENS = 32_000;
const MAX_IMAGES = 4;
/** The estimate runs low for some text (code, other scripts): a tenth of the context stays free. */
const ESTIMATE_MARGIN = 0.9;
/** Each refusal as too long halves what the next attempt sends, down to this share. */
const SMALLEST_SHARE = 1 / 16;

export interface ModelRoom {
  /** Tokens the model reads, question and answer together; undefined when the gateway did not say. */
  contextTokens: number | undefined;
  /** The answer's `max_tokens` as the person's settings ask. */
  maxTokens: number;
  /** The part of the room to use: 1, or less after the model refused the conversation as too long. */
  share?: number;
}

/**
 * The budget for what is sent and the `max_tokens` for the answer: the answer's room comes off
 * the context, and in a small context the answer gets half of it at most.
 */
export function budgetFor({ contextTokens, maxTokens, share = 1 }: ModelRoom): {
  budget: ContextBudget;
  maxTokens: number;
} {
  const context = contextTokens ?? DEFAULT_CONTEXT_TOKENS;
  const answer = Math.min(maxTokens, Math.floor(context / 2));
  const tokens = Math.floor((context - answer) * ESTIMATE_MARGIN * share);
  return { budget: { tokens, images: MAX_IMAGES }, maxTokens: answer };
}

/** The share to use after the model refused a conversation sent with `share` as too long. */
export function shareAfterRefusal(share = 1): number {
  return Math.max(SMALLEST_SHARE, share / 2);
}

/** What the defaults give: a 32,000-token context less an 8,000-token answer, with the margin. */
export const DEFAULT_BUDGET: ContextBudget = budgetFor({
  contextTokens: undefined,
  maxTokens: 8_000,
}).budget;

const TOKENS_PER_IMAGE = 1_000;
const IMAGE_LEFT_OUT = '(An image was here; it was not sent again.)';

function tokensOf(message: ChatMessage): number {
  if (typeof message.content === 'string') return Math.ceil(message.content.length / 4) + 4;
  return message.content.reduce(
    (sum, part) =>
      sum + (part.type === 'text' ? Math.ceil(part.text.length / 4) : TOKENS_PER_IMAGE),
    4,
  );
}

function imageCount(message: ChatMessage): number {
  return typeof message.content === 'string'
    ? 0
    : message.content.filter((part) => part.type === 'image_url').length;
}

function withoutImages(message: ChatMessage): ChatMessage {
  if (typeof message.content === 'string') return message;
  const text = message.content
    .filter((part): part is Extract<ChatContentPart, { type: 'text' }> => part.type === 'text')
    .map((part) => part.text)
    .join('\n');
  return { ...message, content: `${text}\n\n${IMAGE_LEFT_OUT}` };
}

export interface FittedConversation {
  messages: ChatMessage[];
  /** Something earlier was left out: the panel notes "Earlier messages were not sent". */
  leftOut: boolean;
}

/** `messages` starts with the system note and ends with the question to answer. */
export function fitToContext(
  messages: ChatMessage[],
  budget: ContextBudget = DEFAULT_BUDGET,
): FittedConversation {
  const [system, ...turns] = messages;
  if (!system) return { messages, leftOut: false };
  let leftOut = false;
  // Oldest images first: keep the newest `budget.images`, and strip the rest while over budget.
  let images = turns.reduce((sum, message) => sum + imageCount(message), 0);
  const total = () => turns.reduce((sum, message) => sum + tokensOf(message), tokensOf(system));
  for (let i = 0; i < turns.length - 1; i++) {
    const message = turns[i] as ChatMessage;
    const count = imageCount(message);
    if (count === 0) continue;
    if (images <= budget.images && total() <= budget.tokens) break;
    turns[i] = withoutImages(message);
    images -= count;
    leftOut = true;
  }
  // Then the oldest turns, whole: a question goes with the answer after it.
  while (turns.length > 1 && total() > budget.tokens) {
    turns.shift();
    if (turns.length > 1 && turns[0]?.role === 'assistant') turns.shift();
    leftOut = true;
  }
  return { messages: [system, ...turns], leftOut };
}
