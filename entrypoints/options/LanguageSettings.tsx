import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { languageChoice } from '../../lib/i18n/current';
import {
  browserLanguage,
  LANGUAGE_CHOICES,
  LANGUAGE_NAMES,
  type LanguageChoice,
} from '../../lib/i18n/language';
import { optionsText } from '../../lib/i18n/messages/options';
import { ChoiceRow } from './ChoiceRow';

/**
 * The browser's language or one of Passlight's, applied to every page and the menus as soon as
 * it is picked. Each language is named in itself, so a person can find their own whatever the
 * page speaks now.
 */
export function LanguageSettings() {
  const chosen = useSignal<LanguageChoice>('browser');
  useEffect(() => {
    const show = (value: LanguageChoice) => {
      chosen.value = value;
    };
    void languageChoice.getValue().then(show);
    return languageChoice.watch(show);
  }, []);

  const labelOf = (choice: LanguageChoice) =>
    choice === 'browser'
      ? optionsText('languageBrowser', { language: LANGUAGE_NAMES[browserLanguage()] })
      : LANGUAGE_NAMES[choice];

  return (
    <section class="card" aria-labelledby="language-title">
      <h2 id="language-title">{optionsText('languageTitle')}</h2>
      <ChoiceRow
        name="language"
        legend={optionsText('languageLead')}
        choices={LANGUAGE_CHOICES}
        chosen={chosen.value}
        labelOf={labelOf}
        langOf={(choice) => (choice === 'browser' ? undefined : choice)}
        onChoose={(choice) => {
          chosen.value = choice;
          void languageChoice.setValue(choice);
        }}
      />
    </section>
  );
}
