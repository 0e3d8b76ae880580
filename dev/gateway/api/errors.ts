/**
 * OpenAI-style errors, as LiteLLM (behind AI Pass) answers them.
 */
import { HttpError } from '../http';

export interface OpenAiErrorBody {
  error: { message: string; type: string; param: string | null; code: string };
}

export function openAiErrorBody(
  status: number,
  message: string,
  type = typeForStatus(status),
): OpenAiErrorBody {
  return { error: { message, type, param: null, code: String(status) } };
}

export function apiError(
  status: number,
  message: string,
  options: { type?: string; headers?: Record<string, string> } = {},
): HttpError {
  return new HttpError(status, openAiErrorBody(status, message, options.type), options.headers);
}

/** 400 with LiteLLM's `invalid_request_error`: the usual answer to a bad request body. */
export function invalidRequest(message: string): HttpError {
  return apiError(400, message);
}

function typeForStatus(status: number): string {
  if (status === 401) return 'auth_error'; // LiteLLM's type for authentication failures
  if (status === 403) return 'permission_error';
  if (status === 404) return 'not_found_error';
  if (status === 429) return 'rate_limit_error';
  if (status >= 500) return 'api_error';
  return 'invalid_request_error';
}
