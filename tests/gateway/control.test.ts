import { describe, expect, it } from 'vitest';
import { isLoopbackAddress } from '../../dev/gateway/admin';
import { createGatewayApp } from '../../dev/gateway/server';
import {
  bearer,
  callApi,
  rawRequest,
  refreshTokens,
  signInForTokens,
  sseData,
  startTestGateway,
} from './helpers';

const chatBody = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hello' }] };

function preflight(url: string, method = 'POST') {
  return fetch(url, {
    method: 'OPTIONS',
    headers: {
      origin: 'https://app.example',
      'access-control-request-method': method,
      'access-control-request-headers': 'authorization, content-type',
    },
  });
}

describe('CORS', () => {
  it.each([
    '/oauth2/token',
    '/oauth2/v1/chat/completions',
    '/oauth2/revoke',
    '/api/v1/usage/me/summary',
  ])('answers a preflight on %s', async (path) => {
    const gateway = await startTestGateway();
    const response = await preflight(`${gateway.url}${path}`);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const allowed = response.headers.get('access-control-allow-headers')?.toLowerCase();
    expect(allowed).toContain('authorization');
    expect(allowed).toContain('content-type');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it('stays closed on the HTML pages and the admin routes', async () => {
    const gateway = await startTestGateway();
    for (const path of ['/oauth2/authorize', '/__admin/reset', '/panel/dashboard']) {
      const response = await preflight(`${gateway.url}${path}`);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    }
  });
});

describe('faults', () => {
  it('drops a stream after N chunks', async () => {
    const gateway = await startTestGateway();
    const { access_token } = await signInForTokens(gateway);
    gateway.control.injectFault({ kind: 'drop-after-chunks', chunks: 3 });
    const raw = await rawRequest(`${gateway.url}/oauth2/v1/chat/completions`, {
      method: 'POST',
      headers: { ...bearer(access_token), 'content-type': 'application/json' },
      body: JSON.stringify({ ...chatBody, stream: true }),
    });
    expect(raw.cut).toBe(true);
    const events = sseData(Buffer.concat(raw.chunks).toString('utf8'));
    expect(events).toHaveLength(3);
    expect(events).not.toContain('[DONE]');
    const record = gateway.control
      .requests()
      .find((request) => request.path.endsWith('/chat/completions'));
    expect(record?.fault).toContain('drop');
    // The fault was used up: the next stream is whole.
    const whole = await rawRequest(`${gateway.url}/oauth2/v1/chat/completions`, {
      method: 'POST',
      headers: { ...bearer(access_token), 'content-type': 'application/json' },
      body: JSON.stringify({ ...chatBody, stream: true }),
    });
    expect(sseData(Buffer.concat(whole.chunks).toString('utf8')).at(-1)).toBe('[DONE]');
  });

  it('answers status faults in order, with Retry-After, the given number of times', async () => {
    const gateway = await startTestGateway();
    const { access_token } = await signInForTokens(gateway);
    gateway.control.injectFault({ kind: 'status', status: 429, retryAfter: 7, times: 2 });
    gateway.control.injectFault({
      kind: 'status',
      status: 503,
      body: { error: { message: 'down' } },
    });
    const statuses: number[] = [];
    for (let call = 0; call < 4; call += 1) {
      const response = await callApi(gateway, access_token, '/chat/completions', chatBody);
      statuses.push(response.status);
      if (response.status === 429) {
        expect(response.headers.get('retry-after')).toBe('7');
        expect(response.headers.get('access-control-allow-origin')).toBe('*');
        expect(await response.json()).toMatchObject({ error: { type: 'rate_limit_error' } });
      }
      if (response.status === 503)
        expect(await response.json()).toEqual({ error: { message: 'down' } });
    }
    expect(statuses).toEqual([429, 429, 503, 200]);
  });

  it('holds a token response, already processed, until the test releases it', async () => {
    const gateway = await startTestGateway({ refreshProcessingMs: 5 });
    const { refresh_token } = await signInForTokens(gateway);
    gateway.control.injectFault({ kind: 'hold', path: '/oauth2/token' });
    let answered = false;
    const refreshed = refreshTokens(gateway, refresh_token).then((response) => {
      answered = true;
      return response;
    });
    const held = await gateway.control.nextHeldResponse();
    // The refresh happened: the old token is spent and the renewed pair exists, unsent.
    const renewed = JSON.parse(held.body) as { access_token: string; refresh_token: string };
    expect(held.path).toBe('/oauth2/token');
    expect(gateway.control.tokenStatus(refresh_token)).toBe('rotated');
    expect(gateway.control.tokenStatus(renewed.refresh_token)).toBe('active');
    expect(answered).toBe(false);
    held.release();
    const response = await refreshed;
    expect(await response.json()).toMatchObject({ refresh_token: renewed.refresh_token });
    const record = gateway.control.requests().find((r) => r.path === '/oauth2/token' && r.fault);
    expect(record?.fault).toBe('hold');
  });

  it('lets held responses go on reset, and over HTTP', async () => {
    const gateway = await startTestGateway({ refreshProcessingMs: 5 });
    const { refresh_token } = await signInForTokens(gateway);
    gateway.control.injectFault({ kind: 'hold', path: '/oauth2/token', times: 2 });
    const first = refreshTokens(gateway, refresh_token);
    await gateway.control.nextHeldResponse();
    await fetch(`${gateway.url}/__admin/release-held`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    const renewed = (await (await first).json()) as { refresh_token: string };
    const second = refreshTokens(gateway, renewed.refresh_token);
    await gateway.control.nextHeldResponse();
    gateway.control.reset();
    expect((await second).status).toBe(200);
  });

  it('tells which tokens it still honours', async () => {
    const gateway = await startTestGateway();
    const { access_token, refresh_token } = await signInForTokens(gateway);
    expect(gateway.control.tokenStatus(access_token)).toBe('active');
    expect(gateway.control.tokenStatus('never-issued')).toBe('unknown');
    gateway.control.expireAccessTokens();
    expect(gateway.control.tokenStatus(access_token)).toBe('expired');
    gateway.control.revokeGrantOf(refresh_token);
    expect(gateway.control.tokenStatus(refresh_token)).toBe('revoked');
    expect(gateway.control.tokenStatus(access_token)).toBe('revoked');
  });

  it('limits a fault to its path prefix', async () => {
    const gateway = await startTestGateway({ refreshProcessingMs: 5 });
    const { access_token, refresh_token } = await signInForTokens(gateway);
    gateway.control.injectFault({ kind: 'status', status: 500, path: '/oauth2/token' });
    expect((await callApi(gateway, access_token, '/chat/completions', chatBody)).status).toBe(200);
    expect((await refreshTokens(gateway, refresh_token)).status).toBe(500);
    expect((await refreshTokens(gateway, refresh_token)).status).toBe(200);
  });
});

describe('admin routes and control', () => {
  it('answers loopback callers over HTTP', async () => {
    const gateway = await startTestGateway();
    const set = await fetch(`${gateway.url}/__admin/budget`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ maxBudget: 2.5 }),
    });
    expect(set.status).toBe(200);
    const usage = await (await fetch(`${gateway.url}/__admin/usage`)).json();
    expect(usage).toEqual({ totalCost: 0, maxBudget: 2.5, remainingBudget: 2.5 });
    const bad = await fetch(`${gateway.url}/__admin/pace`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ms: -1 }),
    });
    expect(bad.status).toBe(400);
  });

  it('answers anyone else with 404', async () => {
    const { app } = await createGatewayApp();
    try {
      const remote = await app.inject({
        method: 'GET',
        url: '/__admin/usage',
        remoteAddress: '203.0.113.7',
      });
      expect(remote.statusCode).toBe(404);
      const local = await app.inject({
        method: 'GET',
        url: '/__admin/usage',
        remoteAddress: '127.0.0.1',
      });
      expect(local.statusCode).toBe(200);
    } finally {
      await app.close();
    }
    expect(isLoopbackAddress('::1')).toBe(true);
    expect(isLoopbackAddress('::ffff:127.0.0.1')).toBe(true);
    expect(isLoopbackAddress('10.0.0.1')).toBe(false);
    expect(isLoopbackAddress('::ffff:192.168.1.2')).toBe(false);
    expect(isLoopbackAddress(undefined)).toBe(false);
  });

  it('records requests with the token used and the parsed body, and not its own admin calls', async () => {
    const gateway = await startTestGateway();
    const { access_token } = await signInForTokens(gateway);
    gateway.control.clearRequests();
    await callApi(gateway, access_token, '/chat/completions', chatBody);
    await fetch(`${gateway.url}/__admin/requests`);
    const [record, ...others] = gateway.control.requests();
    expect(others).toEqual([]);
    expect(record).toMatchObject({
      method: 'POST',
      path: '/oauth2/v1/chat/completions',
      status: 200,
      aborted: false,
      body: chatBody,
      headers: { authorization: `Bearer ${access_token}` },
    });
    expect(record?.startedAt).toBeLessThanOrEqual(record?.finishedAt ?? 0);
  });

  it('keeps instances apart and resets to the initial state', async () => {
    const first = await startTestGateway();
    const second = await startTestGateway();
    first.control.setBudget({ totalCost: 4 });
    expect(second.control.getUsage().totalCost).toBe(0);
    const tokens = await signInForTokens(first);
    first.control.setReply('fixed');
    first.control.reset();
    expect(first.control.getUsage()).toEqual({ totalCost: 0, maxBudget: 10, remainingBudget: 10 });
    expect(first.control.requests()).toEqual([]);
    expect(
      (await fetch(`${first.url}/oauth2/userinfo`, { headers: bearer(tokens.access_token) }))
        .status,
    ).toBe(401);
  });
});
