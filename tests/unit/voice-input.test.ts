/**
 * The spoken question's state machine, with every browser and network step a deferred promise
 * the test resolves in the order it wants.
 */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api/errors';
import {
  createVoiceInput,
  type MicrophonePermission,
  type RecordedAudio,
  type Recording,
  SILENCE_LEVEL,
  type VoiceDeps,
} from '../../lib/voice/voice-input';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every queued promise callback run. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

class FakeStream {
  stopped = 0;
  getTracks() {
    return [{ stop: () => void this.stopped++ }];
  }
}

class FakeRecording implements Recording {
  finished = deferred<RecordedAudio>();
  limit = deferred<void>();
  discarded = false;
  finishCalls = 0;
  readonly reachedLimit = this.limit.promise;
  level = () => 0.2;
  finish() {
    this.finishCalls++;
    return this.finished.promise;
  }
  discard() {
    this.discarded = true;
  }
}

const audio = (peak = 0.2, bytes = 100, cutAtLimit = false): RecordedAudio => ({
  blob: new Blob([new Uint8Array(bytes)], { type: 'audio/webm' }),
  peak,
  cutAtLimit,
});

function harness(options: { permission?: MicrophonePermission } = {}) {
  const steps = {
    permission: deferred<MicrophonePermission>(),
    microphone: [deferred<MediaStream>(), deferred<MediaStream>()],
    tab: deferred<boolean>(),
    recording: new FakeRecording(),
    transcription: deferred<string>(),
  };
  let opened = 0;
  const calls: string[] = [];
  const signals: AbortSignal[] = [];
  const deps: VoiceDeps = {
    permission: () => {
      calls.push('permission');
      return options.permission ? Promise.resolve(options.permission) : steps.permission.promise;
    },
    openMicrophone: () => {
      calls.push('microphone');
      return (steps.microphone[opened++] ?? deferred<MediaStream>()).promise;
    },
    askInTab: () => {
      calls.push('tab');
      return steps.tab.promise;
    },
    record: async () => {
      calls.push('record');
      return steps.recording;
    },
    model: async () => 'whisper-1',
    transcribe: (blob, model, signal) => {
      calls.push(`transcribe ${model} ${blob.size}`);
      signals.push(signal);
      return steps.transcription.promise;
    },
    limitBytes: 1000,
  };
  const texts: string[] = [];
  const voice = createVoiceInput(deps, (text) => texts.push(text));
  return { voice, steps, calls, texts, signals };
}

describe('the recorder', () => {
  it('goes idle → opening → recording → sending → idle and hands over the text', async () => {
    const { voice, steps, calls, texts } = harness({ permission: 'granted' });
    const stream = new FakeStream();
    expect(voice.status.value).toBe('idle');
    const started = voice.toggle();
    expect(voice.status.value).toBe('opening');
    steps.microphone[0]?.resolve(stream as unknown as MediaStream);
    await started;
    expect(voice.status.value).toBe('recording');
    expect(voice.level()).toBe(0.2);

    const stopped = voice.toggle();
    expect(voice.status.value).toBe('sending');
    steps.recording.finished.resolve(audio());
    await settle();
    expect(calls).toEqual(['permission', 'microphone', 'record', 'transcribe whisper-1 100']);
    expect(voice.status.value).toBe('sending');
    steps.transcription.resolve('  What is a lighthouse? ');
    await stopped;
    expect(voice.status.value).toBe('idle');
    expect(texts).toEqual(['What is a lighthouse?']);
    expect(voice.problem.value).toBeNull();
  });

  it('a cancel while sending aborts the call and drops its late answer', async () => {
    const { voice, steps, texts, signals } = harness({ permission: 'granted' });
    steps.microphone[0]?.resolve(new FakeStream() as unknown as MediaStream);
    await voice.start();
    const stopped = voice.stop();
    steps.recording.finished.resolve(audio());
    await settle();
    voice.cancel();
    expect(voice.status.value).toBe('idle');
    expect(signals[0]?.aborted).toBe(true);
    steps.transcription.resolve('too late');
    await stopped;
    expect(texts).toEqual([]);
    expect(voice.problem.value).toBeNull();
  });

  it('a cancel while the microphone opens releases the stream that arrives after it', async () => {
    const { voice, steps, calls } = harness({ permission: 'granted' });
    const stream = new FakeStream();
    const started = voice.start();
    await settle();
    expect(calls).toEqual(['permission', 'microphone']);
    voice.cancel();
    steps.microphone[0]?.resolve(stream as unknown as MediaStream);
    await started;
    expect(stream.stopped).toBe(1);
    expect(calls).not.toContain('record');
    expect(voice.status.value).toBe('idle');
  });

  it('a cancel while recording discards what was recorded', async () => {
    const { voice, steps, calls } = harness({ permission: 'granted' });
    steps.microphone[0]?.resolve(new FakeStream() as unknown as MediaStream);
    await voice.start();
    voice.cancel();
    expect(steps.recording.discarded).toBe(true);
    expect(steps.recording.finishCalls).toBe(0);
    expect(calls.some((call) => call.startsWith('transcribe'))).toBe(false);
  });

  it('a new press while sending does nothing; a press after the end starts afresh', async () => {
    const { voice, steps, calls } = harness({ permission: 'granted' });
    steps.microphone[0]?.resolve(new FakeStream() as unknown as MediaStream);
    await voice.start();
    const stopped = voice.stop();
    await voice.toggle(); // sending: the press is ignored
    expect(voice.status.value).toBe('sending');
    steps.recording.finished.resolve(audio());
    steps.transcription.resolve('done');
    await stopped;
    expect(calls.filter((call) => call === 'microphone')).toHaveLength(1);
  });

  it('silence is not sent', async () => {
    const { voice, steps, calls } = harness({ permission: 'granted' });
    steps.microphone[0]?.resolve(new FakeStream() as unknown as MediaStream);
    await voice.start();
    const stopped = voice.stop();
    steps.recording.finished.resolve(audio(SILENCE_LEVEL / 2));
    await stopped;
    expect(voice.problem.value).toEqual({ code: 'silence' });
    expect(calls.some((call) => call.startsWith('transcribe'))).toBe(false);
  });

  it('a recording over the limit is refused with its size', async () => {
    const { voice, steps, calls } = harness({ permission: 'granted' });
    steps.microphone[0]?.resolve(new FakeStream() as unknown as MediaStream);
    await voice.start();
    const stopped = voice.stop();
    steps.recording.finished.resolve(audio(0.2, 1001));
    await stopped;
    expect(voice.problem.value).toEqual({ code: 'too-large', sizeBytes: 1001 });
    expect(calls.some((call) => call.startsWith('transcribe'))).toBe(false);
  });

  it('stops by itself at the size limit and sends what came before', async () => {
    const { voice, steps, texts } = harness({ permission: 'granted' });
    steps.microphone[0]?.resolve(new FakeStream() as unknown as MediaStream);
    await voice.start();
    steps.recording.limit.resolve();
    await settle();
    expect(voice.status.value).toBe('sending');
    steps.recording.finished.resolve(audio(0.2, 900, true));
    steps.transcription.resolve('Long question');
    await settle();
    expect(texts).toEqual(['Long question']);
    expect(voice.cutAtLimit.value).toBe(true);
  });

  it('a server error becomes a problem with the server’s words and its code', async () => {
    const { voice, steps } = harness({ permission: 'granted' });
    steps.microphone[0]?.resolve(new FakeStream() as unknown as MediaStream);
    await voice.start();
    const stopped = voice.stop();
    steps.recording.finished.resolve(audio());
    steps.transcription.reject(
      new ApiError('budget-exhausted', 'Your AI Pass balance is used up. Add credit to continue.'),
    );
    await stopped;
    expect(voice.problem.value).toEqual({
      code: 'transcription',
      apiCode: 'budget-exhausted',
      detail: 'Your AI Pass balance is used up. Add credit to continue.',
    });
    expect(voice.status.value).toBe('idle');
  });

  it('an empty transcription says nothing was recognized', async () => {
    const { voice, steps, texts } = harness({ permission: 'granted' });
    steps.microphone[0]?.resolve(new FakeStream() as unknown as MediaStream);
    await voice.start();
    const stopped = voice.stop();
    steps.recording.finished.resolve(audio());
    steps.transcription.resolve('   ');
    await stopped;
    expect(voice.problem.value).toEqual({ code: 'nothing-heard' });
    expect(texts).toEqual([]);
  });
});

