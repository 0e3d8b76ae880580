/**
 * Shared helpers for the OpenID provider tests: a provider per file, PKCE, a cookie jar that
 * honours paths and deletions as a browser does, a scripted sign-in that drives the real
 * interaction page, and the token, revocation and introspection requests of a client.
 */
import { createHash, createPublicKey, type JsonWebKey, randomBytes, verify } from 'node:crypto';
import { afterAll, beforeAll, expect } from 'vitest';
import { introspectionRequest } from '../../dev/gateway/oauth/external-tokens';
import {
  type OidcProvider,
  type OidcProviderOptions,
  startOidcProvider,
} from '../../dev/oidc/provider';

/** Starts one provider for the file's tests: the getter is valid from the first test on. */
export function useProvider(options: OidcProviderOptions = {}): () => OidcProvider {
  let provider: OidcProvider | undefined;
  beforeAll(async () => {
    provider = await startOidcProvider(options);
  });
  afterAll(() => provider?.close());
  return () => {
    if (!provider) throw new Error('The provider is not started yet');
    return provider;
  };
}

export interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  userinfo_endpoint: string;
  revocation_endpoint: string;
  introspection_endpoint: string;
  jwks_uri: string;
  [member: string]: unknown;
}

export async function discover(provider: OidcProvider): Promise<Discovery> {
  const response = await fetch(provider.discoveryUrl);
  expect(response.status).toBe(200);
  return (await response.json()) as Discovery;
}

export interface PkcePair {
  verifier: string;
  challenge: string;
}

export function pkcePair(): PkcePair {
  const verifier = randomBytes(48).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

interface StoredCookie {
  value: string;
  path: string;
}

/** A browser's cookie store for one origin: enough of RFC 6265 for the provider's cookies. */
export class CookieJar {
  private readonly cookies = new Map<string, StoredCookie>();

  take(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator);
      const value = pair.slice(separator + 1);
      const attribute = (wanted: string) =>
        attributes
          .find((part) => part.toLowerCase().startsWith(`${wanted}=`))
          ?.slice(wanted.length + 1);
      const path = attribute('path') ?? '/';
      const expires = attribute('expires');
      // A cookie is deleted by setting it again, already expired.
      const key = `${name};${path}`;
      if (expires && Date.parse(expires) <= Date.now()) this.cookies.delete(key);
      else this.cookies.set(key, { value, path });
    }
  }

  header(url: string): Record<string, string> {
    const { pathname } = new URL(url);
    const sent = [...this.cookies]
      .filter(([, cookie]) => pathname === cookie.path || pathname.startsWith(pathPrefix(cookie)))
      .map(([key, cookie]) => `${key.slice(0, key.indexOf(';'))}=${cookie.value}`);
    return sent.length === 0 ? {} : { cookie: sent.join('; ') };
  }
}

function pathPrefix(cookie: StoredCookie): string {
  return cookie.path.endsWith('/') ? cookie.path : `${cookie.path}/`;
}

/** A request without following redirects, carrying and updating the jar's cookies. */
export async function browse(url: string, jar: CookieJar, init: RequestInit = {}) {
  const response = await fetch(url, {
    ...init,
    redirect: 'manual',
    headers: { ...jar.header(url), ...(init.headers as Record<string, string> | undefined) },
  });
  jar.take(response);
  return response;
}

/** Follows redirects as long as they stay on the provider; returns the first other answer. */
export async function followOnProvider(
  provider: OidcProvider,
  response: Response,
  jar: CookieJar,
): Promise<Response> {
  let current = response;
  for (let hops = 0; hops < 10; hops += 1) {
    const location = current.headers.get('location');
    if (current.status < 300 || current.status >= 400 || !location) return current;
    const next = new URL(location, provider.issuer);
    if (next.origin !== provider.issuer) return current;
    current = await browse(next.toString(), jar);
  }
  throw new Error('Too many redirects on the provider');
}

export interface AuthorizeParams {
  client_id?: string | null;
  redirect_uri?: string | null;
  response_type?: string | null;
  scope?: string | null;
  state?: string | null;
  nonce?: string | null;
  code_challenge?: string | null;
  code_challenge_method?: string | null;
  prompt?: string | null;
}

/**
 * The authorize URL of a generic OIDC client; `null` drops a parameter. `prompt=consent` by
 * default, since OpenID Connect Core (section 11) grants `offline_access` only with it.
 */
export function authorizeUrl(provider: OidcProvider, params: AuthorizeParams = {}): string {
  const url = new URL('/auth', provider.issuer);
  const all: AuthorizeParams = {
    client_id: provider.clientId,
    redirect_uri: provider.redirectUris[0],
    response_type: 'code',
    scope: 'openid email profile offline_access gateway:access',
    state: 'state-123',
    nonce: 'nonce-456',
    code_challenge: pkcePair().challenge,
    code_challenge_method: 'S256',
    prompt: 'consent',
    ...params,
  };
  for (const [name, value] of Object.entries(all)) {
    if (typeof value === 'string') url.searchParams.set(name, value);
  }
  return url.toString();
}

