import { effect, type ReadonlySignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { StreamingMarkdownView } from '../lib/markdown/streaming-view';
import './markdown.css';

interface MarkdownProps {
  text: ReadonlySignal<string>;
  /** For a streaming answer: the piece that just arrived, set together with `text`. */
  arrived?: ReadonlySignal<{ text: string } | null>;
}

/** Model output as safe markdown, following a growing text without re-rendering what is done. */
export function Markdown({ text, arrived }: MarkdownProps) {
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!container.current) return;
    const view = new StreamingMarkdownView(container.current);
    let shownLength = 0;
    const stopFollowing = effect(() => {
      const whole = text.value;
      const piece = arrived?.value;
      // The streaming step: just the new piece (lengths are O(1), the whole text is not read).
      if (piece && whole.length === shownLength + piece.text.length) view.append(piece.text);
      else view.replace(whole); // first render, regenerate, edit
      shownLength = whole.length;
    });
    return () => {
      stopFollowing();
      view.dispose();
    };
  }, [text, arrived]);

  // One listener for every "Copy code" button the markdown renders.
  const onClick = (event: MouseEvent) => {
    const button = (event.target as Element).closest('.code-copy');
    const code = button?.closest('.code-block')?.querySelector('code')?.textContent;
    if (!button || code === undefined) return;
    navigator.clipboard.writeText(code).then(
      () => {
        button.textContent = 'Copied';
      },
      () => {
        button.textContent = 'Copy failed';
      },
    );
  };

  // biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/noStaticElementInteractions: delegation for the buttons inside, which are keyboard-usable themselves.
  return <div class="markdown" ref={container} onClick={onClick} />;
}
