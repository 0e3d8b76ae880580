/**
 * The page actions (right-click, keyboard command) that reach this panel: run one after another,
 * each to its end, so a slow or failed one ends with its message and the next one still runs.
 * Actions that arrive while signed out wait for the sign-in.
 */
import { signal } from '@preact/signals';
import type { PageAction, PendingAction } from '../actions/page-action';
import { panelText } from '../i18n/messages/panel';
import type { MessageContext } from './records';
import { titleFrom } from './titles';

/** What a text action asks: the conversation's title, the question and what it is about. */
export interface ActionQuestion {
  title: string;
  text: string;
  context: MessageContext;
}

export function questionFor(
  action: Extract<PageAction, { kind: 'explain' } | { kind: 'summarize' }>,
): ActionQuestion {
  const page = { pageTitle: action.page.title, pageUrl: action.page.url };
  const quoted = { ...page, quote: action.text, omitted: action.omitted };
  return action.kind === 'explain'
    ? {
        title: panelText('explainTitle', { quote: titleFrom(action.text) }),
        text: 'Explain this.',
        context: { kind: 'selection', ...quoted },
      }
    : {
        title: panelText('summaryTitle', { page: action.page.title || action.page.url }),
        text: 'Summarize this page.',
        context: { kind: 'page', ...quoted },
      };
}

export function createActionInbox(
  run: (action: PageAction) => Promise<void>,
  isSignedIn: () => boolean,
) {
  const waiting = signal<PendingAction[]>([]);
  let chain: Promise<void> = Promise.resolve();

  function enqueue(entry: PendingAction): void {
    if (!isSignedIn() && entry.action.kind !== 'failed') {
      waiting.value = [...waiting.peek(), entry];
      return;
    }
    chain = chain.then(() => run(entry.action)).catch(() => undefined);
  }

  return {
    /** Actions waiting for a sign-in. */
    waiting,
    enqueue,
    /** Runs what waited for the sign-in. */
    release(): void {
      const entries = waiting.peek();
      waiting.value = [];
      for (const entry of entries) enqueue(entry);
    },
    /** Resolves once every action enqueued so far has ended. */
    idle: (): Promise<void> => chain,
  };
}
