import { useSignal } from '@preact/signals';
import { browser } from 'wxt/browser';
import type { MessageError } from '../../lib/chat/records';
import type { Words } from '../../lib/i18n/define';
import { panelText } from '../../lib/i18n/messages/panel';
import type { ChatModel } from './chat-model';
import { regenerateFromQuestionBox } from './question-focus';

/** The top-up amount offered from an answer that ran out of budget. */
const QUICK_TOP_UP = 10;

/** An answer's error in plain words, with the one action that helps. */
export function ErrorNotice({
  chat,
  error,
  canRetry,
}: {
  chat: ChatModel;
  error: MessageError;
  canRetry: boolean;
}) {
  const problem = useSignal<Words | null>(null);
  const addCredit = async () => {
    // The account API comes after first paint, with the first answer that ran out of budget.
    const [{ createCheckoutSession }, { ApiError }] = await Promise.all([
      import('../../lib/api/account'),
      import('../../lib/api/errors'),
    ]);
    try {
      await browser.tabs.create({ url: await createCheckoutSession(QUICK_TOP_UP) });
    } catch (cause) {
      const message = cause instanceof ApiError ? cause.message : null;
      problem.value = message ? () => message : () => panelText('checkoutFailed');
    }
  };
  const focusPicker = async () => {
    await chat.loadModels(); // the list may have changed; the picker is usable again after
    document.getElementById('model-picker')?.focus();
  };

  return (
    <div class="message-error" role="alert">
      <p>{error.message}</p>
      <div class="bubble-actions">
        {error.code === 'budget-exhausted' && (chat.auth.value?.provider?.hasBalance ?? true) ? (
          <button type="button" class="btn btn-primary" onClick={addCredit}>
            {panelText('addCredit')}
          </button>
        ) : null}
        {error.code === 'signed-out' ? (
          <button type="button" class="btn btn-primary" onClick={chat.signIn}>
            {panelText('signIn')}
          </button>
        ) : null}
        {error.code === 'model-unavailable' ? (
          <button type="button" class="btn" onClick={focusPicker}>
            {panelText('pickAnotherModel')}
          </button>
        ) : null}
        {canRetry && error.code !== 'signed-out' && error.code !== 'action-failed' ? (
          <button
            type="button"
            class="btn"
            onClick={() => regenerateFromQuestionBox(chat.regenerate)}
          >
            {panelText('retry')}
          </button>
        ) : null}
      </div>
      {problem.value ? <p class="status-error">{problem.value()}</p> : null}
    </div>
  );
}
