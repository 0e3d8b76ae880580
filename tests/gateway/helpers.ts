/**
 * Shared helpers for the gateway's conformance tests: a gateway per test, PKCE, a cookie jar, a
 * scripted sign-in that drives the real authorize page, and raw HTTP for byte-level checks.
 */
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import { PNG } from 'pngjs';
import { expect, onTestFinished } from 'vitest';
import {
  DEMO_ACCOUNT,
  DEMO_CLIENT,
  type Gateway,
  type GatewayOptions,
  startGateway,
} from '../../dev/gateway';

export const REDIRECT_URI = DEMO_CLIENT.redirectUris[0] ?? '';

/** A gateway that closes when the current test ends. */
export async function startTestGateway(options: GatewayOptions = {}): Promise<Gateway> {
  const gateway = await startGateway(options);
  onTestFinished(() => gateway.close());
  return gateway;
}

export interface PkcePair {
  verifier: string;
  challenge: string;
}

export function pkcePair(): PkcePair {
  const verifier = randomBytes(48).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** Just enough of a browser's cookie store for one origin. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();
  /** The raw Set-Cookie headers seen, to check their attributes. */
  readonly setCookieHeaders: string[] = [];

  take(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      this.setCookieHeaders.push(header);
      const [pair = ''] = header.split(';');
      const separator = pair.indexOf('=');
      this.cookies.set(pair.slice(0, separator).trim(), pair.slice(separator + 1).trim());
    }
  }

  header(): Record<string, string> {
    if (this.cookies.size === 0) return {};
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    return { cookie };
  }
}

export interface AuthorizeParams {
  client_id?: string;
  redirect_uri?: string;
  response_type?: string;
  scope?: string;
  state?: string;
  code_challenge?: string;
  code_challenge_method?: string;
  prompt?: string;
  mode?: string;
  login_hint?: string;
}

/** The authorize URL with AI Pass's required parameters; `null` drops one. */
export function authorizeUrl(
  gateway: Gateway,
  params: { [Name in keyof AuthorizeParams]: string | null } = {},
): string {
  const url = new URL('/oauth2/authorize', gateway.url);
  const all: Record<string, string | null | undefined> = {
    client_id: DEMO_CLIENT.clientId,
    redirect_uri: REDIRECT_URI,
    response_type: 'code',
    scope: 'api:access profile:read',
    state: 'state-123',
    code_challenge: pkcePair().challenge,
    code_challenge_method: 'S256',
    ...params,
  };
  for (const [name, value] of Object.entries(all)) {
    if (value !== null && value !== undefined) url.searchParams.set(name, value);
  }
  return url.toString();
}

/** GET without following redirects, carrying and updating the jar's cookies. */
export async function browse(url: string, jar = new CookieJar(), init: RequestInit = {}) {
  const response = await fetch(url, {
    ...init,
    redirect: 'manual',
    headers: { ...jar.header(), ...(init.headers as Record<string, string> | undefined) },
  });
  jar.take(response);
  return response;
}

/** The redirect's query, when the response is a redirect to the client. */
export function redirectParams(response: Response): URLSearchParams {
  const location = response.headers.get('location');
  if (!location) throw new Error(`Expected a redirect, got ${response.status}`);
  const url = new URL(location);
  expect(`${url.origin}${url.pathname}`).toBe(REDIRECT_URI);
  return url.searchParams;
}

export interface SignInOptions {
  jar?: CookieJar;
  scope?: string;
  state?: string;
  prompt?: string;
  mode?: string;
  decision?: 'authorize' | 'deny';
  fields?: Record<string, string>;
}

export interface SignInResult {
  /** The redirect's parameters (code or error, state, iss). */
  params: URLSearchParams;
  verifier: string;
  jar: CookieJar;
  /** Set when the page came back instead of a redirect (a failed sign-in). */
  page?: { status: number; html: string };
}

/** Drives the authorize page as a person would: open it, then press a button. */
export async function signIn(gateway: Gateway, options: SignInOptions = {}): Promise<SignInResult> {
  const jar = options.jar ?? new CookieJar();
  const { verifier, challenge } = pkcePair();
  const opened = await browse(
    authorizeUrl(gateway, {
      code_challenge: challenge,
      scope: options.scope ?? 'api:access profile:read',
      state: options.state ?? 'state-123',
      prompt: options.prompt ?? null,
      mode: options.mode ?? null,
    }),
    jar,
  );
  if (opened.status === 302) return { params: redirectParams(opened), verifier, jar };
  expect(opened.status).toBe(200);
  const page = await opened.text();
  const transaction = /name="transaction" value="([^"]+)"/.exec(page)?.[1];
  if (!transaction) throw new Error('No transaction on the authorize page');
  const form = new URLSearchParams({ transaction, decision: options.decision ?? 'authorize' });
  if (/name="password"/.test(page)) {
    const defaults = { email: DEMO_ACCOUNT.email, password: DEMO_ACCOUNT.password };
    for (const [name, value] of Object.entries({ ...defaults, ...options.fields })) {
      form.set(name, value);
    }
  }
  const submitted = await browse(`${gateway.url}/oauth2/authorize`, jar, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
  if (submitted.status === 303) return { params: redirectParams(submitted), verifier, jar };
  return {
    params: new URLSearchParams(),
    verifier,
    jar,
    page: { status: submitted.status, html: await submitted.text() },
  };
}

