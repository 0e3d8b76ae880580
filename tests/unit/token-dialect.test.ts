import { describe, expect, it } from 'vitest';
import { encodeTokenRequestBody } from '../../lib/auth/token-dialect';

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
});
