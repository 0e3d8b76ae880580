import { useSignal } from '@preact/signals';
import { panelText } from '../../lib/i18n/messages/panel';
import type { ChatModel } from './chat-model';

/** A write the browser refused: what happened, and Retry (nothing was lost meanwhile). */
export function StorageNotice({ chat }: { chat: ChatModel }) {
  const retrying = useSignal(false);
  const problem = chat.storageProblem.value;
  if (!problem) return null;
  return (
    <div class="storage-notice" role="alert">
      <p>{problem.message}</p>
      <button
        type="button"
        class="btn"
        disabled={retrying.value}
        onClick={async () => {
          retrying.value = true;
          try {
            await problem.retry();
          } finally {
            retrying.value = false;
          }
        }}
      >
        {panelText(retrying.value ? 'retrying' : 'retry')}
      </button>
    </div>
  );
}
