/**
 * The composer sends one question at a time: Enter pressed again (or Send clicked) before the
 * first has been stored and its answer started is refused, not queued behind it. Queued, it
 * would still hold the text it was sent with after the composer was cleared, and go out as a
 * second question if the first answer had ended by its turn (as when the model list is being
 * fetched again meanwhile).
 */
export type SendOnce = (send: () => Promise<boolean>) => Promise<boolean>;

export function oneSendAtATime(): SendOnce {
  let underWay = false;
  return async (send) => {
    if (underWay) return false;
    underWay = true;
    try {
      return await send();
    } finally {
      underWay = false;
    }
  };
}
