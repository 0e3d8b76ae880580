/**
 * What a right-click or a keyboard command asks the side panel to do. The worker opens the panel
 * inside the click and leaves the action in `storage.session`; the panel of that window takes it
 * when it loads, or as soon as it appears (a storage watch, no timers).
 */
import { storage } from 'wxt/utils/storage';

export interface PageRef {
  title: string;
  url: string;
}

export type PageAction =
  /** `text` is already cut to fit a model; `omitted` counts what was cut. */
  | { kind: 'explain'; text: string; omitted: number; page: PageRef }
  | { kind: 'summarize'; text: string; omitted: number; page: PageRef }
  | { kind: 'describe-image'; srcUrl: string; tabId: number; frameId?: number; page: PageRef }
  /** The image goes into the panel's image composer, which asks what to change. */
  | { kind: 'edit-image'; srcUrl: string; tabId: number; frameId?: number; page: PageRef }
  /** An action that could not even start (no selection, a page scripts cannot run on…). */
  | { kind: 'failed'; title: string; message: string; page: PageRef };

export interface PendingAction {
  id: string;
  windowId: number;
  createdAt: number;
  action: PageAction;
}

/** An action not taken within this time was for a panel that never opened: dropped. */
const PENDING_LIFETIME_MS = 5 * 60_000;

export const pendingActions = storage.defineItem<PendingAction[]>('session:actions.pending', {
  fallback: [],
});

export async function queueAction(windowId: number, action: PageAction): Promise<void> {
  const queued = await pendingActions.getValue();
  const entry = { id: crypto.randomUUID(), windowId, createdAt: Date.now(), action };
  await pendingActions.setValue([...queued, entry]);
}

/** Removes and returns this window's actions, oldest first. */
export async function takeActions(windowId: number, now = Date.now()): Promise<PendingAction[]> {
  const queued = await pendingActions.getValue();
  const live = queued.filter((entry) => now - entry.createdAt < PENDING_LIFETIME_MS);
  const mine = live.filter((entry) => entry.windowId === windowId);
  if (mine.length > 0 || live.length !== queued.length) {
    await pendingActions.setValue(live.filter((entry) => entry.windowId !== windowId));
  }
  return mine;
}
