import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { staySignedIn } from '../../lib/config/settings';

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
      <h2 id="session-title">Session</h2>
      <label class="switch-row">
        <input
          type="checkbox"
          role="switch"
          aria-checked={enabled.value}
          checked={enabled.value}
          onChange={(event) => void staySignedIn.setValue(event.currentTarget.checked)}
        />
        <span>Stay signed in after the browser restarts</span>
      </label>
      <p class="hint">
        Off: your session lives only in memory and ends when the browser closes; Passlight then
        tries to sign you back in quietly through your provider. On: Passlight also keeps its
        renewal token on this computer’s disk, so you stay signed in, but anyone who can copy your
        browser profile could use your account until you sign out.
      </p>
    </section>
  );
}
