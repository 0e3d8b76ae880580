/**
 * JSON answers bounded in time as well as size, against a real HTTP server that answers late,
 * never, or never finishes.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { authorizedJson, takeGrantsFrom } from '../../lib/api/authorized-fetch';
import { ApiError } from '../../lib/api/errors';

let server: Server | undefined;
const open: ServerResponse[] = [];

afterEach(async () => {
  for (const response of open.splice(0)) response.destroy();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

/** A server doing `answer` with every request; the grant points the calls at it. */
async function serve(answer: (response: ServerResponse) => void): Promise<void> {
  server = createServer((_request, response) => {
    open.push(response);
    answer(response);
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  takeGrantsFrom(async () => ({
    ok: true,
    value: {
      accessToken: 'test-token',
      apiBase: base,
      serverUrl: base,
      service: { name: 'Test Gateway', hasBalance: false },
    },
  }));
}

const tooSlow = {
  code: 'network',
  message: 'The server did not answer in time. Try again in a moment.',
};

describe('authorizedJson', () => {
  it('reads an answer that comes in time', async () => {
    await serve((response) => {
      response.setHeader('content-type', 'application/json');
      response.end('{"data":[{"id":"gpt-4o-mini"}]}');
    });
    const { body, service } = await authorizedJson('/models', { api: true, timeoutMs: 2000 });
    expect(body).toEqual({ data: [{ id: 'gpt-4o-mini' }] });
    expect(service.name).toBe('Test Gateway');
  });

  it('gives up on a server that never answers, in words', async () => {
    await serve(() => undefined);
    const call = authorizedJson('/models', { api: true, timeoutMs: 200 });
    await expect(call).rejects.toBeInstanceOf(ApiError);
    await expect(call).rejects.toMatchObject(tooSlow);
  });

  it('gives up on a body that never ends, though its headers came at once', async () => {
    await serve((response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"data":[');
    });
    await expect(
      authorizedJson('/api/v1/usage/me/summary', { timeoutMs: 200 }),
    ).rejects.toMatchObject(tooSlow);
  });

  it('leaves the caller’s own stop a stop, not a slow server', async () => {
    await serve(() => undefined);
    const stop = new AbortController();
    const call = authorizedJson('/images/generations', {
      api: true,
      signal: stop.signal,
      timeoutMs: 5000,
    });
    stop.abort(new DOMException('Stopped.', 'AbortError'));
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
  });
});
