/**
 * Changes to what earlier versions stored, run once when Passlight is updated
 * (`runtime.onInstalled` with reason `update`), through WXT storage's versioned migrations. On a
 * fresh install there is nothing to change: each key is only stamped with its current version,
 * so a later update starts from the right step. The background alone imports this module.
 *
 * Each step is frozen: it states the change it makes and never imports live constants, which may
 * change after it was written.
 */
import { storage } from 'wxt/utils/storage';

interface StoredChange {
  key: `local:${string}`;
  /** The version the value has after every step below. */
  version: number;
  migrations: Record<number, (stored: unknown) => unknown>;
}

/**
 * v1 → v2: the read-aloud speed was clamped into 0.5–2 on every read; the schema now refuses a
 * speed outside it, so an old value is clamped once instead of being reset.
 */
function clampSpeechSpeedV2(stored: unknown): unknown {
  return typeof stored === 'number' && Number.isFinite(stored)
    ? Math.min(2, Math.max(0.5, stored))
    : stored;
}

export const STORED_CHANGES: readonly StoredChange[] = [
  { key: 'local:settings.speechSpeed', version: 2, migrations: { 2: clampSpeechSpeedV2 } },
];

export async function applyStoredChanges(reason: 'install' | 'update' | string): Promise<void> {
  if (reason !== 'install' && reason !== 'update') return;
  await Promise.all(
    STORED_CHANGES.map(async ({ key, version, migrations }) => {
      if (reason === 'install') {
        await storage.setMeta(key, { v: version });
        return;
      }
      // Defining the item with its migrations runs them; reading waits until they are done.
      await storage.defineItem<unknown>(key, { version, migrations }).getValue();
    }),
  );
}
