/** Text to speech: `POST /audio/speech`, answered with the audio's bytes. */

import { apiErrorText } from '../i18n/messages/api-errors';
import { authorizedExchange } from './authorized-fetch';
import { MAX_AUDIO_BYTES, readBoundedBlob } from './bounded-body';
import { ApiError } from './errors';

/** What AI Pass, OpenAI and the local gateway serve: wav is quick to make, mp3 small to send. */
export type SpeechFormat = 'wav' | 'mp3';

export interface SpeechRequest {
  model: string;
  input: string;
  voice: string;
  format: SpeechFormat;
  /** 1 is normal speed. */
  speed: number;
  signal?: AbortSignal;
}

/** Rejects with an ApiError (budget, model, network…), or with the abort reason. */
export async function createSpeech(request: SpeechRequest): Promise<Blob> {
  const { model, input, voice, format, speed, signal } = request;
  const { response, service } = await authorizedExchange('/audio/speech', {
    api: true,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model, input, voice, response_format: format, speed }),
    signal,
  });
  let audio: Blob;
  try {
    audio = await readBoundedBlob(response, MAX_AUDIO_BYTES);
  } catch (cause) {
    if (signal?.aborted || cause instanceof ApiError) throw cause;
    throw new ApiError('network', apiErrorText('speechDownloadLost'), undefined, {
      cause,
    });
  }
  if (audio.size === 0)
    throw new ApiError('server', apiErrorText('noAudio', { name: service.name }));
  return audio;
}
