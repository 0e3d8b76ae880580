/**
 * A `storage.local` item whose every read is checked against its schema. A value that does not
 * fit is removed, so its default takes its place, and a note says so once on the options page.
 * Nothing crashes on a hand-edited profile, a downgrade or a bug.
 */
import { storage } from 'wxt/utils/storage';
import type { SettingName } from '../i18n/messages/setting-names';
import { arrayOf, type Check, isString } from './schema';

/** Only `storage.local` is checked: session data is written by this extension alone. */
export type LocalKey = `local:${string}`;

export interface CheckedItem<T> {
  readonly key: LocalKey;
  readonly fallback: T;
  readonly check: Check<T>;
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  removeValue(): Promise<void>;
  /** Calls back with each new value, or the default when the new value does not fit. */
  watch(callback: (value: T) => void): () => void;
}

/** What was reset, by what the options page calls it, until the page has shown it. */
export const resetNotes = storage.defineItem<unknown>('local:settings.resetNotes', {
  fallback: [],
});

const isNoteList = arrayOf(isString({ max: 200 }), { max: 50 });

/**
 * Notes are read and written one change after another in a context, so two keys reset at once
 * both stay noted, and a note written while the options page takes them is not lost.
 */
let noteChanges: Promise<unknown> = Promise.resolve();

function changeNotes<T>(change: (notes: string[]) => Promise<T>): Promise<T> {
  const next = noteChanges.then(async () => {
    const notes = await resetNotes.getValue();
    return change(isNoteList(notes) ? notes : []);
  });
  // A change that failed must not stop the next one.
  noteChanges = next.catch(() => undefined);
  return next;
}

export function takeResetNotes(): Promise<string[]> {
  return changeNotes(async (notes) => {
    if (notes.length > 0) await resetNotes.removeValue();
    return notes;
  });
}

function noteReset(label: string): Promise<void> {
  return changeNotes(async (notes) => {
    if (!notes.includes(label)) await resetNotes.setValue([...notes, label]);
  }).catch(() => undefined);
}

export function defineCheckedItem<T>(
  key: LocalKey,
  options: {
    fallback: T;
    check: Check<T>;
    /**
     * What the options page calls it when it had to be reset: "the providers you added", a name
     * in `lib/i18n/messages/setting-names.ts`, where its translations are.
     */
    label: SettingName;
    version?: number;
  },
): CheckedItem<T> {
  const { fallback, check, label, version = 1 } = options;
  // Stored as `unknown`: the type is only known once the value passed its check.
  const item = storage.defineItem<unknown>(key, { fallback, version });
  const valid = (value: unknown): T => (check(value) ? value : fallback);
  return {
    key,
    fallback,
    check,
    async getValue() {
      const value = await item.getValue();
      if (check(value)) return value;
      await Promise.all([item.removeValue(), noteReset(label)]);
      return fallback;
    },
    setValue: (value) => item.setValue(value),
    removeValue: () => item.removeValue(),
    watch: (callback) => item.watch((value) => callback(valid(value))),
  };
}
