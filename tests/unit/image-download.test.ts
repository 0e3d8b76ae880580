import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchDirectly } from '../../lib/media/image-source';

let server: Server;
let base = '';
let bodyBytesSent = 0;

beforeAll(async () => {
  server = createServer((request, response) => {
    const png = { 'content-type': 'image/png' };
    if (request.url === '/endless.png') {
      response.writeHead(200, png);
      response.write(Buffer.alloc(100)); // and never ends
    } else if (request.url === '/declared-huge.png') {
      response.writeHead(200, { ...png, 'content-length': String(50 * 1024 * 1024) });
      response.write(Buffer.alloc(10));
    } else if (request.url === '/undeclared-huge.png') {
      response.writeHead(200, png);
      const chunk = Buffer.alloc(64 * 1024);
      const pump = () => {
        while (!response.destroyed && response.write(chunk)) bodyBytesSent += chunk.length;
        if (!response.destroyed) response.once('drain', pump);
      };
      pump();
    } else if (request.url === '/small.png') {
      response.writeHead(200, png).end(Buffer.alloc(300, 1));
    } else if (request.url === '/page.html') {
      response.writeHead(200, { 'content-type': 'text/html' }).end('<p>no image</p>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('downloading a right-clicked image', () => {
  it('gives up on a body that never ends, with a reason', async () => {
    await expect(fetchDirectly(`${base}/endless.png`, { timeoutMs: 300 })).rejects.toThrow(
      'took longer than',
    );
  });

  it('refuses a declared Content-Length over the cap before reading the body', async () => {
    await expect(fetchDirectly(`${base}/declared-huge.png`, { maxBytes: 1024 })).rejects.toThrow(
      'larger than 40 MB',
    );
  });

  it('stops reading a body without a length as soon as it passes the cap', async () => {
    await expect(
      fetchDirectly(`${base}/undeclared-huge.png`, { maxBytes: 1024 * 1024 }),
    ).rejects.toThrow('larger than 40 MB');
    // Far less than the 40 MB an unbounded read would have taken in.
    expect(bodyBytesSent).toBeLessThan(8 * 1024 * 1024);
  });

  it('reads a small image whole, and leaves what is not an image to the next way', async () => {
    const blob = await fetchDirectly(`${base}/small.png`);
    expect(blob?.size).toBe(300);
    expect(blob?.type).toBe('image/png');
    expect(await fetchDirectly(`${base}/page.html`)).toBeNull();
  });
});
