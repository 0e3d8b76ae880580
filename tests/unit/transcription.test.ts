/**
 * Transcription over real HTTP: the multipart body as bytes, the local gateway's answer, and the
 * bounds on what a server may send back.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { takeGrantsFrom } from '../../lib/api/authorized-fetch';
import {
  audioFileName,
  transcribe,
  transcriptFrom,
  transcriptionForm,
} from '../../lib/api/transcription';
import { signInForTokens, startTestGateway } from '../gateway/helpers';

/** A few bytes that start like WebM (EBML header), then noise. */
const WEBM_BYTES = new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 1, 2, 3, 250]);

function grantFor(apiBase: string, accessToken = 'test-token') {
  takeGrantsFrom(async () => ({
    ok: true,
    value: {
      accessToken,
      apiBase,
      serverUrl: apiBase,
      service: { name: 'Test Gateway', hasBalance: false },
    },
  }));
}

describe('the multipart body', () => {
  it('carries the recording byte for byte as `file`, with the model and a file name by type', async () => {
    const audio = new Blob([WEBM_BYTES], { type: 'audio/webm;codecs=opus' });
    const form = transcriptionForm({ model: 'whisper-1', audio, language: 'de' });
    const encoded = new Response(form);
    const boundary = encoded.headers.get('content-type')?.match(/boundary=(.+)$/)?.[1];
    expect(boundary).toBeTruthy();
    const bytes = new Uint8Array(await encoded.arrayBuffer());
    const text = new TextDecoder('latin1').decode(bytes);
    expect(text).toContain('name="file"; filename="question.webm"');
    expect(text).toContain('Content-Type: audio/webm;codecs=opus');
    expect(text).toMatch(/name="model"\r\n\r\nwhisper-1\r\n/);
    expect(text).toMatch(/name="language"\r\n\r\nde\r\n/);
    // The recording's bytes appear unchanged inside the body.
    const start = text.indexOf('\x1a\x45\xdf\xa3');
    expect([...bytes.subarray(start, start + WEBM_BYTES.length)]).toEqual([...WEBM_BYTES]);
  });

  it('leaves out a language that is not an ISO-639-1 code', () => {
    const audio = new Blob([WEBM_BYTES], { type: 'audio/webm' });
    const form = transcriptionForm({ model: 'whisper-1', audio, language: 'de-DE' });
    expect(form.has('language')).toBe(false);
  });

  it('names the file by what the browser recorded', () => {
    expect(audioFileName('audio/ogg;codecs=opus')).toBe('question.ogg');
    expect(audioFileName('audio/mp4')).toBe('question.m4a');
    expect(audioFileName('')).toBe('question.webm');
  });

  it('takes only a `{text}` answer', () => {
    expect(transcriptFrom({ text: '  Hello there. ' }, 'X')).toBe('Hello there.');
    expect(() => transcriptFrom({ result: 'Hello' }, 'X')).toThrow('X sent no transcription.');
    expect(transcriptFrom({ text: 'a'.repeat(60_000) }, 'X')).toHaveLength(50_000);
  });
});

describe('against the local gateway', () => {
  it('sends the recording to a whisper model and returns its text', async () => {
    const gateway = await startTestGateway();
    const tokens = await signInForTokens(gateway);
    grantFor(`${gateway.url}/oauth2/v1`, tokens.access_token);
    const audio = new Blob([WEBM_BYTES], { type: 'audio/webm' });
    const text = await transcribe({ model: 'whisper-1', audio });
    expect(text).toBe(`Local transcription of ${WEBM_BYTES.length} bytes of audio/webm.`);
    const request = gateway.control
      .requests()
      .find((entry) => entry.path === '/oauth2/v1/audio/transcriptions');
    const parts = (request?.body as { parts?: Array<Record<string, unknown>> } | undefined)?.parts;
    expect(parts).toContainEqual(
      expect.objectContaining({
        field: 'file',
        bytes: WEBM_BYTES.length,
        head: '1a45dfa39f428681010203fa',
      }),
    );
  });

  it('says which model is wrong when the gateway refuses it', async () => {
    const gateway = await startTestGateway();
    const tokens = await signInForTokens(gateway);
    grantFor(`${gateway.url}/oauth2/v1`, tokens.access_token);
    const audio = new Blob([WEBM_BYTES], { type: 'audio/webm' });
    await expect(transcribe({ model: 'tts-1', audio })).rejects.toMatchObject({
      code: 'bad-request',
    });
  });
});

describe('bounds on the answer', () => {
  let server: Server | undefined;
  afterEach(
    () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
  );

  async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
    server = createServer(handler);
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it('stops reading an answer far larger than any transcription', async () => {
    const base = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      const chunk = 'x'.repeat(64 * 1024);
      let sent = 0;
      const push = () => {
        while (sent < 4 * 1024 * 1024) {
          sent += chunk.length;
          if (!response.write(chunk)) return void response.once('drain', push);
        }
        response.end();
      };
      push();
    });
    grantFor(base);
    const audio = new Blob([WEBM_BYTES], { type: 'audio/webm' });
    await expect(transcribe({ model: 'whisper-1', audio })).rejects.toMatchObject({
      code: 'server',
      message: 'The server sent far more than expected, so Passlight stopped reading it.',
    });
  });

  it('gives up on a server that never answers, with its own message', async () => {
    const base = await serve(() => {
      // Never answers.
    });
    grantFor(base);
    const audio = new Blob([WEBM_BYTES], { type: 'audio/webm' });
    await expect(transcribe({ model: 'whisper-1', audio, timeoutMs: 200 })).rejects.toMatchObject({
      code: 'network',
      message: 'The transcription took too long. Try a shorter recording.',
    });
  });

  it('lets the caller cancel, with the caller’s reason', async () => {
    const base = await serve(() => {});
    grantFor(base);
    const abort = new AbortController();
    const audio = new Blob([WEBM_BYTES], { type: 'audio/webm' });
    const call = transcribe({ model: 'whisper-1', audio, signal: abort.signal });
    abort.abort(new Error('cancelled by the person'));
    await expect(call).rejects.toThrow('cancelled by the person');
  });
});
