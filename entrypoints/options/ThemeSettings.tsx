import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import {
  isThemeChoice,
  THEME_CHOICES,
  type ThemeChoice,
  themeChoice,
} from '../../lib/config/theme';
import { optionsText } from '../../lib/i18n/messages/options';
import { ChoiceRow } from './ChoiceRow';

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
      <ChoiceRow
        name="theme"
        legend={optionsText('appearanceLead')}
        choices={THEME_CHOICES}
        chosen={chosen.value}
        labelOf={(choice) => optionsText(LABEL_KEYS[choice])}
        onChoose={(choice) => {
          chosen.value = choice;
          void themeChoice.setValue(choice);
        }}
      />
    </section>
  );
}
