/**
 * The gateway switched to Agnic's dialect (`tokenDialects: ['json-snake']`): JSON token requests
 * with snake_case fields, for the code and for refresh, and `prompt=none|consent|login` on the
 * authorize endpoint, end to end.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_CLIENT } from '../../dev/gateway';
import {
  CookieJar,
  callApi,
  REDIRECT_URI,
  signIn,
  startTestGateway,
  type TokenSet,
  tokenRequest,
} from './helpers';

const AGNIC = { tokenDialects: ['json-snake' as const] };

async function exchangeSnakeCase(
  gateway: Awaited<ReturnType<typeof startTestGateway>>,
  code: string,
  verifier: string,
): Promise<Response> {
  return tokenRequest(gateway, {
    grant_type: 'authorization_code',
    code,
    code_verifier: verifier,
    client_id: DEMO_CLIENT.clientId,
    redirect_uri: REDIRECT_URI,
  });
}

describe("the gateway in Agnic's dialect", () => {
  it('signs in with prompt=consent, exchanges and refreshes in snake_case JSON', async () => {
    const gateway = await startTestGateway(AGNIC);
    const { params, verifier, page } = await signIn(gateway, {
      prompt: 'consent',
      state: 'agnic-state',
    });
    expect(page).toBeUndefined();
    expect(params.get('state')).toBe('agnic-state');
    const exchanged = await exchangeSnakeCase(gateway, params.get('code') ?? '', verifier);
    expect(exchanged.status).toBe(200);
    const tokens = (await exchanged.json()) as TokenSet;

    const refreshed = await tokenRequest(gateway, {
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
      client_id: DEMO_CLIENT.clientId,
    });
    expect(refreshed.status).toBe(200);
    const rotated = (await refreshed.json()) as TokenSet;
    expect(rotated.refresh_token).not.toBe(tokens.refresh_token);
    const question = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] };
    expect(
      (await callApi(gateway, rotated.access_token, '/chat/completions', question)).status,
    ).toBe(200);
  });

  it('refuses the other dialects, naming the one it speaks', async () => {
    const gateway = await startTestGateway(AGNIC);
    const { params, verifier } = await signIn(gateway);
    const code = params.get('code') ?? '';
    const camelCase = await tokenRequest(gateway, {
      grantType: 'authorization_code',
      code,
      codeVerifier: verifier,
      clientId: DEMO_CLIENT.clientId,
      redirectUri: REDIRECT_URI,
    });
    expect(camelCase.status).toBe(400);
    expect(await camelCase.json()).toMatchObject({
      error: 'invalid_request',
      error_description: expect.stringContaining('json-snake'),
    });
    const form = await tokenRequest(
      gateway,
      { grant_type: 'authorization_code', code, code_verifier: verifier },
      'form',
    );
    expect(form.status).toBe(400);
    // Neither refusal spent the code.
    expect((await exchangeSnakeCase(gateway, code, verifier)).status).toBe(200);
  });

  it('honours prompt=none, prompt=login and prompt=consent', async () => {
    const gateway = await startTestGateway(AGNIC);
    const jar = new CookieJar();
    const before = await signIn(gateway, { jar, prompt: 'none' });
    expect(before.params.get('error')).toBe('login_required');

    await signIn(gateway, { jar });
    const silent = await signIn(gateway, { jar, prompt: 'none' });
    expect(silent.params.get('code')).toBeTruthy();

    for (const prompt of ['login', 'consent']) {
      const shown = await signIn(gateway, { jar, prompt, decision: 'deny' });
      expect(shown.params.get('error'), prompt).toBe('access_denied');
    }
  });
});
