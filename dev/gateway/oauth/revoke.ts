/**
 * `POST /oauth2/revoke` (RFC 7009): form-encoded `token` (or `?token=`), optional `client_id`.
 * Unknown tokens succeed, so a client cannot probe which tokens exist.
 */
import type { FastifyInstance } from 'fastify';
import type { GatewayContext } from '../context';
import { isRecord } from '../http';
import { oauthError } from './errors';

export function registerRevokeRoute(app: FastifyInstance, ctx: GatewayContext): void {
  app.post('/oauth2/revoke', async (request, reply) => {
    const contentType = request.headers['content-type'] ?? '';
    if (
      request.body !== undefined &&
      !contentType.startsWith('application/x-www-form-urlencoded')
    ) {
      throw oauthError(400, 'invalid_request', 'Send application/x-www-form-urlencoded.');
    }
    const token = singleValue('token', request.body, request.query);
    const clientId = singleValue('client_id', request.body, request.query);
    if (!token) throw oauthError(400, 'invalid_request', 'token is required.');
    if (clientId !== undefined && !ctx.clients.has(clientId)) {
      throw oauthError(401, 'invalid_client', 'Unknown client.');
    }
    const grantId = ctx.grants.grantIdOf(token);
    const grant = grantId ? ctx.state.grants.get(grantId) : undefined;
    // A token of another client is treated like an unknown one: nothing revoked, nothing said.
    if (grant && (clientId === undefined || grant.clientId === clientId)) {
      const accessToken = ctx.state.accessTokens.get(token);
      if (accessToken) accessToken.revoked = true;
      else ctx.grants.revokeGrant(grant.id);
    }
    return reply.code(200).header('cache-control', 'no-store').send();
  });
}

/** The parameter from the form body, else from the query; repeats are refused. */
function singleValue(name: string, body: unknown, query: unknown): string | undefined {
  for (const source of [body, query]) {
    if (!isRecord(source) || source[name] === undefined) continue;
    const value = source[name];
    if (typeof value !== 'string') throw oauthError(400, 'invalid_request', `${name} is repeated.`);
    return value;
  }
  return undefined;
}
