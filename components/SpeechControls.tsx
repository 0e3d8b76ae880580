import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { formatDollars } from '../lib/account/money';
import { sendMessageLater } from '../lib/send-message-later';
import type { SpeechResult } from '../lib/speech/protocol';
import { type ReadingNotice, readingNotice } from '../lib/speech/reading-notice';
import { extentNote } from '../lib/speech/reading-plan';
import { IDLE_SPEECH_STATE, type SpeechState, watchSpeechState } from '../lib/speech/state';
import './speech-controls.css';

type Command = 'speech.confirm' | 'speech.pause' | 'speech.resume' | 'speech.stop';

/** Read aloud's progress with Pause/Resume and Stop, or why it stopped; nothing when idle. */
export function SpeechControls() {
  const state = useSignal<SpeechState>(IDLE_SPEECH_STATE);
  const notice = useSignal<ReadingNotice | null>(null);
  const problem = useSignal('');
  useEffect(() => {
    const unwatchState = watchSpeechState((next) => {
      state.value = next;
    });
    const showNotice = (next: ReadingNotice | null) => {
      notice.value = next;
    };
    void readingNotice.getValue().then(showNotice);
    const unwatchNotice = readingNotice.watch(showNotice);
    return () => {
      unwatchState();
      unwatchNotice();
    };
  }, []);

  const send = async (command: Command) => {
    let result: SpeechResult;
    try {
      result = await sendMessageLater(command);
    } catch {
      result = { ok: false, code: 'unavailable', message: 'Passlight did not answer. Try again.' };
    }
    problem.value = result.ok ? '' : result.message;
  };

  const { status, segment, total, message } = state.value;
  const reading = notice.value;
  if (reading?.awaitingConfirmation) {
    const count = (n: number) => n.toLocaleString('en-US');
    return (
      <section class="speech-controls" aria-label="Read aloud">
        <div class="speech-progress">
          <p>
            {reading.readChars < reading.totalChars
              ? `Read the first ${count(reading.readChars)} of ${count(reading.totalChars)} characters aloud?`
              : `Read ${count(reading.readChars)} characters aloud?`}
          </p>
          <p class="speech-note">
            Expected cost: about {formatDollars(reading.estimatedDollars)}, from your balance.
          </p>
        </div>
        <div class="speech-actions">
          <button type="button" class="btn btn-primary" onClick={() => send('speech.confirm')}>
            Read aloud
          </button>
          <button type="button" class="btn" onClick={() => send('speech.stop')}>
            Cancel
          </button>
        </div>
        {problem.value ? <p class="status-error">{problem.value}</p> : null}
      </section>
    );
  }
  if (status === 'idle') return null;

  if (status === 'error') {
    return (
      <section class="speech-controls speech-controls-error" aria-label="Read aloud">
        <p role="alert">{message ?? 'Reading aloud stopped.'}</p>
        <button type="button" class="btn" onClick={() => send('speech.stop')}>
          Dismiss
        </button>
      </section>
    );
  }

  const paused = status === 'paused';
  return (
    <section class="speech-controls" aria-label="Read aloud">
      <div class="speech-progress">
        <p role="status">
          Reading aloud — part {segment} of {total}
          {paused ? ' (paused)' : status === 'loading' ? ' (loading…)' : ''}
        </p>
        {reading && extentNote(reading) ? <p class="speech-note">{extentNote(reading)}</p> : null}
      </div>
      <div class="speech-actions">
        <button
          type="button"
          class="btn"
          aria-label={paused ? 'Resume reading aloud' : 'Pause reading aloud'}
          onClick={() => send(paused ? 'speech.resume' : 'speech.pause')}
        >
          {paused ? 'Resume' : 'Pause'}
        </button>
        <button
          type="button"
          class="btn"
          aria-label="Stop reading aloud"
          onClick={() => send('speech.stop')}
        >
          Stop
        </button>
      </div>
      {problem.value ? <p class="status-error">{problem.value}</p> : null}
    </section>
  );
}
