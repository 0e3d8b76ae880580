/**
 * Where Read aloud stands, for every page to show: kept in `storage.session` and watched, never
 * polled. It holds no text and no secret, only the status and the position.
 *
 * The offscreen document cannot use `chrome.storage` (only `chrome.runtime`), so it sends its
 * state to the background, which writes it here.
 */
import { storage } from 'wxt/utils/storage';

import type { SpeechState, SpeechStatus } from './protocol';

export type { SpeechState, SpeechStatus } from './protocol';

export const SPEECH_STATUSES = [
  'idle',
  'loading',
  'playing',
  'paused',
  'error',
] as const satisfies readonly SpeechStatus[];

export const IDLE_SPEECH_STATE: SpeechState = Object.freeze({
  status: 'idle',
  segment: 0,
  total: 0,
});

export const speechState = storage.defineItem<SpeechState>('session:speech.state', {
  fallback: IDLE_SPEECH_STATE,
});

/** A state received in a message, checked field by field; undefined if it is not one. */
export function parseSpeechState(value: unknown): SpeechState | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { status, segment, total, message } = value as Record<string, unknown>;
  const isCount = (count: unknown): count is number =>
    Number.isInteger(count) && Number(count) >= 0;
  if (!SPEECH_STATUSES.includes(status as SpeechStatus) || !isCount(segment) || !isCount(total)) {
    return undefined;
  }
  const state: SpeechState = { status: status as SpeechStatus, segment, total };
  if (typeof message === 'string' && message !== '') state.message = message;
  return state;
}

/** Calls back with the current state now and after every change, in any context. */
export function watchSpeechState(callback: (state: SpeechState) => void): () => void {
  let changed = false;
  const unwatch = speechState.watch((state) => {
    changed = true;
    callback(state ?? IDLE_SPEECH_STATE);
  });
  // A change seen while the first read was on its way is newer than what that read returns.
  void speechState.getValue().then((state) => {
    if (!changed) callback(state);
  });
  return unwatch;
}
