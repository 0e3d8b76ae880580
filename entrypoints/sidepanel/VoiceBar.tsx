/**
 * What a spoken question shows above the composer: the level meter while recording, the
 * transcription under way, what it cost, or what went wrong. Loaded on the first press of the
 * microphone, with the recording code (see voice-button.tsx).
 */
import { useEffect, useRef } from 'preact/hooks';
import { formatDollars } from '../../lib/account/money';
import { voiceText } from '../../lib/i18n/messages/voice';
import { voiceButtonText } from '../../lib/i18n/messages/voice-buttons';
import {
  createPanelVoice,
  type PanelVoice,
  type PanelVoiceHooks,
} from '../../lib/voice/panel-voice';
import { VOICE_SHORTCUT_LABEL } from '../../lib/voice/shortcut';
import { megabytes } from '../../lib/voice/size-limit';
import type { VoiceProblem } from '../../lib/voice/voice-input';
import type { ChatModel } from './chat-model';
import { ErrorNotice } from './ErrorNotice';
import './voice.css';

export { createPanelVoice, type PanelVoice, type PanelVoiceHooks };

/** The meter's bar reaches full width well below full scale: speech rarely passes 0.3 RMS. */
const METER_GAIN = 4;

function problemText(problem: VoiceProblem, limitBytes: number): string {
  const limit = megabytes(limitBytes);
  switch (problem.code) {
    case 'denied':
      return voiceText('denied');
    case 'no-microphone':
      return voiceText('noMicrophone');
    case 'microphone-busy':
      return voiceText('microphoneBusy');
    case 'microphone-error':
      return voiceText('microphoneError');
    case 'no-model':
      return voiceText('noModel');
    case 'silence':
      return voiceText('silence');
    case 'nothing-heard':
      return voiceText('nothingHeard');
    case 'too-large':
      return voiceText('tooLarge', { size: megabytes(problem.sizeBytes ?? 0), limit });
    case 'transcription':
      return problem.detail
        ? voiceText('transcriptionFailed', { reason: problem.detail })
        : voiceText('transcriptionFailedPlain');
  }
}

function LevelMeter({ voice }: { voice: PanelVoice }) {
  const meter = useRef<HTMLMeterElement>(null);
  const seconds = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const startedAt = performance.now();
    let frame = requestAnimationFrame(function draw() {
      const level = Math.min(1, Math.sqrt(voice.input.level() * METER_GAIN));
      if (meter.current) meter.current.value = level;
      if (seconds.current) {
        seconds.current.textContent = voiceText('recording', {
          seconds: Math.floor((performance.now() - startedAt) / 1000),
        });
      }
      frame = requestAnimationFrame(draw);
    });
    return () => cancelAnimationFrame(frame);
  }, [voice]);
  return (
    <div class="voice-recording">
      <span class="voice-dot" aria-hidden="true" />
      <span ref={seconds} class="voice-time">
        {voiceText('recording', { seconds: 0 })}
      </span>
      <meter
        ref={meter}
        class="voice-meter"
        aria-label={voiceText('level')}
        min={0}
        max={1}
        value={0}
      />
    </div>
  );
}

export function VoiceBar({ voice, chat }: { voice: PanelVoice; chat: ChatModel }) {
  const { input } = voice;
  const status = input.status.value;
  const problem = input.problem.value;

  // Escape cancels a recording (or a transcription) wherever the focus is.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && input.status.peek() !== 'idle') input.cancel();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [input]);

  const cancel = (
    <button type="button" class="btn" onClick={input.cancel}>
      {voiceText('cancel')}
    </button>
  );

  if (status === 'recording') {
    return (
      <section class="voice-bar" aria-label={voiceButtonText('speak')}>
        <LevelMeter voice={voice} />
        <p class="voice-hint">{voiceText('stopHint', { shortcut: VOICE_SHORTCUT_LABEL })}</p>
        <div class="voice-actions">
          {voice.models.value.length > 1 ? (
            <label class="voice-model">
              <span>{voiceText('modelLabel')}</span>
              <select
                value={voice.model.value}
                onChange={(event) => void voice.pickModel(event.currentTarget.value)}
              >
                {voice.models.value.map((id) => (
                  <option key={id} value={id}>
                    {id}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          {cancel}
        </div>
      </section>
    );
  }
  if (status !== 'idle') {
    const words =
      status === 'sending'
        ? voiceText('sending')
        : status === 'waiting-for-tab'
          ? voiceText('waitingForTab')
          : voiceText('opening');
    return (
      <section class="voice-bar" aria-label={voiceButtonText('speak')}>
        <p role="status">{words}</p>
        <div class="voice-actions">{cancel}</div>
      </section>
    );
  }
  if (problem) {
    const apiCode = problem.apiCode;
    if (apiCode === 'budget-exhausted' || apiCode === 'signed-out') {
      return (
        <ErrorNotice
          chat={chat}
          error={{ code: apiCode, message: problem.detail ?? '' }}
          canRetry={false}
        />
      );
    }
    return (
      <section class="voice-bar voice-problem" aria-label={voiceButtonText('speak')}>
        <p class="status-error" role="alert">
          {problemText(problem, voice.limitBytes)}
        </p>
        <div class="voice-actions">
          <button type="button" class="btn" onClick={input.dismissProblem}>
            {voiceText('dismiss')}
          </button>
        </div>
      </section>
    );
  }
  const done = voice.lastTranscription.value;
  if (!done) return null;
  return (
    <p class="voice-done message-note" role="status">
      {done.cost === undefined
        ? voiceText('transcribedWith', { model: done.model })
        : voiceText('transcribedCost', { model: done.model, cost: formatDollars(done.cost) })}
      {input.cutAtLimit.value
        ? ` ${voiceText('cutAtLimit', { limit: megabytes(voice.limitBytes) })}`
        : ''}
    </p>
  );
}
