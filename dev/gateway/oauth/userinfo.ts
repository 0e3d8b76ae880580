/**
 * `GET /oauth2/userinfo`: the signed-in user's profile, with scope `profile:read`.
 */
import type { FastifyInstance } from 'fastify';
import type { GatewayContext } from '../context';
import { bearerToken } from '../http';
import { bearerChallenge } from './bearer';
import { oauthError } from './errors';

export function registerUserinfoRoute(app: FastifyInstance, ctx: GatewayContext): void {
  app.get('/oauth2/userinfo', async (request, reply) => {
    const token = bearerToken(request);
    const access = token ? ctx.grants.authenticate(token) : undefined;
    if (!access) {
      throw oauthError(
        401,
        'invalid_token',
        token ? 'The access token is invalid, expired or revoked.' : 'A Bearer token is required.',
        { 'www-authenticate': bearerChallenge(token ? 'invalid_token' : undefined) },
      );
    }
    if (!access.token.scopes.includes('profile:read')) {
      throw oauthError(403, 'insufficient_scope', 'The token lacks scope profile:read.', {
        'www-authenticate': bearerChallenge('insufficient_scope', 'profile:read'),
      });
    }
    const { user } = access;
    reply.header('cache-control', 'no-store');
    return {
      sub: user.id,
      name: user.name,
      email: user.email,
      email_verified: true,
      preferred_username: user.email.split('@')[0],
      updated_at: Math.floor(user.updatedAt / 1000),
      scopes: access.token.scopes,
    };
  });
}
