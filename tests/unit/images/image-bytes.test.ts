import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  decodeBase64Picture,
  fetchPicture,
  ImageResultProblem,
  pictureFrom,
  type ResultProblem,
} from '../../../lib/images/image-bytes';

const picture = (() => {
  const image = new PNG({ width: 20, height: 10 });
  image.data.fill(90);
  return PNG.sync.write(image);
})();
const JPEG_START = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1]);

/** Writes `total` bytes in chunks without a Content-Length, as a server streaming a body. */
function stream(reply: ServerResponse, total: number): void {
  reply.writeHead(200, { 'content-type': 'image/png' });
  const chunk = Buffer.alloc(64 * 1024, 7);
  chunk.set(picture.subarray(0, 8)); // starts like a PNG, goes on far too long
  let sent = 0;
  const more = () => {
    while (sent < total) {
      sent += chunk.length;
      if (!reply.write(chunk)) return void reply.once('drain', more);
    }
    reply.end();
  };
  more();
}

let server: Server;
let origin = '';
const neverEnding: ServerResponse[] = [];

beforeAll(async () => {
  server = createServer((request, reply) => {
    switch (request.url) {
      case '/picture.png':
        return void reply.writeHead(200, { 'content-type': 'image/png' }).end(picture);
      case '/mislabelled':
        // A PNG sent as text: the bytes decide, not the header.
        return void reply.writeHead(200, { 'content-type': 'text/plain' }).end(picture);
      case '/jpeg':
        return void reply.writeHead(200, { 'content-type': 'image/jpeg' }).end(JPEG_START);
      case '/page.png':
        return void reply
          .writeHead(200, { 'content-type': 'image/png' })
          .end('<html><script>alert(1)</script></html>');
      case '/drawing.png':
        return void reply
          .writeHead(200, { 'content-type': 'image/png' })
          .end('<svg xmlns="http://www.w3.org/2000/svg"><use href="#a"/></svg>');
      case '/declared-huge':
        return void reply
          .writeHead(200, {
            'content-type': 'image/png',
            'content-length': String(500 * 1024 * 1024),
          })
          .end(picture);
      case '/huge':
        return stream(reply, 3 * 1024 * 1024);
      case '/never-ends':
        reply.writeHead(200, { 'content-type': 'image/png' });
        reply.write(picture.subarray(0, 16));
        neverEnding.push(reply); // no more bytes, ever
        return;
      case '/gone':
        return void reply.writeHead(404).end();
      default:
        return void reply.writeHead(500).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const reply of neverEnding) reply.destroy();
  await new Promise((resolve) => server.close(resolve));
});

async function problemOf(work: Promise<unknown>): Promise<ResultProblem | 'none'> {
  try {
    await work;
    return 'none';
  } catch (error) {
    if (error instanceof ImageResultProblem) return error.code;
    throw error;
  }
}

describe('a picture answered as an address', () => {
  it('is fetched and typed by its bytes', async () => {
    const blob = await fetchPicture(`${origin}/picture.png`);
    expect(blob.type).toBe('image/png');
    expect(Buffer.from(await blob.arrayBuffer())).toEqual(picture);
    expect((await fetchPicture(`${origin}/mislabelled`)).type).toBe('image/png');
    expect((await fetchPicture(`${origin}/jpeg`)).type).toBe('image/jpeg');
  });

  it('is refused when the bytes are no picture, whatever the header says', async () => {
    expect(await problemOf(fetchPicture(`${origin}/page.png`))).toBe('not-an-image');
    expect(await problemOf(fetchPicture(`${origin}/drawing.png`))).toBe('not-an-image');
  });

  it('is refused as too large by its Content-Length, or as soon as too many bytes arrive', async () => {
    expect(await problemOf(fetchPicture(`${origin}/declared-huge`))).toBe('too-large');
    expect(await problemOf(fetchPicture(`${origin}/huge`, { maxBytes: 1024 * 1024 }))).toBe(
      'too-large',
    );
  });

  it('is given up when the body never ends', async () => {
    expect(await problemOf(fetchPicture(`${origin}/never-ends`, { timeoutMs: 300 }))).toBe(
      'too-slow',
    );
  });

  it('is unreachable when the server refuses or is not there', async () => {
    expect(await problemOf(fetchPicture(`${origin}/gone`))).toBe('unreachable');
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    expect(await problemOf(fetchPicture(`http://127.0.0.1:${port}/x.png`))).toBe('unreachable');
  });

  it('stops when the person stops, without calling it a problem of the picture', async () => {
    const controller = new AbortController();
    const fetching = fetchPicture(`${origin}/never-ends`, { signal: controller.signal });
    controller.abort();
    await expect(fetching).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('a picture answered as base64', () => {
  it('is decoded and typed by its bytes', async () => {
    const blob = decodeBase64Picture(picture.toString('base64'));
    expect(blob.type).toBe('image/png');
    expect(Buffer.from(await blob.arrayBuffer())).toEqual(picture);
  });

  it('is refused when it is no picture, is not base64, or is too large to decode', async () => {
    expect(await problemOf(Promise.resolve().then(() => decodeBase64Picture(btoa('<svg/>'))))).toBe(
      'not-an-image',
    );
    expect(
      await problemOf(Promise.resolve().then(() => decodeBase64Picture('%%%not base64'))),
    ).toBe('not-an-image');
    const large = 'A'.repeat(2 * 1024 * 1024);
    expect(
      await problemOf(Promise.resolve().then(() => decodeBase64Picture(large, 1024 * 1024))),
    ).toBe('too-large');
  });
});

describe('what a picture is, by its first bytes', () => {
  it('knows PNG, JPEG, GIF and WebP, and nothing else', () => {
    const gif = new TextEncoder().encode('GIF89a\x01\x00\x01\x00\x00\x00');
    const webp = new TextEncoder().encode('RIFF\x24\x00\x00\x00WEBPVP8 ');
    expect(pictureFrom(gif).type).toBe('image/gif');
    expect(pictureFrom(webp).type).toBe('image/webp');
    expect(pictureFrom(new Uint8Array(picture)).type).toBe('image/png');
    expect(pictureFrom(new Uint8Array(JPEG_START)).type).toBe('image/jpeg');
    for (const other of ['<?xml version="1.0"?><svg/>', 'RIFF\x24\x00\x00\x00WAVEfmt ', 'short'])
      expect(() => pictureFrom(new TextEncoder().encode(other))).toThrow(ImageResultProblem);
  });
});
