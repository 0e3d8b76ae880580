/**
 * The parts both composers (Text and Image) are built from, so they look and behave alike: the
 * row of attach button, text box and Send/Stop, the strip of attached pictures, the problem line.
 * Each composer brings its own words and what happens on send.
 */
import type { ComponentChildren, Ref } from 'preact';
import { useRef } from 'preact/hooks';
import { Icon, type IconName } from '../../components/Icon';

interface AttachButton {
  /** The button's name, or null for no button (the hidden file input stays). */
  label: string | null;
  icon: IconName;
  multiple: boolean;
  onFiles: (files: File[]) => void;
}

interface TextBox {
  id: string;
  label: string;
  placeholder: string;
  value: string;
  ref?: Ref<HTMLTextAreaElement>;
  onInput: (text: string) => void;
  onPaste?: (event: ClipboardEvent) => void;
}

interface SendButton {
  label: string;
  disabled: boolean;
  /** While an answer streams, Stop takes Send's place. */
  streaming: boolean;
  stopLabel: string;
  onStop: () => void;
}

/**
 * Enter sends (Shift+Enter is a new line, and Enter while an input method composes is not sent);
 * `onSend` is the composer's own submit, the same one its form calls.
 */
export function ComposerRow({
  attach,
  box,
  send,
  onSend,
  children,
}: {
  attach: AttachButton;
  box: TextBox;
  send: SendButton;
  onSend: () => void;
  /** Buttons between the attach button and the text box (the microphone). */
  children?: ComponentChildren;
}) {
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <div class="composer-row">
      {attach.label ? (
        <button
          type="button"
          class="btn icon-btn"
          aria-label={attach.label}
          title={attach.label}
          onClick={() => fileInput.current?.click()}
        >
          <Icon name={attach.icon} />
        </button>
      ) : null}
      {children}
      <input
        ref={fileInput}
        type="file"
        accept="image/*"
        multiple={attach.multiple}
        hidden
        onChange={(event) => {
          const files = event.currentTarget.files;
          if (files) attach.onFiles([...files]);
          event.currentTarget.value = '';
        }}
      />
      <label class="sr-only" for={box.id}>
        {box.label}
      </label>
      <textarea
        id={box.id}
        ref={box.ref}
        rows={2}
        placeholder={box.placeholder}
        value={box.value}
        onInput={(event) => box.onInput(event.currentTarget.value)}
        onPaste={box.onPaste}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
            event.preventDefault();
            onSend();
          }
        }}
      />
      {send.streaming ? (
        <button
          type="button"
          class="btn"
          onClick={(event) => {
            // Stop appears where Send was: the second click of a double-click on Send lands on
            // it (its click count is 2) and must not stop the answer just asked for.
            if (event.detail < 2) send.onStop();
          }}
        >
          {send.stopLabel}
        </button>
      ) : (
        <button type="submit" class="btn btn-primary" disabled={send.disabled}>
          {send.label}
        </button>
      )}
    </div>
  );
}

/** The pictures going with the next message, and a busy tile while one is being prepared. */
export function Attachments({
  busy,
  children,
}: {
  /** The busy tile's words, or null when nothing is being prepared. */
  busy: string | null;
  children: ComponentChildren;
}) {
  return (
    <div class="attachments">
      {children}
      {busy ? <span class="attachment attachment-busy">{busy}</span> : null}
    </div>
  );
}

export function Attachment({
  src,
  alt,
  removeLabel,
  onRemove,
}: {
  /** Absent while a stored picture is still being read. */
  src: string | undefined;
  alt: string;
  removeLabel: string;
  onRemove: () => void;
}) {
  return (
    <span class="attachment">
      <img src={src} alt={alt} />
      <button type="button" class="attachment-remove" aria-label={removeLabel} onClick={onRemove}>
        ×
      </button>
    </span>
  );
}

/** Why a picture was not added or a message not sent; nothing when all is well. */
export function ComposerProblem({ text }: { text: string }) {
  return text ? (
    <p class="status-error composer-problem" role="alert">
      {text}
    </p>
  ) : null;
}
