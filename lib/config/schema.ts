/**
 * Small type guards that compose into one schema per stored key. Stored data comes from a
 * profile that may have been edited by hand, written by an older or newer Passlight, or by a
 * bug: each read is checked against the shape the code expects.
 */
export type Check<T> = (value: unknown) => value is T;

/** Long enough for any URL, id or name Passlight stores; a longer string is not ours. */
const MAX_STRING = 4096;

export function isString(options: { max?: number; pattern?: RegExp } = {}): Check<string> {
  const { max = MAX_STRING, pattern } = options;
  return (value): value is string =>
    typeof value === 'string' && value.length <= max && (!pattern || pattern.test(value));
}

export const isBoolean: Check<boolean> = (value): value is boolean => typeof value === 'boolean';

export function isNumber(options: { min?: number; max?: number } = {}): Check<number> {
  const { min = -Infinity, max = Infinity } = options;
  return (value): value is number =>
    typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
}

export function oneOf<const T extends string>(values: readonly T[]): Check<T> {
  return (value): value is T => values.includes(value as T);
}

export function nullable<T>(check: Check<T>): Check<T | null> {
  return (value): value is T | null => value === null || check(value);
}

export function arrayOf<T>(check: Check<T>, options: { max?: number } = {}): Check<T[]> {
  const { max = 1000 } = options;
  return (value): value is T[] =>
    Array.isArray(value) && value.length <= max && value.every((item) => check(item));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An object with string keys (checked by `key`) and values of one shape. */
export function recordOf<T>(
  check: Check<T>,
  options: { key?: Check<string>; max?: number } = {},
): Check<Record<string, T>> {
  const { key = isString({ max: 512 }), max = 5000 } = options;
  return (value): value is Record<string, T> => {
    if (!isPlainObject(value)) return false;
    const entries = Object.entries(value);
    return entries.length <= max && entries.every(([name, item]) => key(name) && check(item));
  };
}

/** An object with exactly these fields (optional ones are marked by `optional`). */
export function shape<T extends object>(
  fields: { [K in keyof T]-?: Check<T[K]> },
  optional: ReadonlyArray<keyof T> = [],
): Check<T> {
  const names = Object.keys(fields) as Array<keyof T & string>;
  return (value): value is T => {
    if (!isPlainObject(value)) return false;
    if (Object.keys(value).some((name) => !(name in fields))) return false;
    return names.every((name) =>
      value[name] === undefined ? optional.includes(name) : fields[name](value[name]),
    );
  };
}