/** The query of the redirect to the client; fails when the answer is anything else. */
export function redirectParams(provider: OidcProvider, response: Response): URLSearchParams {
  const location = response.headers.get('location');
  if (!location) throw new Error(`Expected a redirect to the client, got ${response.status}`);
  const url = new URL(location);
  expect(provider.redirectUris).toContain(`${url.origin}${url.pathname}`);
  return url.searchParams;
}

export interface SignInOptions extends AuthorizeParams {
  jar?: CookieJar;
  decision?: 'authorize' | 'deny';
}

export interface SignInResult {
  /** The redirect's parameters: code or error, state, iss. */
  params: URLSearchParams;
  verifier: string;
  jar: CookieJar;
  /** The interaction page, when one was shown. */
  page?: string;
}

/** Drives the authorization request as a person would: open it, then press a button. */
export async function signIn(
  provider: OidcProvider,
  options: SignInOptions = {},
): Promise<SignInResult> {
  const { jar = new CookieJar(), decision = 'authorize', ...params } = options;
  const { verifier, challenge } = pkcePair();
  const opened = await followOnProvider(
    provider,
    await browse(authorizeUrl(provider, { code_challenge: challenge, ...params }), jar),
    jar,
  );
  if (opened.status !== 200) return { params: redirectParams(provider, opened), verifier, jar };
  const page = await opened.text();
  const action = /<form method="post" action="([^"]+)"/.exec(page)?.[1];
  if (!action) throw new Error('No form on the interaction page');
  const submitted = await browse(new URL(action, provider.issuer).toString(), jar, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ decision }).toString(),
  });
  const finished = await followOnProvider(provider, submitted, jar);
  return { params: redirectParams(provider, finished), verifier, jar, page };
}

/** A standard, form-encoded token request from the public client. */
export async function tokenRequest(
  provider: OidcProvider,
  fields: Record<string, string>,
): Promise<Response> {
  const { token_endpoint } = await discover(provider);
  return fetch(token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: provider.clientId, ...fields }).toString(),
  });
}

export function exchangeCode(
  provider: OidcProvider,
  code: string,
  verifier: string,
): Promise<Response> {
  return tokenRequest(provider, {
    grant_type: 'authorization_code',
    code,
    code_verifier: verifier,
    redirect_uri: provider.redirectUris[0] ?? '',
  });
}

export function refresh(provider: OidcProvider, refreshToken: string): Promise<Response> {
  return tokenRequest(provider, { grant_type: 'refresh_token', refresh_token: refreshToken });
}

export interface TokenSet {
  access_token: string;
  refresh_token?: string;
  id_token?: string;
  expires_in: number;
  token_type: string;
  scope: string;
}

/** Signs in and exchanges the code: a fresh token set. */
export async function signInForTokens(
  provider: OidcProvider,
  options: SignInOptions = {},
): Promise<TokenSet> {
  const { params, verifier } = await signIn(provider, options);
  const code = params.get('code');
  if (!code) throw new Error(`Sign-in failed: ${params.get('error')}`);
  const response = await exchangeCode(provider, code, verifier);
  expect(response.status).toBe(200);
  return (await response.json()) as TokenSet;
}

/** RFC 7009 revocation by the public client (it may revoke only its own tokens). */
export async function revoke(
  provider: OidcProvider,
  token: string,
  hint?: 'access_token' | 'refresh_token',
): Promise<Response> {
  const { revocation_endpoint } = await discover(provider);
  const fields: Record<string, string> = { token, client_id: provider.clientId };
  if (hint) fields.token_type_hint = hint;
  return fetch(revocation_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
}

/** RFC 7662 introspection with the gateway's credential. */
export async function introspect(
  provider: OidcProvider,
  token: string,
): Promise<Record<string, unknown>> {
  const response = await introspectionRequest(provider.resourceServer, token);
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

export async function userinfo(provider: OidcProvider, accessToken: string): Promise<Response> {
  const { userinfo_endpoint } = await discover(provider);
  return fetch(userinfo_endpoint, { headers: { authorization: `Bearer ${accessToken}` } });
}

/** An RS256 ID token's claims, once its signature checks out against the provider's JWKS. */
export async function verifiedIdTokenClaims(
  provider: OidcProvider,
  idToken: string,
): Promise<Record<string, unknown>> {
  const [header = '', payload = '', signature = ''] = idToken.split('.');
  const decode = (part: string) =>
    JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
  const { alg, kid } = decode(header);
  expect(alg).toBe('RS256');
  const { jwks_uri } = await discover(provider);
  const { keys } = (await (await fetch(jwks_uri)).json()) as { keys: JsonWebKey[] };
  const jwk = keys.find((key) => key.kid === kid);
  if (!jwk) throw new Error(`No key ${String(kid)} in the JWKS`);
  const valid = verify(
    'sha256',
    Buffer.from(`${header}.${payload}`),
    createPublicKey({ key: jwk, format: 'jwk' }),
    Buffer.from(signature, 'base64url'),
  );
  expect(valid).toBe(true);
  return decode(payload);
}
