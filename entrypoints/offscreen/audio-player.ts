/** Plays clips given as object URLs through one `<audio>` element. */
import type { ClipPlayer } from '../../lib/speech/player-queue';

/** `play()` rejects with this when a pause or a new source interrupts it: not a failure. */
const INTERRUPTED = 'AbortError';

export function createAudioPlayer(audio: HTMLAudioElement = new Audio()): ClipPlayer<string> {
  /** Settles the clip being played; undefined when none is. */
  let settle: ((error?: unknown) => void) | undefined;

  const start = () => {
    audio.play().catch((error: unknown) => {
      if (!(error instanceof DOMException && error.name === INTERRUPTED)) settle?.(error);
    });
  };

  return {
    play(url, onPlaying) {
      settle?.();
      return new Promise<void>((resolve, reject) => {
        const onError = () =>
          finish(new Error(`The audio element failed (media error ${audio.error?.code ?? '?'}).`));
        const onEnded = () => finish();
        const finish = (error?: unknown) => {
          settle = undefined;
          audio.removeEventListener('playing', onPlaying);
          audio.removeEventListener('ended', onEnded);
          audio.removeEventListener('error', onError);
          if (error === undefined) resolve();
          else reject(error);
        };
        settle = finish;
        audio.addEventListener('playing', onPlaying, { once: true });
        audio.addEventListener('ended', onEnded);
        audio.addEventListener('error', onError);
        audio.src = url;
        start();
      });
    },
    pause() {
      audio.pause();
    },
    resume() {
      if (settle) start();
    },
    stop() {
      audio.pause();
      settle?.();
    },
  };
}
