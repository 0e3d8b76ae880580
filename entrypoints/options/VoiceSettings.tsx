import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { CheckedItem } from '../../lib/config/checked-item';
import { voiceText } from '../../lib/i18n/messages/voice';
import { readAnswersAloud, sendWhenTranscribed } from '../../lib/voice/settings';

function VoiceSwitch({
  item,
  label,
  hint,
}: {
  item: CheckedItem<boolean>;
  label: string;
  hint: string;
}) {
  const enabled = useSignal(false);
  useEffect(() => {
    void item.getValue().then((value) => {
      enabled.value = value;
    });
    return item.watch((value) => {
      enabled.value = value;
    });
  }, [item]);
  return (
    <>
      <label class="switch-row">
        <input
          type="checkbox"
          role="switch"
          aria-checked={enabled.value}
          checked={enabled.value}
          onChange={(event) => void item.setValue(event.currentTarget.checked)}
        />
        <span>{label}</span>
      </label>
      <p class="hint">{hint}</p>
    </>
  );
}

/** Spoken questions and heard answers in the side panel, saved as soon as they change. */
export function VoiceSettings() {
  return (
    <section class="card" aria-labelledby="voice-title">
      <h2 id="voice-title">{voiceText('settingsTitle')}</h2>
      <p class="muted">{voiceText('settingsIntro')}</p>
      <VoiceSwitch
        item={sendWhenTranscribed}
        label={voiceText('sendWhenTranscribed')}
        hint={voiceText('sendWhenTranscribedHint')}
      />
      <VoiceSwitch
        item={readAnswersAloud}
        label={voiceText('autoRead')}
        hint={voiceText('autoReadHint')}
      />
    </section>
  );
}
