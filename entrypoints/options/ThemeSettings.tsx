import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import {
  isThemeChoice,
  THEME_CHOICES,
  type ThemeChoice,
  themeChoice,
} from '../../lib/config/theme';
import './theme-settings.css';

const LABELS: Record<ThemeChoice, string> = {
  system: 'System',
  light: 'Light',
  dark: 'Dark',
};

/** System, Light or Dark, applied to every Passlight page as soon as it is picked. */
export function ThemeSettings() {
  const chosen = useSignal<ThemeChoice>('system');
  useEffect(() => {
    const show = (value: unknown) => {
      chosen.value = isThemeChoice(value) ? value : 'system';
    };
    void themeChoice.getValue().then(show);
    return themeChoice.watch(show);
  }, []);

  return (
    <section class="card" aria-labelledby="theme-title">
      <h2 id="theme-title">Appearance</h2>
      <fieldset class="theme-choices">
        <legend class="muted">
          Colours of Passlight’s pages: the system’s, or always one of them.
        </legend>
        {THEME_CHOICES.map((choice) => (
          <label key={choice} class="theme-choice">
            <input
              type="radio"
              name="theme"
              value={choice}
              checked={chosen.value === choice}
              onChange={() => {
                chosen.value = choice;
                void themeChoice.setValue(choice);
              }}
            />
            <span>{LABELS[choice]}</span>
          </label>
        ))}
      </fieldset>
    </section>
  );
}
