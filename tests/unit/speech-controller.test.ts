import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { speechSpeed, speechVoice } from '../../lib/config/settings';
import { sendMessage } from '../../lib/messages';
import {
  confirmReadAloud,
  pauseReadAloud,
  resumeReadAloud,
  startReadAloud,
  stopReadAloud,
} from '../../lib/speech/controller';
import type { SpeechReading } from '../../lib/speech/protocol';
import { pendingReadingText, readingNotice } from '../../lib/speech/reading-notice';
import { extentNote, READ_ALOUD_MAX_CHARS } from '../../lib/speech/reading-plan';
import { speechState } from '../../lib/speech/state';

vi.mock('../../lib/messages', () => ({ sendMessage: vi.fn(), onMessage: vi.fn() }));

/** An offscreen document that exists once `createDocument` has succeeded. */
function fakeOffscreen(
  options: { exists?: boolean; createError?: Error; madeElsewhere?: boolean } = {},
) {
  let exists = options.exists ?? false;
  vi.spyOn(fakeBrowser.runtime, 'getContexts').mockImplementation(async () =>
    exists ? [{} as chrome.runtime.ExtensionContext] : [],
  );
  const createDocument = vi
    .spyOn(fakeBrowser.offscreen, 'createDocument')
    .mockImplementation(async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      // `madeElsewhere`: another context made it while this one was asking.
      if (options.madeElsewhere) exists = true;
      if (options.createError) throw options.createError;
      exists = true;
    });
  return { createDocument };
}

