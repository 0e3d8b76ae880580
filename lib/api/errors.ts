/**
 * What can go wrong with an API call, as codes the pages branch on, with a message a person can
 * act on. Built from the response's status and body: AI Pass answers in several shapes
 * (OpenAI-style `{error:{message,type}}`, its own `{success:false,message}`, OAuth errors).
 */
import { apiErrorText } from '../i18n/messages/api-errors';

export type ApiErrorCode =
  | 'signed-out'
  | 'budget-exhausted'
  | 'rate-limited'
  | 'model-unavailable'
  | 'context-too-long'
  | 'bad-request'
  | 'network'
  | 'server';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly retryAfterSeconds?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The server's own words about an error, whatever shape the body has. */
export function errorDetail(body: unknown): { message: string; type: string } {
  if (typeof body !== 'object' || body === null) return { message: '', type: '' };
  const record = body as Record<string, unknown>;
  const nested = record.error;
  if (typeof nested === 'object' && nested !== null) {
    const error = nested as Record<string, unknown>;
    return { message: String(error.message ?? ''), type: String(error.type ?? error.code ?? '') };
  }
  if (typeof nested === 'string') {
    return { message: String(record.error_description ?? nested), type: nested };
  }
  return { message: String(record.message ?? ''), type: '' };
}

function retryAfter(headers: Headers): number | undefined {
  const value = headers.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/** Who answered, as errors name it: the provider the call went to. */
export interface Service {
  name: string;
  /** Whether credit can be added there (AI Pass's top-up). */
  hasBalance: boolean;
}

/** OpenAI's `context_length_exceeded`, and the words Anthropic, LiteLLM and OpenRouter use. */
function isContextTooLong(message: string, type: string): boolean {
  return (
    /context_length_exceeded/i.test(type) ||
    /context.length|context window|prompt is too long|too many (input )?tokens/i.test(message)
  );
}

/** Turns a failed response's status, headers and (already parsed) body into an ApiError. */
export function apiErrorFrom(
  status: number,
  headers: Headers,
  body: unknown,
  service: Service,
): ApiError {
  const { message, type } = errorDetail(body);
  const { name } = service;
  if (/budget/i.test(type) || /budget (has been )?exceeded/i.test(message) || status === 402) {
    return new ApiError(
      'budget-exhausted',
      service.hasBalance
        ? apiErrorText('balanceUsedUp', { name })
        : apiErrorText('budgetUsedUp', { name }),
    );
  }
  if (status === 401 || status === 403) {
    return new ApiError('signed-out', apiErrorText('sessionEnded', { name }));
  }
  if (status === 429) {
    const seconds = retryAfter(headers);
    return new ApiError(
      'rate-limited',
      seconds === undefined
        ? apiErrorText('tooManyRequests', { name })
        : apiErrorText('tooManyRequestsFor', { name, count: seconds }),
      seconds,
    );
  }
  if (
    /invalid model|model.*(not found|not available|unavailable)/i.test(message) ||
    status === 404
  ) {
    return new ApiError('model-unavailable', apiErrorText('modelUnavailable'));
  }
  if (status < 500 && isContextTooLong(message, type)) {
    return new ApiError('context-too-long', apiErrorText('contextTooLong'));
  }
  if (status >= 500) {
    return new ApiError('server', apiErrorText('serverProblem', { name, status: String(status) }));
  }
  return new ApiError(
    'bad-request',
    message || apiErrorText('refused', { name, status: String(status) }),
  );
}
