/**
 * Where the offscreen document's audio comes from: the speech model, discovered at run time and
 * remembered while this document lives, then one `POST /audio/speech` per segment.
 */
import { fetchModelList } from '../../lib/api/chat';
import { ApiError } from '../../lib/api/errors';
import { createSpeech, type SpeechFormat } from '../../lib/api/speech';
import { apiErrorText } from '../../lib/i18n/messages/api-errors';
import { chooseModel, describeModels, idsOfKind } from '../../lib/models';
import type { FetchClip } from '../../lib/speech/player-queue';
import type { SpeechReading } from '../../lib/speech/protocol';

let speechModel: Promise<string> | undefined;

async function discoverSpeechModel(): Promise<string> {
  const { body, service } = await fetchModelList();
  const speechModels = idsOfKind(describeModels(body), 'speech');
  // `speed` works with the tts-* models only (gpt-4o-mini-tts ignores it): prefer them.
  const model = chooseModel(speechModels, speechModels.find((id) => id.startsWith('tts-')) ?? null);
  if (!model) {
    throw new ApiError('model-unavailable', apiErrorText('noSpeechModel', { name: service.name }));
  }
  return model;
}

function currentSpeechModel(): Promise<string> {
  speechModel ??= discoverSpeechModel().catch((error: unknown) => {
    speechModel = undefined;
    throw error;
  });
  return speechModel;
}

/**
 * The first segment decides how soon sound starts, so it comes as wav, which needs no encoding
 * and so arrives soonest; later ones are fetched while another plays, so they come as mp3, about
 * a tenth of the size.
 */
function formatFor(index: number): SpeechFormat {
  return index === 0 ? 'wav' : 'mp3';
}

/** Fetches each segment in this reading's voice and speed, as an object URL to play. */
export function speechClips({ voice, speed }: SpeechReading): FetchClip<string> {
  return async (input, index, signal) => {
    const model = await currentSpeechModel();
    signal.throwIfAborted();
    try {
      const audio = await createSpeech({
        model,
        input,
        voice,
        speed,
        format: formatFor(index),
        signal,
      });
      return URL.createObjectURL(audio);
    } catch (error) {
      // The model may have been withdrawn: look again at the next reading.
      if (error instanceof ApiError && error.code === 'model-unavailable') speechModel = undefined;
      throw error;
    }
  };
}

export function releaseClip(url: string): void {
  URL.revokeObjectURL(url);
}
