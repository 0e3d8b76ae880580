import { useSignal } from '@preact/signals';

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
        {outcome.value === 'copied' ? 'Copied' : 'Copy'}
      </button>
      <span role="status" class="hint">
        {outcome.value === 'failed' ? 'Could not copy: select the text and copy it by hand.' : ''}
      </span>
    </span>
  );
}
