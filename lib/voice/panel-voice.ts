/**
 * The side panel's spoken questions wired to the browser and the gateway: the microphone,
 * MediaRecorder, the transcription model from `/models`, the call and its cost.
 */
import { signal } from '@preact/signals';
import { fetchModelIds } from '../api/chat';
import { transcribe } from '../api/transcription';
import { authStatus } from '../auth/status';
import { modelPreferences } from '../models/stored';
import { startCostMeasure } from './cost';
import { recordStream } from './media-recording';
import { askInTab, microphonePermission, openMicrophone } from './microphone';
import { transcriptionModels as rememberedModels, sendWhenTranscribed } from './settings';
import { WHISPER_UPLOAD_LIMIT_BYTES } from './size-limit';
import { chooseTranscriptionModel, transcriptionModels } from './transcription-model';
import { createVoiceInput } from './voice-input';

export interface PanelVoiceHooks {
  /** Adds the text to what is typed, never replacing it. */
  append: (text: string) => void;
  send: () => void;
}

async function providerId(): Promise<string | undefined> {
  return (await authStatus.getValue()).provider?.id;
}

export function createPanelVoice(hooks: PanelVoiceHooks) {
  /** The transcription models on offer, once a recording has asked for them. */
  const models = signal<string[]>([]);
  const model = signal<string | undefined>(undefined);
  const lastTranscription = signal<{ model: string; cost?: number } | null>(null);
  const limitBytes = WHISPER_UPLOAD_LIMIT_BYTES;

  const input = createVoiceInput(
    {
      permission: microphonePermission,
      openMicrophone,
      askInTab,
      record: (stream) => recordStream(stream, limitBytes),
      limitBytes,
      async model() {
        const provider = await providerId();
        const choices = (await modelPreferences.getValue())[provider ?? ''];
        models.value = transcriptionModels(await fetchModelIds(), choices).map((entry) => entry.id);
        const remembered = (await rememberedModels.getValue())[provider ?? ''];
        model.value = chooseTranscriptionModel(models.peek(), remembered);
        return model.peek();
      },
      async transcribe(audio, chosen, abort) {
        lastTranscription.value = null;
        const measure = await startCostMeasure();
        const text = await transcribe({ model: chosen, audio, signal: abort });
        const shown = { model: chosen };
        lastTranscription.value = shown;
        void measure().then((cost) => {
          if (cost !== undefined && lastTranscription.peek() === shown)
            lastTranscription.value = { ...shown, cost };
        });
        return text;
      },
    },
    (text) => {
      hooks.append(text);
      void sendWhenTranscribed.getValue().then((send) => {
        if (send) hooks.send();
      });
    },
  );

  /** Remembers the person's pick for this provider. */
  async function pickModel(id: string): Promise<void> {
    model.value = id;
    const provider = (await providerId()) ?? '';
    await rememberedModels.setValue({ ...(await rememberedModels.getValue()), [provider]: id });
  }

  return { input, models, model, pickModel, lastTranscription, limitBytes };
}

export type PanelVoice = ReturnType<typeof createPanelVoice>;
