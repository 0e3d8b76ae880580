import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { staySignedIn } from '../../lib/config/settings';
import { optionsText } from '../../lib/i18n/messages/options';

/** The "Stay signed in" switch, with its trade-off said next to it. */
export function StaySignedIn() {
  const enabled = useSignal(false);
  useEffect(() => {
    void staySignedIn.getValue().then((value) => {
      enabled.value = value;
    });
    return staySignedIn.watch((value) => {
      enabled.value = value;
    });
  }, []);

  return (
    <section class="card" aria-labelledby="session-title">
      <h2 id="session-title">{optionsText('sessionTitle')}</h2>
      <label class="switch-row">
        <input
          type="checkbox"
          role="switch"
          aria-checked={enabled.value}
          checked={enabled.value}
          onChange={(event) => void staySignedIn.setValue(event.currentTarget.checked)}
        />
        <span>{optionsText('staySignedIn')}</span>
      </label>
      <p class="hint">{optionsText('staySignedInHint')}</p>
    </section>
  );
}
