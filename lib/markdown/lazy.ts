/**
 * A module loaded the first time an answer needs it (KaTeX, the highlighter), so that first
 * paint never waits for it. Until it is there, what needs it shows a plain fallback and is
 * upgraded once it arrives, if it is still on screen.
 */
export interface Lazy<T> {
  /** The module if it has arrived, else undefined (and it is asked for). */
  now(): T | undefined;
  /** Runs `upgrade` once the module is there. */
  whenLoaded(upgrade: (module: T) => void): void;
  /** The module, loading it if needed. */
  load(): Promise<T>;
}

export function lazy<T>(importer: () => Promise<T>): Lazy<T> {
  let loaded: T | undefined;
  let loading: Promise<T> | undefined;
  const load = () => {
    loading ??= importer().then(
      (module) => {
        loaded = module;
        return module;
      },
      (error: unknown) => {
        loading = undefined; // a later answer may try again
        throw error;
      },
    );
    return loading;
  };
  return {
    now() {
      if (loaded === undefined) void load().catch(() => undefined);
      return loaded;
    },
    whenLoaded(upgrade) {
      // Without the module, the fallback stays: nothing else to do.
      load().then(upgrade, () => undefined);
    },
    load,
  };
}
