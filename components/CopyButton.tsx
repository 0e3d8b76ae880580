import { useSignal } from '@preact/signals';
import { panelText } from '../lib/i18n/messages/panel';

/** Copies a text to the clipboard and says whether that worked. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const outcome = useSignal<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      outcome.value = 'copied';
    } catch {
      outcome.value = 'failed';
    }
  };
  return (
    <span class="copy-button">
      <button type="button" class="btn" onClick={copy} aria-label={label}>
        {panelText(outcome.value === 'copied' ? 'copied' : 'copy')}
      </button>
      <span role="status" class="hint">
        {outcome.value === 'failed' ? panelText('copyFailed') : ''}
      </span>
    </span>
  );
}
