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
import './theme-settings.css';

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
      <fieldset class="theme-choices">
        <legend class="muted">{optionsText('languageLead')}</legend>
        {LANGUAGE_CHOICES.map((choice) => (
          <label key={choice} class="theme-choice">
            <input
              type="radio"
              name="language"
              value={choice}
              checked={chosen.value === choice}
              onChange={() => {
                chosen.value = choice;
                void languageChoice.setValue(choice);
              }}
            />
            <span lang={choice === 'browser' ? undefined : choice}>{labelOf(choice)}</span>
          </label>
        ))}
      </fieldset>
    </section>
  );
}
