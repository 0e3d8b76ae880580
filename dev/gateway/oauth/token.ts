/**
 * `POST /oauth2/token`: authorization code with PKCE, and refresh with rotation, reuse
 * detection and a 503 for a refresh that overlaps another of the same grant.
 */
import type { FastifyInstance } from 'fastify';
import type { GatewayContext } from '../context';
import type { TokenResponse } from '../grants';
import { sleep } from '../http';
import type { ClientRegistration } from '../options';
import { sha256Base64Url } from '../secrets';
import { oauthError } from './errors';
import { readTokenRequest, type TokenRequest } from './token-request';

/** RFC 7636 section 4.1: 43 to 128 unreserved characters. */
const CODE_VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;

export function registerTokenRoute(app: FastifyInstance, ctx: GatewayContext): void {
  app.post('/oauth2/token', async (request, reply) => {
    reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
    const tokenRequest = readTokenRequest(request, ctx.options.tokenDialects);
    const { fields, names } = tokenRequest;
    if (!fields.grantType) throw missing(names.grantType);
    if (!fields.clientId) throw missing(names.clientId);
    const client = ctx.clients.get(fields.clientId);
    if (!client) throw oauthError(401, 'invalid_client', 'Unknown client.');
    switch (fields.grantType) {
      case 'authorization_code':
        return exchangeCode(ctx, client, tokenRequest);
      case 'refresh_token':
        return refresh(ctx, client, tokenRequest);
      default:
        throw oauthError(400, 'unsupported_grant_type', `Unsupported grant type.`);
    }
  });
}

function missing(name: string) {
  return oauthError(400, 'invalid_request', `${name} is required.`);
}

function invalidGrant(description: string) {
  return oauthError(400, 'invalid_grant', description);
}

function exchangeCode(
  ctx: GatewayContext,
  client: ClientRegistration,
  { fields, names }: TokenRequest,
): TokenResponse {
  const { code, codeVerifier, redirectUri } = fields;
  if (!code) throw missing(names.code);
  if (!codeVerifier) throw missing(names.codeVerifier);
  if (!redirectUri) throw missing(names.redirectUri);
  if (!CODE_VERIFIER.test(codeVerifier)) {
    throw oauthError(400, 'invalid_request', `${names.codeVerifier} is malformed (RFC 7636).`);
  }
  const issued = ctx.state.codes.get(code);
  if (!issued) throw invalidGrant('Unknown authorization code.');
  if (issued.used) {
    // A second use means the code leaked: whatever it gave out must die (RFC 6749 4.1.2).
    if (issued.grantId) ctx.grants.revokeGrant(issued.grantId);
    throw invalidGrant('Authorization code already used; the grant it issued is revoked.');
  }
  issued.used = true;
  if (issued.expiresAt <= Date.now()) throw invalidGrant('Authorization code expired.');
  if (issued.clientId !== client.clientId) {
    throw invalidGrant('Authorization code was issued to another client.');
  }
  if (issued.redirectUri !== redirectUri) {
    throw invalidGrant(`${names.redirectUri} does not match the authorization request.`);
  }
  if (sha256Base64Url(codeVerifier) !== issued.codeChallenge) {
    throw invalidGrant('PKCE verification failed.');
  }
  const grant = ctx.grants.createGrant(issued.userId, client.clientId, issued.scopes);
  issued.grantId = grant.id;
  return ctx.grants.issueTokens(grant);
}

async function refresh(
  ctx: GatewayContext,
  client: ClientRegistration,
  { fields, names }: TokenRequest,
): Promise<TokenResponse> {
  if (!fields.refreshToken) throw missing(names.refreshToken);
  const presented = ctx.state.refreshTokens.get(fields.refreshToken);
  const grant = presented && ctx.state.grants.get(presented.grantId);
  if (!presented || !grant || grant.clientId !== client.clientId) {
    throw invalidGrant('Unknown refresh token.');
  }
  if (grant.refreshing) {
    // Checked before reuse: a client that raced itself is told to wait, not punished.
    throw oauthError(
      503,
      'temporarily_unavailable',
      'A refresh of this grant is in progress; retry shortly.',
      { 'retry-after': '1' },
    );
  }
  if (presented.status === 'rotated') {
    ctx.grants.revokeGrant(grant.id);
    throw invalidGrant('Refresh token already used; the whole grant is revoked.');
  }
  if (presented.status === 'revoked' || grant.revoked) throw invalidGrant('Grant revoked.');
  if (presented.expiresAt <= Date.now()) throw invalidGrant('Refresh token expired.');
  const scopes =
    fields.scope === undefined ? grant.scopes : fields.scope.split(' ').filter(Boolean);
  if (scopes.length === 0 || scopes.some((scope) => !grant.scopes.includes(scope))) {
    throw oauthError(400, 'invalid_scope', 'The scope exceeds what was granted.');
  }

  grant.refreshing = true;
  try {
    await sleep(ctx.options.refreshProcessingMs);
    if (presented.status !== 'active' || grant.revoked) throw invalidGrant('Grant revoked.');
    presented.status = 'rotated';
    return ctx.grants.issueTokens(grant, scopes);
  } finally {
    grant.refreshing = false;
  }
}
