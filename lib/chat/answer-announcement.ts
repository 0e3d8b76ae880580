/**
 * What a screen reader hears when an answer ends. The answer's own text is not live (it would be
 * read piece by piece as it streams): one polite status says once that it finished, stopped or
 * failed, and the person reads the answer where it stands. A failure's reason is the answer's own
 * alert, read out as it appears, so the status does not repeat it.
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

/** The words for an answer that has stopped streaming. */
export function endingOf(answer: LiveMessage): string {
  const status = answer.status.peek();
  return status === 'streaming' ? '' : panelText(ENDINGS[status]);
}

/**
 * Calls `announce('')` when an answer starts (so the same words twice in a row are heard twice)
 * and `announce(ending)` once when it stops streaming. Returns the cleanup.
 */
export function watchAnswerEnds(
  messages: ReadonlySignal<readonly LiveMessage[]>,
  runningId: ReadonlySignal<string | null>,
  announce: (text: string) => void,
): () => void {
  // The same answer object while it runs, whatever else the list does meanwhile.
  const running = computed(() => messages.value.find((m) => m.id === runningId.value) ?? null);
  return effect(() => {
    const answer = running.value;
    if (!answer) return;
    announce('');
    let announced = false;
    return effect(() => {
      if (announced || answer.status.value === 'streaming') return;
      announced = true;
      announce(endingOf(answer));
    });
  });
}
