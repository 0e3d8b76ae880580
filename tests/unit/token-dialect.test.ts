import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { readTokenRequest } from '../../dev/gateway/oauth/token-request';
import { encodeTokenRequestBody } from '../../lib/auth/token-dialect';
import {
  isTokenDialect,
  TOKEN_DIALECT_NAMES,
  TOKEN_DIALECTS,
  type TokenDialect,
} from '../../lib/config/token-dialects';

/** What the extension sends in `dialect`, as the gateway's body parsers hand it over. */
function sent(form: URLSearchParams, dialect: TokenDialect): FastifyRequest {
  const body =
    dialect === 'form'
      ? Object.fromEntries(form)
      : JSON.parse(encodeTokenRequestBody(form, dialect));
  return {
    headers: { 'content-type': TOKEN_DIALECTS[dialect].contentType },
    body,
  } as unknown as FastifyRequest;
}

const codeGrant = new URLSearchParams({
  grant_type: 'authorization_code',
  code: 'c',
  code_verifier: 'v',
  client_id: 'id',
  redirect_uri: 'https://x.chromiumapp.org/aipass',
});

describe('token request dialects', () => {
  it('speaks AI Pass: JSON with camelCase fields', () => {
    expect(JSON.parse(encodeTokenRequestBody(codeGrant, 'json-camel'))).toEqual({
      grantType: 'authorization_code',
      code: 'c',
      codeVerifier: 'v',
      clientId: 'id',
      redirectUri: 'https://x.chromiumapp.org/aipass',
    });
    const refresh = new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: 'r',
      client_id: 'id',
    });
    expect(JSON.parse(encodeTokenRequestBody(refresh, 'json-camel'))).toEqual({
      grantType: 'refresh_token',
      refreshToken: 'r',
      clientId: 'id',
    });
  });

  it('speaks Agnic: JSON with the standard snake_case fields', () => {
    expect(JSON.parse(encodeTokenRequestBody(codeGrant, 'json-snake'))).toEqual(
      Object.fromEntries(codeGrant),
    );
  });

  it.each(TOKEN_DIALECT_NAMES)(
    '%s: what the extension encodes, the local gateway reads',
    (dialect) => {
      const refresh = new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: 'r',
        client_id: 'id',
        scope: 'api:access',
      });
      expect(readTokenRequest(sent(codeGrant, dialect), [dialect]).fields).toEqual({
        grantType: 'authorization_code',
        code: 'c',
        codeVerifier: 'v',
        clientId: 'id',
        redirectUri: 'https://x.chromiumapp.org/aipass',
      });
      expect(readTokenRequest(sent(refresh, dialect), [dialect]).fields).toEqual({
        grantType: 'refresh_token',
        refreshToken: 'r',
        clientId: 'id',
        scope: 'api:access',
      });
      // Error messages name a field as this dialect spells it.
      const names = readTokenRequest(sent(refresh, dialect), [dialect]).names;
      expect(names.refreshToken).toBe(TOKEN_DIALECTS[dialect].fieldNames.refresh_token);
    },
  );

  it('refuses a dialect the gateway was not set to accept', () => {
    const refusal = (request: FastifyRequest, accepted: TokenDialect[]) => {
      try {
        readTokenRequest(request, accepted);
      } catch (error) {
        return (error as { body: { error_description: string } }).body.error_description;
      }
      return 'accepted';
    };
    expect(refusal(sent(codeGrant, 'json-snake'), ['json-camel'])).toMatch(/grantType is required/);
    expect(refusal(sent(codeGrant, 'form'), ['json-snake'])).toBe(
      'Send the token request as JSON (json-snake).',
    );
  });

  it('knows its own names only', () => {
    expect(TOKEN_DIALECT_NAMES).toEqual(['form', 'json-snake', 'json-camel']);
    expect(isTokenDialect('json-camel')).toBe(true);
    expect(isTokenDialect('camel-json')).toBe(false);
    expect(isTokenDialect('toString')).toBe(false);
  });
});
