/**
 * Speech to text: `POST /audio/transcriptions`, multipart `file`, `model` and `language`,
 * answered with `{text}`. The answer is read through a byte cap and the whole call through a
 * time limit, so a stuck or flooding server ends in a clear error, not a spinner.
 */

import { voiceText } from '../i18n/messages/voice';
import { authorizedExchange } from './authorized-fetch';
import { MAX_JSON_BYTES, readBoundedJson } from './bounded-body';
import { ApiError } from './errors';

/** Whisper takes about a tenth of the audio's length; two minutes covers any question. */
export const TRANSCRIPTION_TIMEOUT_MS = 120_000;
/** A question's text; a longer one is not a transcription of a recording made here. */
export const MAX_TRANSCRIPT_CHARS = 50_000;

export interface TranscriptionRequest {
  model: string;
  audio: Blob;
  /** ISO-639-1 (`en`), when the person's language is known; the model guesses otherwise. */
  language?: string;
  signal?: AbortSignal;
  timeoutMs?: number;
}

/** Whisper-style servers tell the format by the file name's extension. */
export function audioFileName(type: string): string {
  const subtype = type.split(';')[0]?.trim().toLowerCase() ?? '';
  const extension =
    {
      'audio/webm': 'webm',
      'audio/ogg': 'ogg',
      'audio/mp4': 'm4a',
      'audio/mpeg': 'mp3',
      'audio/wav': 'wav',
    }[subtype] ?? 'webm';
  return `question.${extension}`;
}

/** The multipart body: the recording as `file`, then the model and the language. */
export function transcriptionForm({ model, audio, language }: TranscriptionRequest): FormData {
  const form = new FormData();
  form.append('file', audio, audioFileName(audio.type));
  form.append('model', model);
  if (language && /^[a-z]{2}$/.test(language)) form.append('language', language);
  form.append('response_format', 'json');
  return form;
}

/** The text of a `{text}` answer; rejects with an ApiError for anything else. */
export function transcriptFrom(body: unknown, serviceName: string): string {
  const text = (body as { text?: unknown } | null)?.text;
  if (typeof text !== 'string') {
    throw new ApiError('server', voiceText('noTranscript', { service: serviceName }));
  }
  return text.slice(0, MAX_TRANSCRIPT_CHARS).trim();
}

/** Rejects with an ApiError (budget, model, network, time…), or with the caller's abort reason. */
export async function transcribe(request: TranscriptionRequest): Promise<string> {
  const { signal, timeoutMs = TRANSCRIPTION_TIMEOUT_MS } = request;
  const timeout = AbortSignal.timeout(timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  try {
    // No content-type header: fetch writes the multipart boundary itself.
    const { response, service } = await authorizedExchange('/audio/transcriptions', {
      api: true,
      method: 'POST',
      body: transcriptionForm(request),
      signal: combined,
    });
    const body = await readBoundedJson(response, MAX_JSON_BYTES).catch((cause: unknown) => {
      if (cause instanceof ApiError || combined.aborted) throw cause;
      throw new ApiError('server', voiceText('unreadable', { service: service.name }));
    });
    return transcriptFrom(body, service.name);
  } catch (cause) {
    if (signal?.aborted) throw cause;
    if (timeout.aborted) {
      throw new ApiError('network', voiceText('timeout'), undefined, { cause });
    }
    throw cause;
  }
}
