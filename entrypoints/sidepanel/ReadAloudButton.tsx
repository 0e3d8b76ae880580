/** "Read aloud" under a finished answer: the same pipelined reader as the right-click action. */
import { useSignal } from '@preact/signals';
import { voiceButtonText } from '../../lib/i18n/messages/voice-buttons';
import { sendMessage } from '../../lib/messages';

export function ReadAloudButton({ text }: { text: () => string }) {
  const problem = useSignal('');
  const read = async () => {
    const result = await sendMessage('speech.start', { text: text() }).catch(() => null);
    problem.value = result && !result.ok ? result.message : '';
  };
  return (
    <>
      <button type="button" class="btn-inline" onClick={() => void read()}>
        {voiceButtonText('readAloud')}
      </button>
      {problem.value ? <span class="status-error message-note">{problem.value}</span> : null}
    </>
  );
}
