import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEMO_CLIENT } from '../../dev/gateway';
import {
  exchangeCode,
  pkcePair,
  REDIRECT_URI,
  refreshTokens,
  signIn,
  startTestGateway,
  type TokenSet,
  tokenRequest,
  userinfo,
} from './helpers';

async function freshCode(gateway: Awaited<ReturnType<typeof startTestGateway>>) {
  const { params, verifier } = await signIn(gateway);
  const code = params.get('code');
  if (!code) throw new Error('no code');
  return { code, verifier };
}

async function expectOAuthError(response: Response, status: number, error: string) {
  expect(response.status).toBe(status);
  const body = (await response.json()) as { error: string; error_description: string };
  expect(body.error).toBe(error);
  expect(typeof body.error_description).toBe('string');
  expect(response.headers.get('cache-control')).toBe('no-store');
}

afterEach(() => {
  vi.useRealTimers();
});

describe('token endpoint: authorization code', () => {
  it('exchanges a code sent as AI Pass camelCase JSON', async () => {
    const gateway = await startTestGateway({ accessTokenTtlSeconds: 1234 });
    const { code, verifier } = await freshCode(gateway);
    const response = await exchangeCode(gateway, code, verifier);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const tokens = (await response.json()) as TokenSet;
    expect(tokens).toEqual({
      access_token: expect.any(String),
      refresh_token: expect.any(String),
      expires_in: 1234,
      token_type: 'Bearer',
      scope: 'api:access profile:read',
    });
    expect(tokens.access_token).not.toBe(tokens.refresh_token);
  });

  it('exchanges a code sent form-encoded', async () => {
    const gateway = await startTestGateway();
    const { code, verifier } = await freshCode(gateway);
    const response = await tokenRequest(
      gateway,
      {
        grant_type: 'authorization_code',
        code,
        code_verifier: verifier,
        client_id: DEMO_CLIENT.clientId,
        redirect_uri: REDIRECT_URI,
      },
      'form',
    );
    expect(response.status).toBe(200);
  });

  it('refuses snake_case JSON unless that dialect is switched on', async () => {
    const snakeCase = (code: string, verifier: string) => ({
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
      client_id: DEMO_CLIENT.clientId,
      redirect_uri: REDIRECT_URI,
    });
    const strict = await startTestGateway();
    const first = await freshCode(strict);
    await expectOAuthError(
      await tokenRequest(strict, snakeCase(first.code, first.verifier)),
      400,
      'invalid_request',
    );
    const lenient = await startTestGateway({ tokenDialects: ['json-camel', 'json-snake', 'form'] });
    const second = await freshCode(lenient);
    expect((await tokenRequest(lenient, snakeCase(second.code, second.verifier))).status).toBe(200);
  });

  it('refuses a wrong code verifier', async () => {
    const gateway = await startTestGateway();
    const { code } = await freshCode(gateway);
    await expectOAuthError(
      await exchangeCode(gateway, code, pkcePair().verifier),
      400,
      'invalid_grant',
    );
  });

  it('refuses a redirect URI different from the authorize request', async () => {
    const gateway = await startTestGateway();
    const { code, verifier } = await freshCode(gateway);
    await expectOAuthError(
      await exchangeCode(gateway, code, verifier, { redirectUri: `${REDIRECT_URI}/` }),
      400,
      'invalid_grant',
    );
  });

  it('refuses a reused code and revokes the grant it issued', async () => {
    const gateway = await startTestGateway();
    const { code, verifier } = await freshCode(gateway);
    const first = await exchangeCode(gateway, code, verifier);
    expect(first.status).toBe(200);
    const tokens = (await first.json()) as TokenSet;
    expect((await userinfo(gateway, tokens.access_token)).status).toBe(200);

    await expectOAuthError(await exchangeCode(gateway, code, verifier), 400, 'invalid_grant');
    expect((await userinfo(gateway, tokens.access_token)).status).toBe(401);
    await expectOAuthError(
      await refreshTokens(gateway, tokens.refresh_token),
      400,
      'invalid_grant',
    );
  });

  it('refuses an expired code', async () => {
    const gateway = await startTestGateway();
    const { code, verifier } = await freshCode(gateway);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 61_000);
    await expectOAuthError(await exchangeCode(gateway, code, verifier), 400, 'invalid_grant');
  });

  it('refuses an unknown client with 401 invalid_client', async () => {
    const gateway = await startTestGateway();
    const { code, verifier } = await freshCode(gateway);
    await expectOAuthError(
      await exchangeCode(gateway, code, verifier, { clientId: 'not-registered' }),
      401,
      'invalid_client',
    );
  });

  it("refuses another client's code", async () => {
    const other = { clientId: 'other-app', redirectUris: [REDIRECT_URI], scopes: ['api:access'] };
    const gateway = await startTestGateway({ clients: [DEMO_CLIENT, other] });
    const { code, verifier } = await freshCode(gateway);
    await expectOAuthError(
      await exchangeCode(gateway, code, verifier, { clientId: 'other-app' }),
      400,
      'invalid_grant',
    );
  });

  it('answers missing fields with invalid_request and unknown grant types with unsupported_grant_type', async () => {
    const gateway = await startTestGateway();
    const { code } = await freshCode(gateway);
    await expectOAuthError(
      await tokenRequest(gateway, {
        grantType: 'authorization_code',
        code,
        clientId: DEMO_CLIENT.clientId,
        redirectUri: REDIRECT_URI,
      }),
      400,
      'invalid_request',
    );
    await expectOAuthError(
      await tokenRequest(gateway, { grantType: 'password', clientId: DEMO_CLIENT.clientId }),
      400,
      'unsupported_grant_type',
    );
  });
});
