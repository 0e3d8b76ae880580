import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { bearer, callApi, makePng, signInForTokens, startTestGateway } from './helpers';

interface ImagesAnswer {
  created: number;
  data: { url?: string; b64_json?: string }[];
}

function postForm(url: string, token: string, form: FormData): Promise<Response> {
  return fetch(url, { method: 'POST', headers: bearer(token), body: form });
}

function pngBlob(width: number, height: number): Blob {
  return new Blob([new Uint8Array(makePng(width, height))], { type: 'image/png' });
}

describe('images', () => {
  it('generates a real PNG as b64_json', async () => {
    const gateway = await startTestGateway();
    const { access_token } = await signInForTokens(gateway);
    const response = await callApi(gateway, access_token, '/images/generations', {
      model: 'fal_ai/flux/dev',
      prompt: 'A lighthouse at dusk',
      response_format: 'b64_json',
    });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as ImagesAnswer;
    const png = PNG.sync.read(Buffer.from(answer.data[0]?.b64_json ?? '', 'base64'));
    expect([png.width, png.height]).toEqual([256, 256]);
    expect(gateway.control.getUsage().totalCost).toBeCloseTo(0.04, 6);
  });

  it('generates a PNG served at a gateway URL', async () => {
    const gateway = await startTestGateway();
    const { access_token } = await signInForTokens(gateway);
    const response = await callApi(gateway, access_token, '/images/generations', {
      model: 'dall-e-3',
      prompt: 'A lighthouse at dusk',
      n: 2,
    });
    const answer = (await response.json()) as ImagesAnswer;
    expect(answer.data).toHaveLength(2);
    const url = answer.data[0]?.url ?? '';
    expect(url.startsWith(`${gateway.url}/files/`)).toBe(true);
    const file = await fetch(url);
    expect(file.headers.get('content-type')).toBe('image/png');
    const png = PNG.sync.read(Buffer.from(await file.arrayBuffer()));
    expect(png.width).toBe(256);
  });

  it('refuses an edit model for generation and a generation model for edits', async () => {
    const gateway = await startTestGateway();
    const { access_token } = await signInForTokens(gateway);
    const generate = await callApi(gateway, access_token, '/images/generations', {
      model: 'fal_ai/flux-kontext/dev/edit',
      prompt: 'x',
    });
    expect(generate.status).toBe(400);
    const form = new FormData();
    form.append('model', 'fal_ai/flux/dev');
    form.append('prompt', 'x');
    form.append('image', pngBlob(8, 8), 'a.png');
    const edit = await postForm(`${gateway.url}/oauth2/v1/images/edits`, access_token, form);
    expect(edit.status).toBe(400);
  });

  it('answers in the form the harness sets, whatever the request asks, and hashes each upload', async () => {
    const gateway = await startTestGateway();
    const { access_token } = await signInForTokens(gateway);
    gateway.control.setImageFormat('b64_json');
    const asked = { model: 'dall-e-3', prompt: 'x', response_format: 'url' };
    const forced = (await (
      await callApi(gateway, access_token, '/images/generations', asked)
    ).json()) as ImagesAnswer;
    expect(forced.data[0]?.b64_json).toBeTruthy();
    gateway.control.setImageFormat('url');
    const linked = (await (
      await callApi(gateway, access_token, '/images/generations', {
        ...asked,
        response_format: 'b64_json',
      })
    ).json()) as ImagesAnswer;
    expect(linked.data[0]?.url).toMatch(/\/files\//);
    expect(() => gateway.control.setImageFormat('gif' as 'url')).toThrow(TypeError);

    const upload = new Uint8Array(makePng(12, 12));
    const form = new FormData();
    form.append('model', 'fal_ai/flux-kontext/dev/edit');
    form.append('prompt', 'x');
    form.append('image', new Blob([upload], { type: 'image/png' }), 'a.png');
    await postForm(`${gateway.url}/oauth2/v1/images/edits`, access_token, form);
    const { createHash } = await import('node:crypto');
    const record = gateway.control.requests().find((r) => r.path.endsWith('/images/edits'));
    expect(record?.body).toMatchObject({
      parts: expect.arrayContaining([
        expect.objectContaining({
          field: 'image',
          sha256: createHash('sha256').update(upload).digest('hex'),
        }),
      ]),
    });
  });

  it.each(['image', 'image[]'])(
    'edits with two images in repeated %s fields, and records both',
    async (field) => {
      const gateway = await startTestGateway();
      const { access_token } = await signInForTokens(gateway);
      const form = new FormData();
      form.append('model', 'fal_ai/flux-kontext/dev/edit');
      form.append('prompt', 'Put the hat from the second image on the first');
      form.append(field, pngBlob(32, 16), 'target.png');
      form.append(field, pngBlob(20, 10), 'reference.png');
      form.append('response_format', 'b64_json');
      const response = await postForm(`${gateway.url}/oauth2/v1/images/edits`, access_token, form);
      expect(response.status).toBe(200);
      const answer = (await response.json()) as ImagesAnswer;
      expect(PNG.sync.read(Buffer.from(answer.data[0]?.b64_json ?? '', 'base64')).width).toBe(256);
      const record = gateway.control
        .requests()
        .find((request) => request.path.endsWith('/images/edits'));
      expect(record?.images?.map((image) => [image.width, image.height])).toEqual([
        [32, 16],
        [20, 10],
      ]);
      expect(record?.body).toMatchObject({
        parts: expect.arrayContaining([
          expect.objectContaining({ field, filename: 'target.png', mimetype: 'image/png' }),
          expect.objectContaining({ field, filename: 'reference.png', bytes: expect.any(Number) }),
        ]),
      });
    },
  );
});

describe('speech', () => {
  it('answers a real RIFF/WAVE file whose length grows with the text', async () => {
    const gateway = await startTestGateway();
    const { access_token } = await signInForTokens(gateway);
    const speak = async (input: string) => {
      const response = await callApi(gateway, access_token, '/audio/speech', {
        model: 'tts-1',
        input,
        voice: 'nova',
        response_format: 'wav',
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('audio/wav');
      return Buffer.from(await response.arrayBuffer());
    };
    const wav = await speak('Hello world, this is forty characters ok');
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
    expect(wav.toString('ascii', 8, 12)).toBe('WAVE');
    expect(wav.readUInt16LE(20)).toBe(1); // PCM
    expect(wav.readUInt16LE(22)).toBe(1); // mono
    expect(wav.readUInt32LE(24)).toBe(24_000);
    expect(wav.readUInt16LE(34)).toBe(16);
    const seconds = wav.readUInt32LE(40) / (24_000 * 2);
    expect(seconds).toBeCloseTo(40 * 0.05, 2);
    const shortest = await speak('Hi');
    expect(shortest.readUInt32LE(40) / (24_000 * 2)).toBeCloseTo(0.4, 2);
  });

  it('answers MP3 by default', async () => {
    const gateway = await startTestGateway();
    const { access_token } = await signInForTokens(gateway);
    const response = await callApi(gateway, access_token, '/audio/speech', {
      model: 'gpt-4o-mini-tts',
      input: 'Hello world',
      voice: 'alloy',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('audio/mpeg');
    const mp3 = Buffer.from(await response.arrayBuffer());
    // An MPEG audio frame sync: eleven set bits.
    expect(mp3[0]).toBe(0xff);
    expect((mp3[1] ?? 0) & 0xe0).toBe(0xe0);
    // 0.55 s at 48 kbit/s is about 3.3 KB.
    expect(mp3.length).toBeGreaterThan(2_000);
    expect(mp3.length).toBeLessThan(6_000);
  });

  it.each([
    ['input over 4096 characters', { input: 'a'.repeat(4097) }],
    ['an unknown voice', { voice: 'baritone' }],
    ['an unsupported format', { response_format: 'opus' }],
    ['a chat model', { model: 'gpt-4o-mini' }],
  ])('refuses %s', async (_, override) => {
    const gateway = await startTestGateway();
    const { access_token } = await signInForTokens(gateway);
    const response = await callApi(gateway, access_token, '/audio/speech', {
      model: 'tts-1',
      input: 'Hello',
      voice: 'nova',
      response_format: 'wav',
      ...override,
    });
    expect(response.status).toBe(400);
  });
});

describe('transcriptions and embeddings', () => {
  it('transcribes, stating the bytes and type received', async () => {
    const gateway = await startTestGateway();
    const { access_token } = await signInForTokens(gateway);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(1234)], { type: 'audio/mpeg' }), 'clip.mp3');
    form.append('model', 'whisper-1');
    form.append('language', 'en');
    const response = await postForm(
      `${gateway.url}/oauth2/v1/audio/transcriptions`,
      access_token,
      form,
    );
    expect(response.status).toBe(200);
    const { text } = (await response.json()) as { text: string };
    expect(text).toContain('1234 bytes');
    expect(text).toContain('audio/mpeg');
  });

  it('answers deterministic unit vectors in the OpenAI shape', async () => {
    const gateway = await startTestGateway();
    const { access_token } = await signInForTokens(gateway);
    const embed = async (input: unknown) => {
      const response = await callApi(gateway, access_token, '/embeddings', {
        model: 'text-embedding-3-small',
        input,
      });
      expect(response.status).toBe(200);
      return (await response.json()) as {
        object: string;
        data: { object: string; index: number; embedding: number[] }[];
        usage: { prompt_tokens: number };
      };
    };
    const answer = await embed(['First text', 'Second text']);
    expect(answer.object).toBe('list');
    expect(answer.data.map((item) => item.index)).toEqual([0, 1]);
    const [first, second] = answer.data.map((item) => item.embedding);
    expect(first).toHaveLength(16);
    expect(Math.hypot(...(first ?? []))).toBeCloseTo(1, 6);
    expect(first).not.toEqual(second);
    expect((await embed('First text')).data[0]?.embedding).toEqual(first);
    const wrong = await callApi(gateway, access_token, '/embeddings', {
      model: 'gpt-4o-mini',
      input: 'x',
    });
    expect(wrong.status).toBe(400);
  });
});
