/**
 * What a link in an answer may do. A page can steer the answer, so a link's visible text proves
 * nothing about where it goes: every link shows its destination's host, a `mailto:` that carries
 * a subject or body (text the answer wrote, sent in one click) is shown as text instead, and a
 * link to a host the conversation never mentioned asks before opening (see components/Markdown).
 */

export type LinkTarget =
  /** An ordinary link, shown with its host. */
  | { kind: 'web'; href: string; host: string }
  | { kind: 'mail'; href: string; address: string }
  /** A mailto: with a subject, body, cc or bcc: not clickable, its whole address shown. */
  | { kind: 'mail-with-text'; href: string; shown: string };

const MAIL_FIELDS = /(^|&)(subject|body|cc|bcc)=/i;

/** How to show a link markdown-it already accepted (http, https or mailto). */
export function linkTargetOf(href: string): LinkTarget | null {
  if (/^mailto:/i.test(href)) {
    const [address = '', query = ''] = href.slice('mailto:'.length).split('?', 2);
    if (MAIL_FIELDS.test(query)) return { kind: 'mail-with-text', href, shown: readable(href) };
    return { kind: 'mail', href, address: readable(address) };
  }
  try {
    const url = new URL(href);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return { kind: 'web', href: url.href, host: url.hostname };
  } catch {
    return null;
  }
}

/** Percent-escapes decoded where they make valid text, so a person reads what would be sent. */
function readable(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Whether `host` appears in any of `texts` (the question and the quoted page, their addresses
 * included): a link there is one the person could expect. `www.` is not needed to match.
 */
export function hostAppearsIn(host: string, texts: readonly string[]): boolean {
  const bare = host.toLowerCase().replace(/^www\./, '');
  if (bare === '') return false;
  return texts.some((text) => text.toLowerCase().includes(bare));
}
