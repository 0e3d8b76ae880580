/**
 * A labelled text box with a line under it that gives a hint, or the error when there is one;
 * the box is marked invalid and described by that line, so screen readers say both.
 */
export function TextField({
  id,
  label,
  value,
  onValue,
  hint,
  error = '',
  url = false,
  placeholder,
}: {
  id: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  hint: string;
  error?: string | undefined;
  /** A web address: the URL keyboard on touch screens. */
  url?: boolean;
  placeholder?: string;
}) {
  const hintId = `${id}-hint`;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        {...(url ? { type: 'url', inputMode: 'url' } : { type: 'text' })}
        placeholder={placeholder}
        spellcheck={false}
        autoComplete="off"
        value={value}
        onInput={(event) => onValue(event.currentTarget.value)}
        aria-invalid={error !== ''}
        aria-describedby={hintId}
      />
      <span id={hintId} class={error ? 'hint status-error' : 'hint'}>
        {error || hint}
      </span>
    </div>
  );
}
