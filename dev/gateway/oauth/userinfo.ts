/**
 * `GET /oauth2/userinfo`: the signed-in user's profile, with scope `profile:read`.
 */
import type { FastifyInstance } from 'fastify';
import type { GatewayContext } from '../context';
import { checkBearer } from './bearer';
import { oauthError } from './errors';

export function registerUserinfoRoute(app: FastifyInstance, ctx: GatewayContext): void {
  app.get('/oauth2/userinfo', async (request, reply) => {
    const check = checkBearer(ctx, request, 'profile:read');
    if (!check.ok) throw oauthError(check.status, check.error, check.description, check.headers);
    const { user, token } = check.access;
    reply.header('cache-control', 'no-store');
    return {
      sub: user.id,
      name: user.name,
      email: user.email,
      email_verified: true,
      preferred_username: user.email.split('@')[0],
      updated_at: Math.floor(user.updatedAt / 1000),
      scopes: token.scopes,
    };
  });
}