describe('the microphone', () => {
  it('a denied permission is said at once, without opening anything', async () => {
    const { voice, calls } = harness({ permission: 'denied' });
    await voice.start();
    expect(voice.problem.value).toEqual({ code: 'denied' });
    expect(calls).toEqual(['permission']);
  });

  it.each([
    ['NotFoundError', 'no-microphone'],
    ['OverconstrainedError', 'no-microphone'],
    ['NotReadableError', 'microphone-busy'],
    ['NotAllowedError', 'denied'],
    ['TypeError', 'microphone-error'],
  ])('%s becomes %s', async (name, code) => {
    const { voice, steps } = harness({ permission: 'granted' });
    const started = voice.start();
    steps.microphone[0]?.reject(new DOMException('refused', name));
    await started;
    expect(voice.problem.value).toEqual({ code });
    expect(voice.status.value).toBe('idle');
  });

  it('where the page cannot ask, a tab asks, and recording starts once it is allowed', async () => {
    const { voice, steps, calls } = harness();
    const started = voice.start();
    steps.permission.resolve('prompt');
    await settle();
    steps.microphone[0]?.reject(new DOMException('dismissed', 'NotAllowedError'));
    await settle();
    expect(voice.status.value).toBe('waiting-for-tab');
    steps.tab.resolve(true);
    steps.microphone[1]?.resolve(new FakeStream() as unknown as MediaStream);
    await started;
    expect(calls).toEqual(['permission', 'microphone', 'tab', 'microphone', 'record']);
    expect(voice.status.value).toBe('recording');
  });

  it('a refusal in the tab is the denied message', async () => {
    const { voice, steps } = harness({ permission: 'prompt' });
    const started = voice.start();
    steps.microphone[0]?.reject(new DOMException('dismissed', 'NotAllowedError'));
    await settle();
    steps.tab.resolve(false);
    await started;
    expect(voice.problem.value).toEqual({ code: 'denied' });
  });

  it('a cancel while the tab asks leaves the later answer unused', async () => {
    const { voice, steps, calls } = harness({ permission: 'prompt' });
    const started = voice.start();
    steps.microphone[0]?.reject(new DOMException('dismissed', 'NotAllowedError'));
    await settle();
    await voice.stop(); // stopping before recording began is a cancel
    expect(voice.status.value).toBe('idle');
    steps.tab.resolve(true);
    await started;
    expect(calls).toEqual(['permission', 'microphone', 'tab']);
    expect(calls.filter((call) => call === 'microphone')).toHaveLength(1);
    expect(voice.status.value).toBe('idle');
    expect(voice.problem.value).toBeNull();
  });
});
