import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { formatDollars } from '../lib/account/money';
import type { Words } from '../lib/i18n/define';
import { sendMessageLater } from '../lib/send-message-later';
import type { SpeechResult } from '../lib/speech/protocol';
import { type ReadingNotice, readingNotice } from '../lib/speech/reading-notice';
import { extentNote } from '../lib/speech/reading-plan';
import { IDLE_SPEECH_STATE, type SpeechState, watchSpeechState } from '../lib/speech/state';
import './speech-controls.css';
import { speechText } from '../lib/i18n/messages/speech';

type Command = 'speech.confirm' | 'speech.pause' | 'speech.resume' | 'speech.stop';

/** Read aloud's progress with Pause/Resume and Stop, or why it stopped; nothing when idle. */
export function SpeechControls() {
  const state = useSignal<SpeechState>(IDLE_SPEECH_STATE);
  const notice = useSignal<ReadingNotice | null>(null);
  const problem = useSignal<Words | null>(null);
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
      problem.value = () => speechText('noAnswer');
      return;
    }
    // The worker's words, in the language it follows: shown as they came.
    const said = result.ok ? null : result.message;
    problem.value = said === null ? null : () => said;
  };

  const { status, segment, total, message } = state.value;
  const reading = notice.value;
  if (reading?.awaitingConfirmation) {
    return (
      <section class="speech-controls" aria-label={speechText('region')}>
        <div class="speech-progress">
          <p>
            {reading.readChars < reading.totalChars
              ? speechText('confirmPart', { read: reading.readChars, count: reading.totalChars })
              : speechText('confirmAll', { count: reading.readChars })}
          </p>
          <p class="speech-note">
            {speechText('expectedCost', { cost: formatDollars(reading.estimatedDollars) })}
          </p>
        </div>
        <div class="speech-actions">
          <button type="button" class="btn btn-primary" onClick={() => send('speech.confirm')}>
            {speechText('readAloud')}
          </button>
          <button type="button" class="btn" onClick={() => send('speech.stop')}>
            {speechText('cancel')}
          </button>
        </div>
        {problem.value ? <p class="status-error">{problem.value()}</p> : null}
      </section>
    );
  }
  if (status === 'idle') return null;

  if (status === 'error') {
    return (
      <section class="speech-controls speech-controls-error" aria-label={speechText('region')}>
        <p role="alert">{message ?? speechText('stopped')}</p>
        <button type="button" class="btn" onClick={() => send('speech.stop')}>
          {speechText('dismiss')}
        </button>
      </section>
    );
  }

  const paused = status === 'paused';
  return (
    <section class="speech-controls" aria-label={speechText('region')}>
      <div class="speech-progress">
        <p role="status">
          {speechText(
            paused ? 'progressPaused' : status === 'loading' ? 'progressLoading' : 'progress',
            { segment, total },
          )}
        </p>
        {reading && extentNote(reading) ? <p class="speech-note">{extentNote(reading)}</p> : null}
      </div>
      <div class="speech-actions">
        <button
          type="button"
          class="btn"
          aria-label={speechText(paused ? 'resumeName' : 'pauseName')}
          onClick={() => send(paused ? 'speech.resume' : 'speech.pause')}
        >
          {speechText(paused ? 'resume' : 'pause')}
        </button>
        <button
          type="button"
          class="btn"
          aria-label={speechText('stopName')}
          onClick={() => send('speech.stop')}
        >
          {speechText('stop')}
        </button>
      </div>
      {problem.value ? <p class="status-error">{problem.value}</p> : null}
    </section>
  );
}
