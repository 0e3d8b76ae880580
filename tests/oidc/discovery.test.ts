/**
 * What a client learns before signing in: the discovery document and the signing keys.
 */
import { describe, expect, it } from 'vitest';
import { OIDC_CLIENT_ID, OIDC_SCOPES } from '../../dev/oidc/provider';
import { discover, useProvider } from './helpers';

const provider = useProvider();

describe('OpenID provider discovery', () => {
  it('publishes its issuer and endpoints on loopback HTTP', async () => {
    const metadata = await discover(provider());
    const { issuer } = provider();
    expect(issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(metadata.issuer).toBe(issuer);
    for (const endpoint of [
      metadata.authorization_endpoint,
      metadata.token_endpoint,
      metadata.userinfo_endpoint,
      metadata.revocation_endpoint,
      metadata.introspection_endpoint,
      metadata.jwks_uri,
    ]) {
      expect(endpoint.startsWith(`${issuer}/`)).toBe(true);
    }
    expect(metadata.introspection_endpoint).toBe(provider().resourceServer.introspectionEndpoint);
    expect(provider().clientId).toBe(OIDC_CLIENT_ID);
  });

  it('announces OAuth 2.1 as AI Stats has it: code flow, PKCE S256, iss in responses', async () => {
    const metadata = await discover(provider());
    expect(metadata.response_types_supported).toEqual(['code']);
    expect(metadata.code_challenge_methods_supported).toEqual(['S256']);
    expect(metadata.grant_types_supported).toEqual(['authorization_code', 'refresh_token']);
    expect(metadata.authorization_response_iss_parameter_supported).toBe(true);
    expect(metadata.scopes_supported).toEqual(OIDC_SCOPES);
    expect(metadata.token_endpoint_auth_methods_supported).toContain('none');
  });

  it('serves an RS256 public signing key and no private part', async () => {
    const { jwks_uri } = await discover(provider());
    const { keys } = (await (await fetch(jwks_uri)).json()) as {
      keys: Record<string, unknown>[];
    };
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(keys[0]).not.toHaveProperty('d');
  });

  it("lets the extension's origin read the discovery document", async () => {
    const origin = 'chrome-extension://kgoaohoiadceonlmhmfdajehanodhoem';
    const response = await fetch(provider().discoveryUrl, { headers: { origin } });
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
  });
});
