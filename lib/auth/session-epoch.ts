/**
 * The identity of each provider's session, and the one-at-a-time order of its writes.
 *
 * A session's epoch changes when a session begins (sign-in, restore) and when one ends (sign-out,
 * the server ending it). A write started for one epoch (a refresh, a sign-in) lands only if the
 * epoch is still the same when its answer arrives: a sign-out is final, and no answer that comes
 * back after it can bring a token back. Every read-compare-write runs in `exclusive`, so no other
 * write of the same provider's session can slip between the comparison and the write.
 *
 * Both live in the worker's memory: a worker that stops takes every request in flight with it,
 * so no answer can arrive for an epoch a new worker does not know.
 */

const epochs = new Map<string, number>();
const queues = new Map<string, Promise<unknown>>();

/** The provider's current session epoch. */
export function sessionEpoch(providerId: string): number {
  return epochs.get(providerId) ?? 0;
}

/** Starts a new epoch at once, before any await: what was under way for the old one is void. */
export function advanceEpoch(providerId: string): number {
  const next = sessionEpoch(providerId) + 1;
  epochs.set(providerId, next);
  return next;
}

/** Runs `work` after every earlier session write of this provider has finished, and alone. */
export function exclusive<T>(providerId: string, work: () => Promise<T>): Promise<T> {
  const earlier = queues.get(providerId) ?? Promise.resolve();
  const result = earlier.then(work);
  // The queue goes on after a failed write; the failure is the caller's to handle.
  queues.set(
    providerId,
    result.catch(() => undefined),
  );
  return result;
}
