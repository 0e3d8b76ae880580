/**
 * HTML without injection: every interpolated value is escaped unless it is already markup made
 * by `html`. Pages load nothing from outside and cannot be framed.
 */
import type { FastifyReply } from 'fastify';

export class SafeHtml {
  constructor(readonly markup: string) {}
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

function render(value: unknown): string {
  if (value instanceof SafeHtml) return value.markup;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === undefined || value === null || value === false) return '';
  return escapeHtml(String(value));
}

/** Tagged template: `html\`<p>${text}</p>\`` escapes `text`. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let markup = strings[0] ?? '';
  values.forEach((value, index) => {
    markup += render(value) + (strings[index + 1] ?? '');
  });
  return new SafeHtml(markup);
}

const STYLE = `
  :root { color-scheme: light dark; font-family: system-ui, sans-serif; }
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: #f3f4f8; color: #1d2130; }
  main { width: min(26rem, calc(100vw - 2rem)); background: #fff; border-radius: 12px; padding: 2rem; box-shadow: 0 4px 24px #0002; }
  h1 { font-size: 1.35rem; margin: 0 0 1rem; }
  .brand { font-weight: 700; color: #5b4cf0; letter-spacing: .02em; margin-bottom: .5rem; }
  label { display: block; margin: .75rem 0 .25rem; font-size: .9rem; }
  input { box-sizing: border-box; width: 100%; padding: .55rem .65rem; border: 1px solid #c8cbd6; border-radius: 8px; font: inherit; }
  ul { padding-left: 1.2rem; }
  .buttons { display: flex; gap: .75rem; margin-top: 1.25rem; }
  button { flex: 1; padding: .65rem; border-radius: 8px; border: 1px solid #5b4cf0; font: inherit; cursor: pointer; background: #fff; color: #5b4cf0; }
  button.primary { background: #5b4cf0; color: #fff; }
  .error { background: #fde8e8; color: #8a1c1c; padding: .6rem .75rem; border-radius: 8px; }
  .muted { color: #5d6275; font-size: .9rem; }
  @media (prefers-color-scheme: dark) {
    body { background: #14161f; color: #e6e8f0; } main { background: #1f2230; }
    input { background: #14161f; color: inherit; border-color: #3a3f55; } button { background: transparent; }
    .muted { color: #a3a8bd; }
  }
`;

/** A whole page: its title, its own style sheet (trusted, ours) and an escaped body. */
export function htmlDocument(title: string, style: string, body: SafeHtml): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${new SafeHtml(style)}</style>
</head>
<body><main>${body}</main></body>
</html>`.markup;
}

function documentOf(title: string, body: SafeHtml): string {
  return htmlDocument(title, STYLE, html`<div class="brand">AI Pass</div>${body}`);
}

/** Sends a whole page. The CSP allows only the inline style: no script, no outside resource. */
export function sendPage(reply: FastifyReply, status: number, title: string, body: SafeHtml) {
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header(
      'content-security-policy',
      "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'",
    )
    .header('x-frame-options', 'DENY')
    .header('referrer-policy', 'no-referrer')
    .send(documentOf(title, body));
}

export function sendErrorPage(reply: FastifyReply, status: number, title: string, message: string) {
  return sendPage(reply, status, title, html`<h1>${title}</h1><p class="error">${message}</p>`);
}
