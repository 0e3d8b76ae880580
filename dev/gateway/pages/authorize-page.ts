/**
 * The one page of the authorize flow: sign in (or sign up) and consent, with Authorize and Deny.
 */
import { DEMO_ACCOUNT, DEMO_ACCOUNTS } from '../options';
import type { AuthorizeTransaction, User } from '../state';
import { html, type SafeHtml } from './html';

const SCOPE_DESCRIPTIONS: Record<string, string> = {
  'api:access': 'Use AI models, billed to your AI Pass balance',
  'profile:read': 'See your name and email address',
};

export interface AuthorizePageInput {
  transaction: AuthorizeTransaction;
  /** The signed-in user, when no sign-in is needed. */
  user: User | undefined;
  error?: string;
  /** What the person typed before an error, so they need not type it again. */
  entered?: { name?: string; email?: string };
}

export function authorizePageTitle(transaction: AuthorizeTransaction): string {
  if (transaction.signup) return 'Create your AI Pass account';
  return transaction.requireLogin ? 'Sign in to AI Pass' : 'Authorize access';
}

export function renderAuthorizePage(input: AuthorizePageInput): SafeHtml {
  const { transaction, error } = input;
  return html`
<h1>${authorizePageTitle(transaction)}</h1>
${error ? html`<p class="error" role="alert">${error}</p>` : ''}
<form method="post" action="/oauth2/authorize">
  <input type="hidden" name="transaction" value="${transaction.id}">
  ${identityFields(input)}
  <p><strong>${transaction.clientId}</strong> would like to:</p>
  <ul>${transaction.scopes.map((scope) => html`<li>${SCOPE_DESCRIPTIONS[scope] ?? scope} <span class="muted">(${scope})</span></li>`)}</ul>
  <div class="buttons">
    <button type="submit" name="decision" value="deny" formnovalidate>Deny</button>
    <button type="submit" name="decision" value="authorize" class="primary">Authorize</button>
  </div>
</form>
${transaction.requireLogin ? switchLink(transaction) : ''}`;
}

function identityFields({ transaction, user, entered }: AuthorizePageInput): SafeHtml {
  if (transaction.signup) {
    return html`
  <label for="name">Name</label>
  <input id="name" name="name" autocomplete="name" required value="${entered?.name ?? ''}">
  <label for="email">Email</label>
  <input id="email" name="email" type="email" autocomplete="email" required value="${entered?.email ?? ''}">
  <label for="password">Password (at least 8 characters)</label>
  <input id="password" name="password" type="password" autocomplete="new-password" minlength="8" required>`;
  }
  if (transaction.requireLogin || !user) {
    const demo = chosenDemoAccount(transaction);
    const email = entered?.email ?? demo.email;
    // The demo password is prefilled only for a demo account, and never after a failed try.
    const password = entered ? '' : demo.password;
    return html`
  ${demoAccountPicker(transaction, demo)}
  <label for="email">Email</label>
  <input id="email" name="email" type="email" autocomplete="username" required value="${email}">
  <label for="password">Password</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required value="${password}">`;
  }
  return html`<p class="muted">Signed in as <strong>${user.name}</strong> (${user.email})</p>`;
}

/** The demo account named by `login_hint` (OpenID Connect's hint), else the first one. */
function chosenDemoAccount(transaction: AuthorizeTransaction): (typeof DEMO_ACCOUNTS)[number] {
  const hint = transaction.query.login_hint?.toLowerCase();
  return DEMO_ACCOUNTS.find((account) => account.email === hint) ?? DEMO_ACCOUNT;
}

/** Links that fill the form with one demo account or the other: two people on one browser. */
function demoAccountPicker(
  transaction: AuthorizeTransaction,
  chosen: (typeof DEMO_ACCOUNTS)[number],
): SafeHtml {
  const links = DEMO_ACCOUNTS.map((account, index) => {
    const query = new URLSearchParams(transaction.query);
    query.set('login_hint', account.email);
    const separator = index > 0 ? ' · ' : '';
    return account === chosen
      ? html`${separator}<strong aria-current="true">${account.name}</strong>`
      : html`${separator}<a href="/oauth2/authorize?${query.toString()}">${account.name}</a>`;
  });
  return html`<p class="muted">Demo account: ${links}</p>`;
}

function switchLink(transaction: AuthorizeTransaction): SafeHtml {
  const query = new URLSearchParams(transaction.query);
  query.set('mode', transaction.signup ? 'login' : 'signup');
  const href = `/oauth2/authorize?${query.toString()}`;
  return transaction.signup
    ? html`<p class="muted">Already have an account? <a href="${href}">Sign in</a></p>`
    : html`<p class="muted">New to AI Pass? <a href="${href}">Create an account</a></p>`;
}
