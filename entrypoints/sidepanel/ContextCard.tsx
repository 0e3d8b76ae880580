import type { MessageContext } from '../../lib/chat/records';
import { panelText } from '../../lib/i18n/messages/panel';

/** Only web addresses become links; anything else (a chrome:// page, a file) stays text. */
function isWebAddress(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/** Long quotes are shown in part; the model got all of it. */
const SHOWN_QUOTE_LENGTH = 600;

/** What a question from the page was about: the quote or the image's page, and where it came from. */
export function ContextCard({ context }: { context: MessageContext }) {
  const title = context.pageTitle || context.pageUrl || panelText('thisPage');
  const quote = context.quote ?? '';
  return (
    <div class="context-card">
      {quote ? (
        <blockquote class="context-quote">
          {quote.length > SHOWN_QUOTE_LENGTH ? `${quote.slice(0, SHOWN_QUOTE_LENGTH)}…` : quote}
        </blockquote>
      ) : null}
      {context.omitted ? (
        <p class="context-note">{panelText('leftOut', { count: context.omitted })}</p>
      ) : null}
      <p class="context-source">
        {panelText('from')}{' '}
        {isWebAddress(context.pageUrl) ? (
          <a href={context.pageUrl} target="_blank" rel="noopener noreferrer">
            {title}
          </a>
        ) : (
          <span>{title}</span>
        )}
      </p>
    </div>
  );
}