describe('read aloud controller', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.mocked(sendMessage).mockReset();
    vi.mocked(sendMessage).mockResolvedValue(undefined);
  });

  it('creates one offscreen document for readings asked for at once', async () => {
    const offscreen = fakeOffscreen();
    const results = await Promise.all([startReadAloud('First text.'), startReadAloud('Second.')]);
    expect(results).toEqual([{ ok: true }, { ok: true }]);
    expect(offscreen.createDocument).toHaveBeenCalledTimes(1);
    expect(offscreen.createDocument).toHaveBeenCalledWith(
      expect.objectContaining({ url: 'offscreen.html', reasons: ['AUDIO_PLAYBACK'] }),
    );
    expect(sendMessage).toHaveBeenCalledTimes(2);
  });

  it('sends the segments with the voice and speed from the settings', async () => {
    fakeOffscreen({ exists: true });
    await speechVoice.setValue('nova');
    await speechSpeed.setValue(1.5);
    await startReadAloud('One sentence to read aloud, long enough to stand alone. And another.');
    expect(sendMessage).toHaveBeenCalledWith('offscreen.speech.play', {
      segments: ['One sentence to read aloud, long enough to stand alone.', 'And another.'],
      voice: 'nova',
      speed: 1.5,
    });
  });

  it('uses a document made meanwhile when creating its own is refused', async () => {
    fakeOffscreen({
      createError: new Error('Only a single offscreen document may be created.'),
      madeElsewhere: true,
    });
    expect(await startReadAloud('Some text.')).toEqual({ ok: true });
    expect(sendMessage).toHaveBeenCalledWith('offscreen.speech.play', expect.anything());
  });

  it('says so, in the result and the state, when no document can be made', async () => {
    fakeOffscreen({ createError: new Error('offscreen is not supported') });
    const result = await startReadAloud('Some text.');
    expect(result).toMatchObject({ ok: false, code: 'unavailable' });
    expect(await speechState.getValue()).toMatchObject({ status: 'error', total: 1 });
    expect(sendMessage).not.toHaveBeenCalled();
  });

  it('refuses blank text without making a document', async () => {
    const offscreen = fakeOffscreen();
    expect(await startReadAloud(' \n ')).toMatchObject({ ok: false, code: 'nothing-to-read' });
    expect(offscreen.createDocument).not.toHaveBeenCalled();
  });

  it('forwards pause, resume and stop to the document', async () => {
    fakeOffscreen({ exists: true });
    await pauseReadAloud();
    await resumeReadAloud();
    await stopReadAloud();
    expect(vi.mocked(sendMessage).mock.calls).toEqual([
      ['offscreen.speech.pause'],
      ['offscreen.speech.resume'],
      ['offscreen.speech.stop'],
    ]);
  });

  it('shows idle after Stop when the document is already gone', async () => {
    fakeOffscreen();
    await speechState.setValue({ status: 'playing', segment: 2, total: 4 });
    expect(await stopReadAloud()).toEqual({ ok: true });
    expect(await speechState.getValue()).toEqual({ status: 'idle', segment: 0, total: 0 });
    expect(sendMessage).not.toHaveBeenCalled();
  });

  it('explains a reading that ended during a long pause', async () => {
    fakeOffscreen();
    await speechState.setValue({ status: 'paused', segment: 2, total: 4 });
    await resumeReadAloud();
    expect(await speechState.getValue()).toMatchObject({
      status: 'error',
      segment: 2,
      total: 4,
      message: expect.stringContaining('long pause'),
    });
  });

  describe('a long selection', () => {
    /** `count` characters of sentences. */
    const sentence = 'This sentence is part of a very long selection. ';
    const longText = (count: number) =>
      sentence
        .repeat(Math.ceil(count / sentence.length))
        .slice(0, count - 1)
        .concat('.');
    const sentSegments = () =>
      vi
        .mocked(sendMessage)
        .mock.calls.filter(([type]) => type === 'offscreen.speech.play')
        .flatMap(([, reading]) => (reading as SpeechReading).segments);

    it('waits for a yes, with its size and expected cost, before any speech is asked for', async () => {
      const offscreen = fakeOffscreen();
      expect(await startReadAloud(longText(95_000))).toEqual({ ok: true });
      expect(offscreen.createDocument).not.toHaveBeenCalled();
      expect(sendMessage).not.toHaveBeenCalled();
      const notice = await readingNotice.getValue();
      expect(notice).toMatchObject({ totalChars: 95_000, awaitingConfirmation: true });
      expect(notice?.readChars).toBeLessThanOrEqual(READ_ALOUD_MAX_CHARS);
      expect(notice?.estimatedDollars).toBeCloseTo(((notice?.readChars ?? 0) * 15) / 1e6, 6);
    });

    it('reads at most the ceiling once confirmed, and says how much of the selection that is', async () => {
      fakeOffscreen();
      await startReadAloud(longText(400_000));
      expect(await confirmReadAloud()).toEqual({ ok: true });
      const sent = sentSegments().join(' ');
      expect(sent.length).toBeLessThanOrEqual(READ_ALOUD_MAX_CHARS);
      expect(sent.length).toBeGreaterThan(READ_ALOUD_MAX_CHARS * 0.9);
      const notice = await readingNotice.getValue();
      expect(notice?.awaitingConfirmation).toBe(false);
      expect(extentNote(notice ?? { readChars: 0, totalChars: 0 })).toMatch(
        /^Reading the first 19,9\d\d of 400,000 characters$/,
      );
      expect(await pendingReadingText.getValue()).toBe('');
      // Confirming again starts nothing more.
      expect(await confirmReadAloud()).toMatchObject({ ok: false, code: 'nothing-to-read' });
    });

    it('drops the waiting reading on Cancel (Stop)', async () => {
      fakeOffscreen();
      await startReadAloud(longText(30_000));
      await stopReadAloud();
      expect(await readingNotice.getValue()).toBeNull();
      expect(await confirmReadAloud()).toMatchObject({ ok: false, code: 'nothing-to-read' });
      expect(sentSegments()).toEqual([]);
    });

    it('starts a short reading at once', async () => {
      fakeOffscreen();
      await startReadAloud(longText(4_000));
      expect(sentSegments().join(' ').length).toBe(longText(4_000).trim().length);
    });
  });
});
