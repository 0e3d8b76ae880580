import { effect, type ReadonlySignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { StreamingMarkdownView } from '../lib/markdown/streaming-view';
import './markdown.css';

/** Model output as safe markdown, following a growing text without re-rendering what is done. */
export function Markdown({ text }: { text: ReadonlySignal<string> }) {
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!container.current) return;
    const view = new StreamingMarkdownView(container.current);
    const stopFollowing = effect(() => view.setText(text.value));
    return () => {
      stopFollowing();
      view.dispose();
    };
  }, [text]);

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
