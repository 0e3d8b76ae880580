/**
 * The admin routes drive the gateway and read every recorded request, so a web page open in the
 * same browser must not reach them: not with a form, not with fetch, not through DNS rebinding.
 */
import { describe, expect, it } from 'vitest';
import { rawRequest, startTestGateway } from './helpers';

/** Raw HTTP, so that any Host can be sent; the length is given, as Node sends none on DELETE. */
function adminRequest(url: string, method: string, headers: Record<string, string>, body?: string) {
  return rawRequest(url, {
    method,
    headers:
      body === undefined
        ? headers
        : { ...headers, 'content-length': String(Buffer.byteLength(body)) },
    body,
  });
}

/** Every admin route, with a body it would accept. */
const ADMIN_ROUTES: [method: string, path: string, body?: unknown][] = [
  ['GET', '/__admin/usage'],
  ['GET', '/__admin/requests'],
  ['DELETE', '/__admin/requests', {}],
  ['POST', '/__admin/budget', { maxBudget: 0 }],
  ['POST', '/__admin/pace', { ms: 1 }],
  ['POST', '/__admin/access-token-ttl', { seconds: 1 }],
  ['POST', '/__admin/models-shape', { shape: 'openai' }],
  ['POST', '/__admin/reply', { text: 'owned' }],
  ['POST', '/__admin/faults', { kind: 'status', status: 500 }],
  ['POST', '/__admin/expire-access-tokens', {}],
  ['POST', '/__admin/revoke-all-grants', {}],
  ['POST', '/__admin/revoke-grant', { token: 'x' }],
  ['POST', '/__admin/release-held', {}],
  ['POST', '/__admin/reset', {}],
];

describe('admin routes', () => {
  // A form can only GET (a navigation whose answer the page cannot read) or POST.
  const postRoutes = ADMIN_ROUTES.filter(([method]) => method === 'POST');
  it.each(postRoutes)('refuse a cross-site form post to %s %s', async (method, path) => {
    const gateway = await startTestGateway();
    gateway.control.setBudget({ maxBudget: 7 });
    const response = await adminRequest(
      `${gateway.url}${path}`,
      method,
      { origin: 'https://attacker.example', 'content-type': 'application/x-www-form-urlencoded' },
      'maxBudget=0&ms=1&text=owned',
    );
    expect(response.status).toBe(403);
    expect(gateway.control.getUsage().maxBudget).toBe(7);
  });

  it.each(ADMIN_ROUTES)('refuse a foreign Host header on %s %s', async (method, path, body) => {
    const gateway = await startTestGateway();
    gateway.control.setBudget({ maxBudget: 7 });
    const port = new URL(gateway.url).port;
    // What a page on a name rebound to 127.0.0.1 sends: its own name as Host, and no Origin on
    // a same-origin GET.
    const response = await adminRequest(
      `${gateway.url}${path}`,
      method,
      {
        host: `rebound.attacker.example:${port}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body === undefined ? undefined : JSON.stringify(body),
    );
    expect(response.status).toBe(403);
    expect(Buffer.concat(response.chunks).toString()).not.toContain('"path"');
    expect(gateway.control.getUsage().maxBudget).toBe(7);
  });

  it.each(ADMIN_ROUTES)('refuse a fetch from a web page to %s %s', async (method, path, body) => {
    const gateway = await startTestGateway();
    const response = await adminRequest(
      `${gateway.url}${path}`,
      method,
      {
        origin: 'http://attacker.example',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body === undefined ? undefined : JSON.stringify(body),
    );
    expect(response.status).toBe(403);
  });

  it('refuse a write that is not JSON', async () => {
    const gateway = await startTestGateway();
    const response = await adminRequest(
      `${gateway.url}/__admin/reset`,
      'POST',
      { 'content-type': 'text/plain' },
      '{}',
    );
    expect(response.status).toBe(415);
  });

  it('answer a test on this machine, by name or address, with or without a loopback Origin', async () => {
    const gateway = await startTestGateway();
    const port = new URL(gateway.url).port;
    const callers: Record<string, string>[] = [
      { host: `localhost:${port}` },
      { host: `127.0.0.1:${port}`, origin: `http://127.0.0.1:${port}` },
      { host: `[::1]:${port}`, origin: `http://localhost:${port}` },
    ];
    for (const headers of callers) {
      const response = await adminRequest(
        `${gateway.url}/__admin/budget`,
        'POST',
        { ...headers, 'content-type': 'application/json' },
        JSON.stringify({ maxBudget: 3 }),
      );
      expect(response.status).toBe(200);
    }
    expect(gateway.control.getUsage().maxBudget).toBe(3);
  });
});
