import { effect, type ReadonlySignal, useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { currentLanguage } from '../lib/i18n/current';
import { lazy } from '../lib/markdown/lazy';
import { useLazy } from './use-lazy';
import './markdown.css';
import { markdownText } from '../lib/i18n/messages/markdown';

/**
 * The renderer (markdown-it and all it brings) comes after first paint: an empty panel never
 * needs it. The text waits in its signal meanwhile, so whatever arrived first is shown whole.
 */
export const markdownRenderer = lazy(() => import('../lib/markdown/streaming-view'));

interface MarkdownProps {
  text: ReadonlySignal<string>;
  /**
   * For a streaming answer: the piece that just arrived, set together with `text`, at most once
   * per animation frame.
   */
  arrived?: ReadonlySignal<{ text: string } | null>;
  /** Whether the text is complete: its unfinished end (an unclosed code block) is then finished. */
  complete?: ReadonlySignal<boolean>;
  /**
   * Whether the conversation named this host (the question, the quoted page): a link elsewhere
   * asks before it opens, showing its whole address. Without it, every web link asks.
   */
  isKnownHost?: (host: string) => boolean;
}

/** Model output as safe markdown, following a growing text without re-rendering what is done. */
export function Markdown({ text, arrived, complete, isKnownHost }: MarkdownProps) {
  const container = useRef<HTMLDivElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const askingFor = useSignal<string | null>(null);

  const renderer = useLazy(markdownRenderer);

  useEffect(() => {
    if (!container.current || !renderer) return;
    const view = new renderer.StreamingMarkdownView(container.current);
    let shownLength = 0;
    let shownLanguage = currentLanguage.peek();
    const stopFollowing = effect(() => {
      const whole = text.value;
      const piece = arrived?.value;
      // The rendered words ("Copy code") are drawn again in a newly chosen language.
      const language = currentLanguage.value;
      // The streaming step: just the new piece (lengths are O(1), the whole text is not read).
      // A streaming answer changes at most once per frame, so its piece is drawn in that frame.
      if (language !== shownLanguage) {
        view.replace(whole);
        if (complete?.peek()) view.finish();
      } else if (piece && whole.length === shownLength + piece.text.length)
        view.appendNow(piece.text);
      else view.replace(whole); // first render, regenerate, edit
      shownLength = whole.length;
      shownLanguage = language;
    });
    const stopFinishing = effect(() => {
      if (complete?.value) view.finish();
    });
    return () => {
      stopFollowing();
      stopFinishing();
      view.dispose();
    };
  }, [renderer, text, arrived, complete]);

  useEffect(() => {
    if (askingFor.value) cancelButton.current?.focus();
  }, [askingFor.value]);

  /** A click (or middle click) on a link to a host nobody mentioned: ask first. */
  const holdUnknownLink = (event: MouseEvent): boolean => {
    const link = (event.target as Element).closest('a.md-link');
    const host = link instanceof HTMLAnchorElement ? link.dataset.host : undefined;
    if (!link || !host || isKnownHost?.(host)) return false;
    event.preventDefault();
    askingFor.value = (link as HTMLAnchorElement).href;
    return true;
  };

  // One listener for every link and every "Copy code" button the markdown renders.
  const onClick = (event: MouseEvent) => {
    if (holdUnknownLink(event)) return;
    const button = (event.target as Element).closest('.code-copy');
    // A code block being streamed holds its code in several chunks: the <pre> has it all.
    const code = button?.closest('.code-block')?.querySelector('pre')?.textContent;
    if (!button || code === undefined || code === null) return;
    navigator.clipboard.writeText(code).then(
      () => {
        button.textContent = markdownText('copied');
      },
      () => {
        button.textContent = markdownText('copyFailed');
      },
    );
  };

  const openAsked = () => {
    const href = askingFor.value;
    askingFor.value = null;
    if (href) window.open(href, '_blank', 'noopener,noreferrer');
  };

  return (
    <>
      {/* biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/noStaticElementInteractions: delegation for the links and buttons inside, which are keyboard-usable themselves. */}
      <div
        class="markdown"
        ref={container}
        onClick={onClick}
        onAuxClick={(event) => void holdUnknownLink(event)}
      />
      {askingFor.value ? (
        <div class="link-confirm" role="alertdialog" aria-label={markdownText('openLinkQuestion')}>
          <p>{markdownText('unknownSite')}</p>
          <p class="link-confirm-address">{askingFor.value}</p>
          <div class="link-confirm-actions">
            <button type="button" class="btn btn-primary" onClick={openAsked}>
              {markdownText('openLink')}
            </button>
            <button
              type="button"
              class="btn"
              ref={cancelButton}
              onClick={() => {
                askingFor.value = null;
              }}
            >
              {markdownText('cancel')}
            </button>
          </div>
        </div>
      ) : null}
    </>
  );
}
