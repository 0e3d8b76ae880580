import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api/errors';
import { editBody, parseImageAnswer } from '../../../lib/api/images';

function png(width: number, height: number, shade: number): Uint8Array {
  const image = new PNG({ width, height });
  image.data.fill(shade);
  return new Uint8Array(PNG.sync.write(image));
}

function indexOfBytes(haystack: Uint8Array, needle: Uint8Array, from = 0): number {
  outer: for (let i = from; i <= haystack.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

describe('the multipart body of an edit', () => {
  it('carries model, prompt and one image field per picture, in order, byte for byte', async () => {
    const picture = png(64, 48, 10);
    const reference = png(32, 32, 200);
    const form = editBody({
      model: 'fal_ai/flux-pro/kontext/multi/edit',
      prompt: 'put the hat from the second picture on the cat',
      images: [
        new Blob([picture as BlobPart], { type: 'image/png' }),
        new Blob([reference as BlobPart], { type: 'image/jpeg' }),
      ],
    });
    // Serialized exactly as fetch sends it.
    const request = new Request('http://gateway.test/images/edits', { method: 'POST', body: form });
    const type = request.headers.get('content-type') ?? '';
    expect(type).toMatch(/^multipart\/form-data; boundary=/);
    const bytes = new Uint8Array(await request.arrayBuffer());
    const text = new TextDecoder('latin1').decode(bytes);
    expect(text).toContain('name="model"\r\n\r\nfal_ai/flux-pro/kontext/multi/edit\r\n');
    expect(text).toContain(
      'name="prompt"\r\n\r\nput the hat from the second picture on the cat\r\n',
    );
    expect(text.match(/name="image"/g)).toHaveLength(2);
    expect(text).toContain('filename="image-1.png"');
    expect(text).toContain('filename="image-2.jpg"');
    const first = indexOfBytes(bytes, picture);
    const second = indexOfBytes(bytes, reference);
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);

    // And a server parsing it gets the same pictures back.
    const parsed = await new Response(bytes, { headers: { 'content-type': type } }).formData();
    const images = parsed.getAll('image') as File[];
    expect(images).toHaveLength(2);
    expect(new Uint8Array((await images[0]?.arrayBuffer()) ?? new ArrayBuffer(0))).toEqual(picture);
    expect(new Uint8Array((await images[1]?.arrayBuffer()) ?? new ArrayBuffer(0))).toEqual(
      reference,
    );
    expect(parsed.has('n')).toBe(false);
    expect(parsed.has('size')).toBe(false);
  });

  it('asks for a count and a size only when given', async () => {
    const form = editBody({
      model: 'gpt-image-1/edit',
      prompt: 'brighter',
      images: [new Blob([png(8, 8, 1) as BlobPart], { type: 'image/png' })],
      count: 2,
      size: '1024x1024',
    });
    expect(form.get('n')).toBe('2');
    expect(form.get('size')).toBe('1024x1024');
  });
});

describe('an image answer', () => {
  it('takes base64 and http(s) addresses, in order', () => {
    expect(
      parseImageAnswer({
        data: [
          { url: 'https://cdn.example/a.png' },
          { b64_json: 'iVBORw0KGgo=' },
          { url: 'http://127.0.0.1:9/b.png' },
        ],
      }),
    ).toEqual([
      { kind: 'url', url: 'https://cdn.example/a.png' },
      { kind: 'base64', data: 'iVBORw0KGgo=' },
      { kind: 'url', url: 'http://127.0.0.1:9/b.png' },
    ]);
  });

  it('ignores addresses that are no web address, and refuses an answer without a picture', () => {
    const hostile = {
      data: [
        { url: 'javascript:alert(1)' },
        { url: 'data:image/svg+xml,<svg/>' },
        { url: 42 },
        null,
      ],
    };
    expect(() => parseImageAnswer(hostile, 'AI Pass')).toThrow(ApiError);
    expect(() => parseImageAnswer({}, 'AI Pass')).toThrow('AI Pass answered without an image.');
  });

  it('reads no more than ten pictures of a runaway answer', () => {
    const data = Array.from({ length: 500 }, (_, i) => ({ url: `https://cdn.example/${i}.png` }));
    expect(parseImageAnswer({ data })).toHaveLength(10);
  });
});
