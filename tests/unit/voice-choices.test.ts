/** Which transcription model, how large a recording may be, and the stored voice settings. */
import { signal } from '@preact/signals';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { takeResetNotes } from '../../lib/config/checked-item';
import {
  readAnswersAloud,
  transcriptionModels as remembered,
  sendWhenTranscribed,
} from '../../lib/voice/settings';
import {
  decideChunk,
  fitsUploadLimit,
  megabytes,
  WHISPER_UPLOAD_LIMIT_BYTES,
} from '../../lib/voice/size-limit';
import { chooseTranscriptionModel, transcriptionModels } from '../../lib/voice/transcription-model';

const ids = (models: Array<{ id: string }>) => models.map((model) => model.id);

describe('the transcription model', () => {
  it('is found by name in AI Pass’s plain list', () => {
    const body = ['gpt-4o-mini', 'tts-1', 'whisper-1', 'fal_ai/flux/dev', 'gpt-4o-transcribe'];
    expect(ids(transcriptionModels(body))).toEqual(['whisper-1', 'gpt-4o-transcribe']);
  });

  it('is found by what the gateway says it does, whatever its name', () => {
    const body = {
      data: [
        {
          id: 'acme/ears',
          architecture: { input_modalities: ['audio'], output_modalities: ['text'] },
        },
        {
          id: 'acme/voice',
          architecture: { input_modalities: ['text'], output_modalities: ['audio'] },
        },
        { id: 'listener', mode: 'audio_transcription' },
        { id: 'whisper-lookalike', mode: 'chat' },
      ],
    };
    expect(ids(transcriptionModels(body))).toEqual(['acme/ears', 'listener']);
  });

  it('follows the person’s corrections of a kind', () => {
    const body = ['whisper-1', 'mystery-model'];
    const choices = {
      hidden: [],
      kinds: { 'whisper-1': 'other' as const, 'mystery-model': 'transcription' as const },
    };
    expect(ids(transcriptionModels(body, choices))).toEqual(['mystery-model']);
  });

  it('is the remembered one while offered, else a whisper, else the first', () => {
    expect(chooseTranscriptionModel(['gpt-4o-transcribe', 'whisper-1'], 'gpt-4o-transcribe')).toBe(
      'gpt-4o-transcribe',
    );
    expect(chooseTranscriptionModel(['gpt-4o-transcribe', 'whisper-1'], 'gone')).toBe('whisper-1');
    expect(chooseTranscriptionModel(['acme/ears'], undefined)).toBe('acme/ears');
    expect(chooseTranscriptionModel([], 'whisper-1')).toBeUndefined();
  });
});

describe('the size limit', () => {
  it('is 25 MB for whisper-style endpoints', () => {
    expect(WHISPER_UPLOAD_LIMIT_BYTES).toBe(25 * 1024 * 1024);
    expect(megabytes(WHISPER_UPLOAD_LIMIT_BYTES)).toBe(25);
    expect(megabytes(26.5 * 1024 * 1024)).toBe(26.5);
  });

  it('keeps a part that fits and stops at the one that would pass the limit', () => {
    expect(decideChunk(900, 100, 1000)).toBe('keep');
    expect(decideChunk(901, 100, 1000)).toBe('stop-at-limit');
    expect(decideChunk(0, 1001, 1000)).toBe('stop-at-limit');
  });

  it('sends only a recording with bytes and within the limit', () => {
    expect(fitsUploadLimit(1000, 1000)).toBe(true);
    expect(fitsUploadLimit(1001, 1000)).toBe(false);
    expect(fitsUploadLimit(0, 1000)).toBe(false);
  });
});

describe('the voice settings, checked on read', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it.each([
    [sendWhenTranscribed, 'settings.voice.sendWhenTranscribed', true, 'yes'],
    [readAnswersAloud, 'settings.voice.readAnswersAloud', true, 1],
    [remembered, 'voice.transcriptionModels', { aipass: 'whisper-1' }, { aipass: 7 }],
  ] as const)(
    '%#: keeps a value that fits and resets one that does not',
    async (item, key, good, bad) => {
      await fakeBrowser.storage.local.set({ [key]: good });
      expect(await item.getValue()).toEqual(good);
      await fakeBrowser.storage.local.set({ [key]: bad });
      expect(await item.getValue()).toEqual(item.fallback);
      expect((await takeResetNotes()).length).toBe(1);
    },
  );
});

describe('reading answers as they finish', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('reads an answer that completes, not one that was stopped, and only when on', async () => {
    const { readFinishedAnswers } = await import('../../entrypoints/sidepanel/auto-read');
    const started: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((message: { type?: string; data?: unknown }) => {
      if (message.type === 'speech.start') started.push(message.data);
      return Promise.resolve({ res: { ok: true } });
    });
    const answer = (id: string, text: string, status: string) => ({
      id,
      text: signal(text),
      status: signal(status),
    });
    const streamingId = signal<string | null>(null);
    const messages = signal([
      answer('a1', 'First answer.', 'complete'),
      answer('a2', 'Cut.', 'stopped'),
    ]);
    await readAnswersAloud.setValue(true);
    const stop = readFinishedAnswers({ streamingId, messages } as never);
    await new Promise((resolve) => setTimeout(resolve, 0));

    streamingId.value = 'a1';
    streamingId.value = null;
    streamingId.value = 'a2';
    streamingId.value = null;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(started).toEqual([{ text: 'First answer.' }]);

    await readAnswersAloud.setValue(false);
    await new Promise((resolve) => setTimeout(resolve, 0));
    streamingId.value = 'a1';
    streamingId.value = null;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(started).toHaveLength(1);
    stop();
  });
});
