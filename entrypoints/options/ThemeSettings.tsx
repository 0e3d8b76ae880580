import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import {
  isThemeChoice,
  THEME_CHOICES,
  type ThemeChoice,
  themeChoice,
} from '../../lib/config/theme';
import { optionsText } from '../../lib/i18n/messages/options';
import './theme-settings.css';

const LABEL_KEYS = {
  system: 'themeSystem',
  light: 'themeLight',
  dark: 'themeDark',
} as const satisfies Record<ThemeChoice, string>;

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
      <h2 id="theme-title">{optionsText('appearanceTitle')}</h2>
      <fieldset class="theme-choices">
        <legend class="muted">{optionsText('appearanceLead')}</legend>
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
            <span>{optionsText(LABEL_KEYS[choice])}</span>
          </label>
        ))}
      </fieldset>
    </section>
  );
}
