import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { resetNotes, takeResetNotes } from '../../lib/config/checked-item';
import { currentLanguage } from '../../lib/i18n/language';
import { optionsText } from '../../lib/i18n/messages/options';
import { isSettingName, settingNamesText } from '../../lib/i18n/messages/setting-names';

/** The settings' names in the language in use, listed its way ("a, b and c", "a und b"). */
function listed(notes: string[]): string {
  const names = notes.map((note) => (isSettingName(note) ? settingNamesText(note) : note));
  return new Intl.ListFormat(currentLanguage.value, { type: 'conjunction' }).format(names);
}

/**
 * Says, once, which stored settings could not be read and went back to their defaults. Notes
 * written while the page is open (its own reads may find one) are shown as they come.
 */
export function ResetNotice() {
  const notes = useSignal<string[]>([]);
  useEffect(() => {
    const take = () =>
      void takeResetNotes().then((taken) => {
        const fresh = taken.filter((note) => !notes.peek().includes(note));
        if (fresh.length > 0) notes.value = [...notes.peek(), ...fresh];
      });
    take();
    return resetNotes.watch((value) => {
      if (Array.isArray(value) && value.length > 0) take();
    });
  }, []);
  if (notes.value.length === 0) return null;
  return (
    <div class="card reset-notice" role="status">
      <strong>{optionsText('resetNotice')}</strong>{' '}
      {optionsText('resetList', { settings: listed(notes.value) })}
    </div>
  );
}
