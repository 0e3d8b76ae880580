/**
 * What a screen reader hears when an answer ends. The answer's own text is not live (it would be
 * read piece by piece as it streams): one polite status says once that it finished, stopped or
 * failed, and the person reads the answer where it stands. A failure's reason is the answer's own
 * alert, read out as it appears, so the status does not repeat it. The ending is kept as a status
 * and put in words where it is shown, so a status already given follows a change of language.
 */
import { computed, effect, type ReadonlySignal } from '@preact/signals';
import { panelText } from '../i18n/messages/panel';
import type { LiveMessage } from './live-message';
import type { MessageStatus } from './records';

const ENDINGS = {
  complete: 'answerFinished',
  stopped: 'answerStopped',
  interrupted: 'answerCutShort',
  error: 'answerFailed',
} as const satisfies Record<Exclude<MessageStatus, 'streaming'>, string>;

/** How an answer ended. */
export type AnswerEnding = keyof typeof ENDINGS;

/** The words for how an answer ended, in the current language. */
export function endingWords(ending: AnswerEnding): string {
  return panelText(ENDINGS[ending]);
}

/**
 * Calls `announce(null)` when an answer starts (so the same ending twice in a row is heard twice)
 * and `announce(ending)` once when it stops streaming. Returns the cleanup.
 */
export function watchAnswerEnds(
  messages: ReadonlySignal<readonly LiveMessage[]>,
  runningId: ReadonlySignal<string | null>,
  announce: (ending: AnswerEnding | null) => void,
): () => void {
  // The same answer object while it runs, whatever else the list does meanwhile.
  const running = computed(() => messages.value.find((m) => m.id === runningId.value) ?? null);
  return effect(() => {
    const answer = running.value;
    if (!answer) return;
    announce(null);
    let announced = false;
    return effect(() => {
      const status = answer.status.value;
      if (announced || status === 'streaming') return;
      announced = true;
      announce(status);
    });
  });
}