export async function tokenRequest(
  gateway: Gateway,
  fields: Record<string, string>,
  encoding: 'json' | 'form' = 'json',
): Promise<Response> {
  return fetch(`${gateway.url}/oauth2/token`, {
    method: 'POST',
    headers: {
      'content-type':
        encoding === 'json' ? 'application/json' : 'application/x-www-form-urlencoded',
    },
    body: encoding === 'json' ? JSON.stringify(fields) : new URLSearchParams(fields).toString(),
  });
}

/** AI Pass's camelCase code exchange. */
export function exchangeCode(
  gateway: Gateway,
  code: string,
  verifier: string,
  overrides: Record<string, string> = {},
): Promise<Response> {
  return tokenRequest(gateway, {
    grantType: 'authorization_code',
    code,
    codeVerifier: verifier,
    clientId: DEMO_CLIENT.clientId,
    redirectUri: REDIRECT_URI,
    ...overrides,
  });
}

export function refreshTokens(gateway: Gateway, refreshToken: string): Promise<Response> {
  return tokenRequest(gateway, {
    grantType: 'refresh_token',
    refreshToken,
    clientId: DEMO_CLIENT.clientId,
  });
}

export interface TokenSet {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  token_type: string;
  scope: string;
}

/** Signs in and exchanges the code: a fresh token pair. */
export async function signInForTokens(
  gateway: Gateway,
  options: SignInOptions = {},
): Promise<TokenSet & { jar: CookieJar }> {
  const { params, verifier, jar } = await signIn(gateway, options);
  const code = params.get('code');
  if (!code) throw new Error(`Sign-in failed: ${params.get('error')}`);
  const response = await exchangeCode(gateway, code, verifier);
  expect(response.status).toBe(200);
  return { ...((await response.json()) as TokenSet), jar };
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

export function userinfo(gateway: Gateway, token: string): Promise<Response> {
  return fetch(`${gateway.url}/oauth2/userinfo`, { headers: bearer(token) });
}

/** POST JSON to the model proxy. */
export function callApi(
  gateway: Gateway,
  token: string,
  path: string,
  body: unknown,
): Promise<Response> {
  return fetch(`${gateway.url}/oauth2/v1${path}`, {
    method: 'POST',
    headers: { ...bearer(token), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The body exactly as the network delivered it, chunk by chunk. */
  chunks: Buffer[];
  /** The connection ended before the response was complete. */
  cut: boolean;
}

/** A request through node:http, keeping the body's network chunks as they arrived. */
export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, {
      method: options.method ?? 'GET',
      headers: options.headers,
    });
    request.on('error', reject);
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      const finish = (cut: boolean) =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, chunks, cut });
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => finish(false));
      response.on('error', () => finish(true));
      response.on('aborted', () => finish(true));
    });
    request.end(options.body);
  });
}

/** The `data:` payloads of an SSE body. */
export function sseData(body: string): string[] {
  return body
    .split('\n\n')
    .filter((event) => event.trim() !== '')
    .map((event) => {
      expect(event.startsWith('data: ')).toBe(true);
      return event.slice('data: '.length);
    });
}

/** True when the bytes end inside a multi-byte UTF-8 character. */
export function endsMidCharacter(bytes: Buffer): boolean {
  for (let back = 1; back <= Math.min(4, bytes.length); back += 1) {
    const byte = bytes[bytes.length - back] ?? 0;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    if (byte < 0x80) return false;
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
    return back < length;
  }
  return false;
}

/** A real PNG of the given size. */
export function makePng(width: number, height: number): Buffer {
  const png = new PNG({ width, height });
  png.data.fill(200);
  return PNG.sync.write(png);
}

export function dataUrl(mimeType: string, bytes: Buffer): string {
  return `data:${mimeType};base64,${bytes.toString('base64')}`;
}

/** Waits until the condition holds (for server-side effects that follow a client's action). */
export async function eventually(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('Condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
