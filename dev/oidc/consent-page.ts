/**
 * The provider's pages: the sign-in page (who is signing in, what the app asks for, Authorize or
 * Deny), the sign-out pages and error pages. Every value is escaped by `html`; no page loads
 * anything, and only the page that signs out at once runs a script (its own, by nonce).
 */
import type { ServerResponse } from 'node:http';
import { html, htmlDocument, SafeHtml } from '../gateway/pages/html';

const SCOPE_DESCRIPTIONS: Record<string, string> = {
  openid: 'Know who you are',
  email: 'See your email address',
  profile: 'See your name',
  offline_access: 'Stay signed in while you are away',
  'gateway:access': 'Use AI models on your behalf',
};

const STYLE = `
  :root { color-scheme: light dark; font-family: system-ui, sans-serif; }
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; }
  main { width: min(26rem, calc(100vw - 2rem)); padding: 2rem; border: 1px solid #8884; border-radius: 12px; }
  h1 { font-size: 1.35rem; margin: 0 0 1rem; }
  .buttons { display: flex; gap: .75rem; margin-top: 1.25rem; }
  button { flex: 1; padding: .6rem; border-radius: 8px; font: inherit; cursor: pointer; }
  .muted { opacity: .75; font-size: .9rem; }
`;

export interface ConsentPageInput {
  /** Where the form posts its decision. */
  action: string;
  clientName: string;
  account: { name: string; email: string };
  scopes: string[];
  /** The provider asks who is signing in (no session, or `prompt=login`), not only for consent. */
  signingIn: boolean;
}

export function renderConsentPage(input: ConsentPageInput): SafeHtml {
  return html`
${
  input.signingIn
    ? html`<h1>Sign in to the development provider</h1>
<p class="muted">Signing in as <strong>${input.account.name}</strong> (${input.account.email})</p>`
    : html`<h1>Allow access</h1>
<p class="muted">Signed in as <strong>${input.account.name}</strong> (${input.account.email})</p>`
}
<form method="post" action="${input.action}">
  <p><strong>${input.clientName}</strong> would like to:</p>
  <ul>${input.scopes.map((scope) => html`<li>${SCOPE_DESCRIPTIONS[scope] ?? scope} <span class="muted">(${scope})</span></li>`)}</ul>
  <div class="buttons">
    <button type="submit" name="decision" value="deny">Deny</button>
    <button type="submit" name="decision" value="authorize">Authorize</button>
  </div>
</form>`;
}

/**
 * The "sign out?" page of RP-initiated logout. `form` is oidc-provider's own hidden form (its
 * action and anti-forgery token), which the buttons submit.
 */
export function renderLogoutBody(form: string): SafeHtml {
  return html`
<h1>Sign out of the development provider?</h1>
${new SafeHtml(form)}
<div class="buttons">
  <button type="submit" form="op.logoutForm">Stay signed in</button>
  <button type="submit" form="op.logoutForm" name="logout" value="yes">Sign out</button>
</div>`;
}

/**
 * Signing out at once, for a request that proves which sign-in it ends (a valid ID token of it):
 * oidc-provider's form, told to sign out, posted by a script as the page loads.
 */
export function renderSigningOutBody(form: string, nonce: string): SafeHtml {
  const signOut = form.replace(
    '</form>',
    '<input type="hidden" name="logout" value="yes"/></form>',
  );
  return html`
<h1>Signing out…</h1>
${new SafeHtml(signOut)}
<script nonce="${nonce}">document.getElementById('op.logoutForm').submit();</script>`;
}

/** PAGE_HEADERS, with the one script of the page that carries `nonce` allowed. */
export function headersWithScript(nonce: string): Record<string, string> {
  return {
    ...PAGE_HEADERS,
    'content-security-policy': `${PAGE_HEADERS['content-security-policy']}; script-src 'nonce-${nonce}'`,
  };
}

export function renderErrorBody(title: string, message: string): SafeHtml {
  return html`<h1>${title}</h1><p>${message}</p>`;
}

/** Only the inline style is allowed: no script, no outside resource, no framing. */
export const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'",
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

export function pageDocument(title: string, body: SafeHtml): string {
  return htmlDocument(title, STYLE, body);
}

export function sendPage(response: ServerResponse, status: number, title: string, body: SafeHtml) {
  response.writeHead(status, PAGE_HEADERS);
  response.end(pageDocument(title, body));
}
