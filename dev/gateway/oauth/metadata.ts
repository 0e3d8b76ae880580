/**
 * RFC 8414 authorization server metadata.
 */
import type { FastifyInstance } from 'fastify';
import type { GatewayContext } from '../context';
import { SUPPORTED_SCOPES } from '../options';

export function registerMetadataRoute(app: FastifyInstance, ctx: GatewayContext): void {
  app.get('/.well-known/oauth-authorization-server', async () => {
    const issuer = ctx.origin;
    return {
      issuer,
      authorization_endpoint: `${issuer}/oauth2/authorize`,
      token_endpoint: `${issuer}/oauth2/token`,
      ...(ctx.options.announceRevocation ? { revocation_endpoint: `${issuer}/oauth2/revoke` } : {}),
      userinfo_endpoint: `${issuer}/oauth2/userinfo`,
      response_types_supported: ['code'],
      response_modes_supported: ['query'],
      grant_types_supported: ['authorization_code', 'refresh_token'],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['none'],
      ...(ctx.options.announceRevocation
        ? { revocation_endpoint_auth_methods_supported: ['none'] }
        : {}),
      scopes_supported: [...SUPPORTED_SCOPES],
      ...(ctx.options.announceIss ? { authorization_response_iss_parameter_supported: true } : {}),
    };
  });
}
