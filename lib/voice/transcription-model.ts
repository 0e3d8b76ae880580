/**
 * Which model turns a recording into text: a `transcription` model of the gateway's catalogue
 * (its own capability data first, the id's name otherwise), with the person's corrections. When
 * there are several, the one picked last for this provider, else a Whisper model, else the first.
 */
import { describeModels } from '../models';
import type { ModelInfo } from '../models/kind';
import { type ModelChoices, NO_CHOICES, withCorrections } from '../models/preferences';

/** The catalogue's rules for unknown ids do not matter here: an unknown id is never transcription. */
export function transcriptionModels(
  body: unknown,
  choices: ModelChoices = NO_CHOICES,
): ModelInfo[] {
  return withCorrections(describeModels(body), choices).filter(
    (model) => model.kind === 'transcription',
  );
}

export function chooseTranscriptionModel(
  ids: readonly string[],
  remembered: string | undefined,
): string | undefined {
  if (remembered && ids.includes(remembered)) return remembered;
  return ids.find((id) => /whisper/i.test(id)) ?? ids[0];
}
