import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import {
  isSpeechVoice,
  loadSpeechPreferences,
  SPEECH_SPEED,
  SPEECH_VOICES,
  speechSpeed,
  speechVoice,
} from '../../lib/config/settings';
import { currentLanguage } from '../../lib/i18n/current';
import { optionsText } from '../../lib/i18n/messages/options';
import './read-aloud-settings.css';

/** One decimal, in the language's own way (1.5× in English, 1,5× in German). */
const formatSpeed = (speed: number) =>
  `${new Intl.NumberFormat(currentLanguage.value, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(speed)}×`;

/** The voice and speed Read aloud uses, saved as soon as they change. */
export function ReadAloudSettings() {
  const voice = useSignal<string>(SPEECH_VOICES[0]);
  const speed = useSignal<number>(SPEECH_SPEED.normal);
  useEffect(() => {
    const show = () =>
      void loadSpeechPreferences().then((preferences) => {
        voice.value = preferences.voice;
        speed.value = preferences.speed;
      });
    show();
    const unwatchVoice = speechVoice.watch(show);
    const unwatchSpeed = speechSpeed.watch(show);
    return () => {
      unwatchVoice();
      unwatchSpeed();
    };
  }, []);

  return (
    <section class="card read-aloud-settings" aria-labelledby="read-aloud-title">
      <h2 id="read-aloud-title">{optionsText('readAloudTitle')}</h2>
      <p class="muted">{optionsText('readAloudLead')}</p>
      <div class="field">
        <label for="speech-voice">{optionsText('voice')}</label>
        <select
          id="speech-voice"
          value={voice.value}
          onChange={(event) => {
            const chosen = event.currentTarget.value;
            if (isSpeechVoice(chosen)) void speechVoice.setValue(chosen);
          }}
        >
          {SPEECH_VOICES.map((name) => (
            <option key={name} value={name}>
              {name[0]?.toUpperCase()}
              {name.slice(1)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="speech-speed">{optionsText('speed')}</label>
        <div class="speed-row">
          <input
            id="speech-speed"
            type="range"
            min={SPEECH_SPEED.min}
            max={SPEECH_SPEED.max}
            step={SPEECH_SPEED.step}
            value={speed.value}
            aria-valuetext={formatSpeed(speed.value)}
            aria-describedby="speech-speed-hint"
            onInput={(event) => {
              speed.value = event.currentTarget.valueAsNumber;
            }}
            onChange={(event) => void speechSpeed.setValue(event.currentTarget.valueAsNumber)}
          />
          <output for="speech-speed">{formatSpeed(speed.value)}</output>
        </div>
        <span id="speech-speed-hint" class="hint">
          {optionsText('speedHint', {
            min: formatSpeed(SPEECH_SPEED.min),
            max: formatSpeed(SPEECH_SPEED.max),
            normal: formatSpeed(SPEECH_SPEED.normal),
          })}
        </span>
      </div>
    </section>
  );
}
