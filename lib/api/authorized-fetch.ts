/**
 * Calls to the provider's API from any extension page, with a token from the background.
 * On a `401` the token is refreshed once and the call made once more; never more, and never
 * after a response body was read.
 */
import type { AuthResult } from '../auth/errors';
import type { AccessGrant } from '../auth/types';
import { apiErrorText } from '../i18n/messages/api-errors';
import { sendMessage } from '../messages';
import { MAX_ERROR_BYTES, readBoundedJson } from './bounded-body';
import { ApiError, apiErrorFrom, type Service } from './errors';

type GrantSource = (failedToken?: string) => Promise<AuthResult<AccessGrant>>;

/** Where this context's tokens come from: pages ask the background. */
let grantSource: GrantSource = (failedToken) => sendMessage('auth.getAccessToken', { failedToken });

/**
 * For the background itself (Firefox's plays Read aloud and fetches its speech): a context cannot
 * message itself, so it asks its own token store instead.
 */
export function takeGrantsFrom(source: GrantSource): void {
  grantSource = source;
}

async function accessGrant(failedToken?: string): Promise<AccessGrant> {
  const result = await grantSource(failedToken);
  if (result.ok) return result.value;
  if (result.code === 'temporarily-unavailable') throw new ApiError('network', result.message);
  throw new ApiError('signed-out', result.message);
}

async function send(grant: AccessGrant, url: string, init: RequestInit): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${grant.accessToken}`);
  try {
    return await fetch(url, { ...init, headers });
  } catch (cause) {
    if (init.signal?.aborted) throw cause;
    throw new ApiError('network', apiErrorText('unreachable', { name: grant.service.name }));
  }
}

export type AuthorizedInit = RequestInit & { api?: boolean };

/**
 * `path` is relative to the server (`/api/v1/…`) or, with `api: true`, to the model API base
 * (`/chat/completions`). Resolves with an OK response and who sent it, so that later errors
 * about its body name the provider; rejects with an ApiError otherwise.
 */
export async function authorizedExchange(
  path: string,
  init: AuthorizedInit = {},
): Promise<{ response: Response; service: Service }> {
  const { api, ...requestInit } = init;
  const urlOf = (grant: AccessGrant) => `${api ? grant.apiBase : grant.serverUrl}${path}`;
  const first = await accessGrant();
  let grant = first;
  let response = await send(grant, urlOf(grant), requestInit);
  if (response.status === 401) {
    grant = await accessGrant(first.accessToken);
    response = await send(grant, urlOf(grant), requestInit);
  }
  if (!response.ok) {
    const body = await readBoundedJson(response, MAX_ERROR_BYTES).catch(() => null);
    throw apiErrorFrom(response.status, response.headers, body, grant.service);
  }
  return { response, service: grant.service };
}

/** How long a JSON answer (the model list, a balance, a checkout page) may take, all of it. */
export const JSON_TIMEOUT_MS = 30_000;

export type JsonInit = AuthorizedInit & { timeoutMs?: number; maxBytes?: number };

/**
 * `authorizedExchange` and its JSON body read through a byte cap, within `timeoutMs` for the
 * headers and the body together: a server that never answers, or never finishes, is given up on
 * with words a person can act on, rather than left spinning.
 */
export async function authorizedJson(
  path: string,
  init: JsonInit = {},
): Promise<{ body: unknown; service: Service }> {
  const { timeoutMs = JSON_TIMEOUT_MS, maxBytes, signal, ...rest } = init;
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    const { response, service } = await authorizedExchange(path, { ...rest, signal: combined });
    return { body: await readBoundedJson(response, maxBytes), service };
  } catch (cause) {
    if (!timeout.aborted || signal?.aborted) throw cause;
    throw new ApiError('network', apiErrorText('tooSlow'), undefined, { cause });
  }
}

/** `authorizedExchange` for callers that need the response only. */
export async function authorizedFetch(path: string, init: AuthorizedInit = {}): Promise<Response> {
  return (await authorizedExchange(path, init)).response;
}
