import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { sendMessage } from '../lib/messages';
import type { SpeechResult } from '../lib/speech/protocol';
import { IDLE_SPEECH_STATE, type SpeechState, watchSpeechState } from '../lib/speech/state';
import './speech-controls.css';

type Command = 'speech.pause' | 'speech.resume' | 'speech.stop';

/** Read aloud's progress with Pause/Resume and Stop, or why it stopped; nothing when idle. */
export function SpeechControls() {
  const state = useSignal<SpeechState>(IDLE_SPEECH_STATE);
  const problem = useSignal('');
  useEffect(
    () =>
      watchSpeechState((next) => {
        state.value = next;
      }),
    [],
  );

  const send = async (command: Command) => {
    let result: SpeechResult;
    try {
      result = await sendMessage(command);
    } catch {
      result = { ok: false, code: 'unavailable', message: 'Passlight did not answer. Try again.' };
    }
    problem.value = result.ok ? '' : result.message;
  };

  const { status, segment, total, message } = state.value;
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
      <p class="speech-progress" role="status">
        Reading aloud — part {segment} of {total}
        {paused ? ' (paused)' : status === 'loading' ? ' (loading…)' : ''}
      </p>
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
