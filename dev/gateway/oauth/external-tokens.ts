/**
 * Access tokens from another authorization server (AI Stats, any OpenID Connect provider), taken
 * on the model proxy and the account API when that server's RFC 7662 introspection endpoint says
 * they are active. Each token's `sub` is a gateway user, created with the starting budget on
 * first sight. Positive answers are trusted for a few seconds, so a burst of calls (models, a
 * streamed chat, the balance) asks once.
 */
import { isRecord } from '../http';
import type { ExternalTokenOptions } from '../options';
import { randomSecret, sha256Base64Url } from '../secrets';
import type { GatewayState, User } from '../state';

export type ExternalTokenCheck =
  | { kind: 'active'; user: User }
  /** Unknown, expired, revoked, or not an access token. */
  | { kind: 'inactive' }
  | { kind: 'insufficient-scope'; scope: string }
  /** The introspection endpoint could not answer: a temporary failure, not a verdict. */
  | { kind: 'unavailable' };

/** What an active introspection answer says about a token. */
interface Vouched {
  subject: string;
  scopes: string[];
  /** RFC 7662's human-readable identifier, when the server gives one. */
  username: string | undefined;
  /** Epoch milliseconds until which this answer is reused. */
  trustedUntil: number;
}

const INTROSPECTION_TIMEOUT_MS = 5000;

/** An RFC 7662 introspection request, authenticated as a confidential client with HTTP Basic. */
export function introspectionRequest(
  credential: Pick<ExternalTokenOptions, 'introspectionEndpoint' | 'clientId' | 'clientSecret'>,
  token: string,
  options: { tokenTypeHint?: string; signal?: AbortSignal } = {},
): Promise<Response> {
  // RFC 6749 section 2.3.1: both parts URL-encoded before Basic encoding.
  const basic = `${encodeURIComponent(credential.clientId)}:${encodeURIComponent(credential.clientSecret)}`;
  const body = new URLSearchParams({ token });
  if (options.tokenTypeHint) body.set('token_type_hint', options.tokenTypeHint);
  return fetch(credential.introspectionEndpoint, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(basic).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
    },
    body: body.toString(),
    ...(options.signal ? { signal: options.signal } : {}),
  });
}

export class ExternalTokens {
  /** Keyed by the token's SHA-256: the gateway keeps no other server's token. */
  private readonly answers = new Map<string, Vouched>();

  constructor(
    private readonly options: Required<ExternalTokenOptions>,
    private readonly state: GatewayState,
  ) {}

  async check(token: string): Promise<ExternalTokenCheck> {
    const key = sha256Base64Url(token);
    const vouched = this.cached(key) ?? (await this.introspect(token));
    if (vouched === 'inactive' || vouched === 'unavailable') return { kind: vouched };
    this.remember(key, vouched);
    if (!vouched.scopes.includes(this.options.requiredScope)) {
      return { kind: 'insufficient-scope', scope: this.options.requiredScope };
    }
    return { kind: 'active', user: this.userFor(vouched) };
  }

  private cached(key: string): Vouched | undefined {
    const vouched = this.answers.get(key);
    return vouched && vouched.trustedUntil > Date.now() ? vouched : undefined;
  }

  private remember(key: string, vouched: Vouched): void {
    const now = Date.now();
    // Dropping stale answers here keeps the map to the tokens of the last few seconds.
    for (const [staleKey, answer] of this.answers) {
      if (answer.trustedUntil <= now) this.answers.delete(staleKey);
    }
    if (vouched.trustedUntil > now) this.answers.set(key, vouched);
  }

  private async introspect(token: string): Promise<Vouched | 'inactive' | 'unavailable'> {
    let body: unknown;
    try {
      const response = await introspectionRequest(this.options, token, {
        tokenTypeHint: 'access_token',
        signal: AbortSignal.timeout(INTROSPECTION_TIMEOUT_MS),
      });
      if (!response.ok) return 'unavailable';
      body = await response.json();
    } catch {
      return 'unavailable';
    }
    return readAnswer(body, Date.now() + this.options.cacheSeconds * 1000);
  }

  private userFor(vouched: Vouched): User {
    // The prefix keeps another server's subjects apart from the gateway's own user ids.
    const id = `ext_${vouched.subject}`;
    return (
      this.state.users.get(id) ??
      this.state.createUser({
        id,
        name: vouched.username ?? vouched.subject,
        // `.invalid` (RFC 2606) can never be a real address; the password can never be typed.
        email: `${vouched.subject}@external.invalid`,
        password: randomSecret(),
      })
    );
  }
}

/** An RFC 7662 answer, as strictly as a resource server must read it. */
function readAnswer(body: unknown, cacheUntil: number): Vouched | 'inactive' | 'unavailable' {
  if (!isRecord(body)) return 'unavailable';
  const answer = body;
  if (answer.active !== true) return 'inactive';
  // RFC 7662 makes token_type optional, but oidc-provider (like most servers) sets it on access
  // tokens only: requiring Bearer keeps a refresh token from passing for an access token.
  if (typeof answer.token_type !== 'string' || answer.token_type.toLowerCase() !== 'bearer') {
    return 'inactive';
  }
  // A token without a subject is a client's own (client credentials): there is nobody to bill.
  if (typeof answer.sub !== 'string' || answer.sub === '') return 'inactive';
  const expiresAt = typeof answer.exp === 'number' ? answer.exp * 1000 : Number.POSITIVE_INFINITY;
  if (expiresAt <= Date.now()) return 'inactive';
  return {
    subject: answer.sub,
    scopes: typeof answer.scope === 'string' ? answer.scope.split(' ').filter(Boolean) : [],
    username: typeof answer.username === 'string' ? answer.username : undefined,
    trustedUntil: Math.min(cacheUntil, expiresAt),
  };
}
