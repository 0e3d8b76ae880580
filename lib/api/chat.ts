/** Chat completions: one streamed answer at a time, as text deltas. */

import { apiErrorText } from '../i18n/messages/api-errors';
import { authorizedExchange, authorizedJson } from './authorized-fetch';
import { ApiError, apiErrorFrom, type Service } from './errors';
import { readServerSentEvents } from './sse';

export type ChatContentPart =
  | { type: 'text'; text: string }
  | { type: 'image_url'; image_url: { url: string } };

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string | ChatContentPart[];
}

export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  signal?: AbortSignal;
  /** The most tokens the answer may cost (see lib/chat/output-ceiling.ts); none if unset. */
  maxTokens?: number;
  /** How long the stream may stay silent before it is given up, in milliseconds. */
  idleTimeoutMs?: number;
  /** The most characters of answer shown before it is stopped. */
  maxAnswerChars?: number;
}

/** Long enough for a reasoning model to think before its first word, short enough to notice a dead stream. */
export const DEFAULT_IDLE_TIMEOUT_MS = 60_000;
/** About 1 MB: longer than any useful answer, so one that goes on is a runaway, or an attack. */
export const MAX_ANSWER_CHARS = 1_000_000;

interface ChunkPayload {
  choices?: Array<{ delta?: { content?: string | null }; finish_reason?: string | null }>;
  error?: unknown;
}

/**
 * Yields the answer's text as it arrives. Rejects with an ApiError (budget, model, network…);
 * a finished answer without `[DONE]` or a finish reason counts as cut off, and one past
 * `maxAnswerChars` is stopped with a note saying so (what arrived before stays shown).
 */
export async function* streamChat(request: ChatRequest): AsyncGenerator<string> {
  const maxAnswerChars = request.maxAnswerChars ?? MAX_ANSWER_CHARS;
  const { response, service } = await authorizedExchange('/chat/completions', {
    api: true,
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({
      model: request.model,
      messages: request.messages,
      stream: true,
      ...(request.maxTokens ? { max_tokens: request.maxTokens } : {}),
    }),
    signal: request.signal,
  });
  if (!response.body)
    throw new ApiError('server', apiErrorText('emptyAnswer', { name: service.name }));
  let finished = false;
  let received = 0;
  for await (const data of readServerSentEvents(response.body, {
    idleTimeoutMs: request.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS,
    signal: request.signal,
  })) {
    if (data === '[DONE]') return;
    let payload: ChunkPayload;
    try {
      payload = JSON.parse(data) as ChunkPayload;
    } catch {
      continue; // A keep-alive or a line we do not understand: skip it, as EventSource would.
    }
    if (payload.error) throw apiErrorFrom(400, new Headers(), payload, service);
    const choice = payload.choices?.[0];
    const text = choice?.delta?.content;
    if (text) {
      received += text.length;
      if (received > maxAnswerChars) {
        throw new ApiError('server', apiErrorText('answerTooLong', { count: maxAnswerChars }));
      }
      yield text;
    }
    if (choice?.finish_reason) finished = true;
  }
  if (!finished) throw new ApiError('network', apiErrorText('connectionLost'));
}

/** `GET /models`, unparsed (see lib/models.ts for what it means), read through a byte cap, and who listed them. */
export async function fetchModelList(): Promise<{ body: unknown; service: Service }> {
  return authorizedJson('/models', { api: true });
}

/** `GET /models`, unparsed. */
export async function fetchModelIds(): Promise<unknown> {
  return (await fetchModelList()).body;
}
