/**
 * `externalTokens`: the model proxy and the account API accept another server's access tokens
 * when its RFC 7662 introspection endpoint vouches for them. The server here is a scripted fake,
 * so every answer (and every request the gateway makes) can be chosen and seen.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { type ExternalTokenOptions, type Gateway, startGateway } from '../../dev/gateway';
import { bearer, callApi, signInForTokens, startTestGateway } from './helpers';

interface IntrospectionRequest {
  authorization: string | undefined;
  form: URLSearchParams;
}

interface FakeIntrospection {
  endpoint: string;
  requests: IntrospectionRequest[];
  /** The answer for a token; unknown tokens are inactive. */
  answers: Map<string, Record<string, unknown>>;
  /** When set, every request gets this status and no answer. */
  failWith: number | undefined;
}

const CLIENT = { clientId: 'gateway-rs', clientSecret: 's3cret/with:specials' };

async function startFakeIntrospection(): Promise<FakeIntrospection> {
  const fake: FakeIntrospection = {
    endpoint: '',
    requests: [],
    answers: new Map(),
    failWith: undefined,
  };
  const server = createServer(async (request, response) => {
    const form = new URLSearchParams(await bodyOf(request));
    fake.requests.push({ authorization: request.headers.authorization, form });
    if (fake.failWith !== undefined) {
      response.writeHead(fake.failWith).end();
      return;
    }
    const answer = fake.answers.get(form.get('token') ?? '') ?? { active: false };
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  fake.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/introspect`;
  return fake;
}

async function bodyOf(request: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of request) body += chunk;
  return body;
}

/** An active access token answer as oidc-provider gives it. */
function activeAnswer(sub: string, scope = 'openid gateway:access'): Record<string, unknown> {
  return {
    active: true,
    sub,
    scope,
    token_type: 'Bearer',
    client_id: 'passlight-dev',
    exp: Math.floor(Date.now() / 1000) + 3600,
  };
}

async function gatewayFor(
  fake: FakeIntrospection,
  options: Partial<ExternalTokenOptions> = {},
  startingBudget?: number,
): Promise<Gateway> {
  return startTestGateway({
    startingBudget,
    externalTokens: { introspectionEndpoint: fake.endpoint, ...CLIENT, ...options },
  });
}

const question = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] };

function usage(gateway: Gateway, token: string): Promise<Response> {
  return fetch(`${gateway.url}/api/v1/usage/me/summary`, { headers: bearer(token) });
}

describe('external access tokens (RFC 7662 introspection)', () => {
  it('serves a vouched-for token and makes its subject a user with the starting budget', async () => {
    const fake = await startFakeIntrospection();
    fake.answers.set('ext-token', activeAnswer('user-42'));
    const gateway = await gatewayFor(fake, {}, 3);

    expect((await callApi(gateway, 'ext-token', '/chat/completions', question)).status).toBe(200);
    const summary = await usage(gateway, 'ext-token');
    expect(summary.status).toBe(200);
    const { data } = (await summary.json()) as { data: { maxBudget: number; totalCost: number } };
    expect(data.maxBudget).toBe(3);
    expect(data.totalCost).toBeGreaterThan(0);
    expect(gateway.control.getUsage('user-42@external.invalid').totalCost).toBe(data.totalCost);
  });

  it('asks with HTTP Basic credentials and an access token hint', async () => {
    const fake = await startFakeIntrospection();
    fake.answers.set('ext-token', activeAnswer('user-42'));
    const gateway = await gatewayFor(fake);
    await fetch(`${gateway.url}/oauth2/v1/models`, { headers: bearer('ext-token') });

    const [request] = fake.requests;
    const encoded = `${encodeURIComponent(CLIENT.clientId)}:${encodeURIComponent(CLIENT.clientSecret)}`;
    expect(request?.authorization).toBe(`Basic ${Buffer.from(encoded).toString('base64')}`);
    expect(request?.form.get('token')).toBe('ext-token');
    expect(request?.form.get('token_type_hint')).toBe('access_token');
  });

  it('asks once for a burst of calls, and every time with cacheSeconds 0', async () => {
    const fake = await startFakeIntrospection();
    fake.answers.set('ext-token', activeAnswer('user-42'));
    const burst = async (gateway: Gateway) => {
      await fetch(`${gateway.url}/oauth2/v1/models`, { headers: bearer('ext-token') });
      const streamed = await callApi(gateway, 'ext-token', '/chat/completions', {
        ...question,
        stream: true,
      });
      await streamed.text();
      await usage(gateway, 'ext-token');
    };

    await burst(await gatewayFor(fake));
    expect(fake.requests).toHaveLength(1);
    await burst(await gatewayFor(fake, { cacheSeconds: 0 }));
    expect(fake.requests).toHaveLength(4);
  });

  it('keys users by subject: two tokens of one subject share one balance', async () => {
    const fake = await startFakeIntrospection();
    fake.answers.set('first', activeAnswer('same-person'));
    fake.answers.set('second', activeAnswer('same-person'));
    const gateway = await gatewayFor(fake);
    await callApi(gateway, 'first', '/chat/completions', question);
    const { data } = (await (await usage(gateway, 'second')).json()) as {
      data: { totalCost: number };
    };
    expect(data.totalCost).toBeGreaterThan(0);
  });

  it('refuses inactive, expired, subjectless and non-access tokens with 401 invalid_token', async () => {
    const fake = await startFakeIntrospection();
    const { exp: _exp, ...withoutExpiry } = activeAnswer('user-42');
    fake.answers.set('expired', { ...withoutExpiry, exp: Math.floor(Date.now() / 1000) - 1 });
    fake.answers.set('refresh', { ...activeAnswer('user-42'), token_type: undefined });
    fake.answers.set('client-credentials', { ...activeAnswer('user-42'), sub: undefined });
    const gateway = await gatewayFor(fake);
    for (const token of ['unknown', 'expired', 'refresh', 'client-credentials']) {
      const response = await callApi(gateway, token, '/chat/completions', question);
      expect(response.status, token).toBe(401);
      expect(response.headers.get('www-authenticate')).toContain('error="invalid_token"');
    }
  });

  it('refuses a token without the required scope with 403, naming the scope', async () => {
    const fake = await startFakeIntrospection();
    fake.answers.set('narrow', activeAnswer('user-42', 'openid profile'));
    fake.answers.set('custom', activeAnswer('user-42', 'openid models:use'));
    const gateway = await gatewayFor(fake);
    const response = await callApi(gateway, 'narrow', '/chat/completions', question);
    expect(response.status).toBe(403);
    expect(response.headers.get('www-authenticate')).toContain('scope="gateway:access"');
    expect(((await response.json()) as { error: { type: string } }).error.type).toBe(
      'insufficient_scope',
    );

    const custom = await gatewayFor(fake, { requiredScope: 'models:use' });
    expect((await callApi(custom, 'custom', '/chat/completions', question)).status).toBe(200);
  });

  it('answers 503 with Retry-After while the introspection endpoint fails', async () => {
    const fake = await startFakeIntrospection();
    fake.failWith = 500;
    const gateway = await gatewayFor(fake);
    const api = await callApi(gateway, 'ext-token', '/chat/completions', question);
    expect(api.status).toBe(503);
    expect(api.headers.get('retry-after')).toBe('1');
    const account = await usage(gateway, 'ext-token');
    expect(account.status).toBe(503);
    expect(await account.json()).toMatchObject({ success: false });
  });

  it("never shows the gateway's own tokens to the other server", async () => {
    const fake = await startFakeIntrospection();
    const gateway = await gatewayFor(fake);
    const { access_token } = await signInForTokens(gateway);
    expect((await callApi(gateway, access_token, '/chat/completions', question)).status).toBe(200);
    gateway.control.revokeAllGrants();
    expect((await callApi(gateway, access_token, '/chat/completions', question)).status).toBe(401);
    expect(fake.requests).toHaveLength(0);
  });

  it('refuses to start with an introspection endpoint that is not a URL', async () => {
    await expect(
      startGateway({ externalTokens: { introspectionEndpoint: 'nowhere', ...CLIENT } }),
    ).rejects.toThrow(/not a URL/);
  });
});
