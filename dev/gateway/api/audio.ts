/**
 * `POST /audio/speech` (real, playable audio) and `POST /audio/transcriptions`.
 */
import type { FastifyInstance } from 'fastify';
import { charge, PRICES } from '../billing/ledger';
import type { GatewayContext } from '../context';
import { isRecord } from '../http';
import { encodeMp3 } from '../media/mp3';
import { speechDurationSeconds, toneSamples } from '../media/tone';
import { encodeWav } from '../media/wav';
import { requirePaidAccess } from './access';
import { invalidRequest } from './errors';
import { requireModel } from './models';
import { readMultipart } from './multipart';

const MAX_SPEECH_INPUT = 4096;
const SAMPLE_RATE = 24_000;
/** Each voice gets its own pitch, so a test (or an ear) can tell them apart. */
const VOICE_PITCH_HZ: Record<string, number> = {
  alloy: 220,
  echo: 196,
  fable: 262,
  onyx: 175,
  nova: 294,
  shimmer: 330,
};
const AUDIO_FORMATS = {
  mp3: { contentType: 'audio/mpeg', encode: encodeMp3 },
  wav: { contentType: 'audio/wav', encode: encodeWav },
} as const;
const LANGUAGE_CODE = /^[a-z]{2}$/;

export function registerAudioRoutes(api: FastifyInstance, ctx: GatewayContext): void {
  api.post('/audio/speech', async (request, reply) => {
    const { user } = await requirePaidAccess(ctx, request);
    const body = isRecord(request.body) ? request.body : {};
    requireModel(body.model, ['speech'], '/audio/speech');
    const { input, voice } = body;
    if (typeof input !== 'string' || input.length === 0) throw invalidRequest('input is required.');
    if (input.length > MAX_SPEECH_INPUT) {
      throw invalidRequest(
        `input is ${input.length} characters long; the maximum is ${MAX_SPEECH_INPUT}.`,
      );
    }
    const pitch = typeof voice === 'string' ? VOICE_PITCH_HZ[voice] : undefined;
    if (pitch === undefined) {
      throw invalidRequest(`voice must be one of ${Object.keys(VOICE_PITCH_HZ).join(', ')}.`);
    }
    const formatName = body.response_format ?? 'mp3';
    const format =
      formatName === 'mp3' || formatName === 'wav' ? AUDIO_FORMATS[formatName] : undefined;
    if (!format) {
      throw invalidRequest(
        `response_format ${String(formatName)} is not supported by the local gateway; use mp3 or wav.`,
      );
    }
    const seconds = speechDurationSeconds(Array.from(input).length);
    const audio = format.encode(toneSamples(seconds, SAMPLE_RATE, pitch), SAMPLE_RATE);
    charge(user, PRICES.speechInputCharacter * input.length);
    return reply.header('content-type', format.contentType).send(audio);
  });

  api.post('/audio/transcriptions', async (request, reply) => {
    const { user } = await requirePaidAccess(ctx, request);
    const form = await readMultipart(ctx, request);
    requireModel(form.fields.get('model'), ['transcription'], '/audio/transcriptions');
    const file = form.files.find((upload) => upload.field === 'file');
    if (!file || file.bytes.length === 0) throw invalidRequest('file is required.');
    const language = form.fields.get('language');
    if (language !== undefined && !LANGUAGE_CODE.test(language)) {
      throw invalidRequest('language must be an ISO-639-1 code such as en.');
    }
    const responseFormat = form.fields.get('response_format') ?? 'json';
    if (responseFormat !== 'json' && responseFormat !== 'text') {
      throw invalidRequest('response_format must be json or text on the local gateway.');
    }
    const text =
      `Local transcription of ${file.bytes.length} bytes of ${file.mimetype}` +
      `${language ? ` in ${language}` : ''}.`;
    charge(user, PRICES.transcriptionCall);
    if (responseFormat === 'text') return reply.type('text/plain; charset=utf-8').send(text);
    return { text };
  });
}
