/**
 * A `storage.local` item whose every read is checked against its schema. A value that does not
 * fit is removed, so its default takes its place, and a note says so once on the options page.
 * Nothing crashes on a hand-edited profile, a downgrade or a bug.
 */
import { storage } from 'wxt/utils/storage';
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

export async function takeResetNotes(): Promise<string[]> {
  const notes = await resetNotes.getValue();
  await resetNotes.removeValue();
  return isNoteList(notes) ? notes : [];
}

/** Notes are added one after another, so two keys reset at once both stay noted. */
let noting: Promise<void> = Promise.resolve();

function noteReset(label: string): Promise<void> {
  noting = noting
    .then(async () => {
      const notes = await resetNotes.getValue();
      const list = isNoteList(notes) ? notes : [];
      if (!list.includes(label)) await resetNotes.setValue([...list, label]);
    })
    .catch(() => undefined); // A note that could not be written must not stop the next one.
  return noting;
}

/** Every checked key, for the test that each stored key has its schema. */
export const CHECKED_KEYS = new Set<LocalKey>();

export function defineCheckedItem<T>(
  key: LocalKey,
  options: {
    fallback: T;
    check: Check<T>;
    /** What the options page calls it when it had to be reset: "the providers you added". */
    label: string;
    version?: number;
  },
): CheckedItem<T> {
  const { fallback, check, label, version = 1 } = options;
  // Stored as `unknown`: the type is only known once the value passed its check.
  const item = storage.defineItem<unknown>(key, { fallback, version });
  CHECKED_KEYS.add(key);
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
