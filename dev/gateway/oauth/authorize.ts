/**
 * `/oauth2/authorize`: checks the request as strictly as AI Pass, answers silent requests at
 * once, and otherwise shows the sign-in and consent page, whose form posts back here.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { GatewayContext } from '../context';
import { isRecord } from '../http';
import { authorizePageTitle, renderAuthorizePage } from '../pages/authorize-page';
import { sendErrorPage, sendPage } from '../pages/html';
import { randomId } from '../secrets';
import type { AuthorizeTransaction, User } from '../state';
import { requireLoginAgain, sessionUser, startSession } from './session';

const TRANSACTION_LIFETIME_MS = 10 * 60_000;
/** BASE64URL(SHA256(…)) is always 43 characters. */
const S256_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;
const PROMPT_VALUES = new Set(['none', 'login', 'consent']);
const MIN_PASSWORD_LENGTH = 8;

/** Where authorization responses go: the redirect URI, state and (if announced) issuer. */
interface ResponseTarget {
  redirectUri: string;
  state: string | undefined;
}

type AuthorizeOutcome =
  | { kind: 'error'; error: string; description: string }
  | { kind: 'code'; userId: string; scopes: string[]; codeChallenge: string; clientId: string }
  | { kind: 'page'; transaction: AuthorizeTransaction; user: User | undefined };

export function registerAuthorizeRoutes(app: FastifyInstance, ctx: GatewayContext): void {
  app.get('/oauth2/authorize', async (request, reply) => {
    const params = new URL(request.url, ctx.origin).searchParams;
    const client = ctx.clients.get(params.get('client_id') ?? '');
    if (!client || params.getAll('client_id').length !== 1) {
      return sendErrorPage(reply, 400, 'Invalid authorization request', 'Unknown client_id.');
    }
    const redirectUri = params.get('redirect_uri');
    if (
      redirectUri === null ||
      params.getAll('redirect_uri').length !== 1 ||
      !client.redirectUris.includes(redirectUri)
    ) {
      // Never redirect to an unregistered URI: that would make the server an open redirector.
      return sendErrorPage(
        reply,
        400,
        'Invalid authorization request',
        'The redirect_uri is not registered for this client.',
      );
    }
    const target: ResponseTarget = { redirectUri, state: params.get('state') ?? undefined };
    const outcome = decide(ctx, request, params, client.scopes);
    switch (outcome.kind) {
      case 'error':
        return redirectToClient(ctx, reply, target, {
          error: outcome.error,
          error_description: outcome.description,
        });
      case 'code':
        return redirectWithCode(ctx, reply, target, outcome, 302);
      case 'page':
        ctx.state.transactions.set(outcome.transaction.id, outcome.transaction);
        return sendPage(
          reply,
          200,
          authorizePageTitle(outcome.transaction),
          renderAuthorizePage({ transaction: outcome.transaction, user: outcome.user }),
        );
    }
  });

  app.post('/oauth2/authorize', async (request, reply) => {
    const form = formFields(request.body);
    const transaction = ctx.state.transactions.get(form.transaction ?? '');
    if (!transaction || transaction.expiresAt <= Date.now()) {
      return sendErrorPage(
        reply,
        400,
        'Sign-in expired',
        'This sign-in request has expired or was already used. Start again from the app.',
      );
    }
    const target: ResponseTarget = {
      redirectUri: transaction.redirectUri,
      state: transaction.state,
    };
    if (form.decision === 'deny') {
      ctx.state.transactions.delete(transaction.id);
      return redirectToClient(
        ctx,
        reply,
        target,
        { error: 'access_denied', error_description: 'The user denied the request.' },
        303,
      );
    }
    if (form.decision !== 'authorize') {
      return sendErrorPage(reply, 400, 'Invalid form', 'Choose Authorize or Deny.');
    }
    const signedIn = identify(ctx, request, reply, transaction, form);
    if ('error' in signedIn) {
      return sendPage(
        reply,
        signedIn.status,
        authorizePageTitle(transaction),
        renderAuthorizePage({
          transaction,
          user: undefined,
          error: signedIn.error,
          entered: { name: form.name, email: form.email },
        }),
      );
    }
    ctx.state.transactions.delete(transaction.id);
    const consented = ctx.state.consentedScopes(signedIn.user.id, transaction.clientId);
    for (const scope of transaction.scopes) consented.add(scope);
    return redirectWithCode(ctx, reply, target, { ...transaction, userId: signedIn.user.id }, 303);
  });
}

/** Everything after the client and redirect URI are known good: errors here are redirected. */
function decide(
  ctx: GatewayContext,
  request: FastifyRequest,
  params: URLSearchParams,
  clientScopes: string[],
): AuthorizeOutcome {
  const invalid = (error: string, description: string): AuthorizeOutcome => ({
    kind: 'error',
    error,
    description,
  });
  const repeated = [...new Set(params.keys())].find((name) => params.getAll(name).length > 1);
  if (repeated) return invalid('invalid_request', `Parameter ${repeated} must not be repeated.`);

  const responseType = params.get('response_type');
  if (responseType === null) return invalid('invalid_request', 'response_type is required.');
  if (responseType !== 'code') {
    return invalid('unsupported_response_type', 'Only response_type=code is supported.');
  }
  const codeChallenge = params.get('code_challenge');
  if (codeChallenge === null) return invalid('invalid_request', 'code_challenge is required.');
  if (params.get('code_challenge_method') !== 'S256') {
    return invalid('invalid_request', 'code_challenge_method must be S256.');
  }
  if (!S256_CHALLENGE.test(codeChallenge)) {
    return invalid('invalid_request', 'code_challenge is not a BASE64URL SHA-256 hash.');
  }
  const requestedScope = params.get('scope');
  const scopes = requestedScope === null ? clientScopes : requestedScope.split(' ').filter(Boolean);
  const outside = scopes.filter((scope) => !clientScopes.includes(scope));
  if (scopes.length === 0 || outside.length > 0) {
    return invalid('invalid_scope', `Scope not allowed for this client: ${outside.join(' ')}`);
  }
  const prompt = new Set((params.get('prompt') ?? '').split(' ').filter(Boolean));
  const unknownPrompt = [...prompt].find((value) => !PROMPT_VALUES.has(value));
  if (unknownPrompt) return invalid('invalid_request', `Unsupported prompt: ${unknownPrompt}.`);
  if (prompt.has('none') && prompt.size > 1) {
    return invalid('invalid_request', 'prompt=none cannot be combined with other values.');
  }

  const clientId = params.get('client_id') ?? '';
  if (prompt.has('login')) requireLoginAgain(request, ctx.state);
  const user = sessionUser(request, ctx.state);
  const consented = user ? ctx.state.consentedScopes(user.id, clientId) : new Set<string>();
  const consentCovers = scopes.every((scope) => consented.has(scope));
  const signup = params.get('mode') === 'signup';

  if (prompt.has('none')) {
    if (!user) return invalid('login_required', 'The user is not signed in.');
    if (!consentCovers) return invalid('consent_required', 'The user has not consented yet.');
  }
  if (user && consentCovers && !prompt.has('login') && !prompt.has('consent') && !signup) {
    return { kind: 'code', userId: user.id, scopes, codeChallenge, clientId };
  }
  const query: Record<string, string> = {};
  for (const [name, value] of params) query[name] = value;
  return {
    kind: 'page',
    user,
    transaction: {
      id: randomId('txn'),
      clientId,
      redirectUri: params.get('redirect_uri') ?? '',
      state: params.get('state') ?? undefined,
      codeChallenge,
      scopes,
      signup,
      requireLogin: !user || signup || prompt.has('login'),
      query,
      expiresAt: Date.now() + TRANSACTION_LIFETIME_MS,
    },
  };
}

interface AuthorizeForm {
  transaction?: string;
  decision?: string;
  name?: string;
  email?: string;
  password?: string;
}

function formFields(body: unknown): AuthorizeForm {
  if (!isRecord(body)) return {};
  const field = (name: string) => (typeof body[name] === 'string' ? body[name] : undefined);
  return {
    transaction: field('transaction'),
    decision: field('decision'),
    name: field('name'),
    email: field('email'),
    password: field('password'),
  };
}

/** The user the form speaks for: signed up, signed in, or already in session. */
function identify(
  ctx: GatewayContext,
  request: FastifyRequest,
  reply: FastifyReply,
  transaction: AuthorizeTransaction,
  form: AuthorizeForm,
): { user: User } | { error: string; status: number } {
  if (!transaction.requireLogin) {
    const user = sessionUser(request, ctx.state);
    if (user) return { user };
    transaction.requireLogin = true;
    return { error: 'Your session has ended. Sign in again.', status: 401 };
  }
  const email = form.email?.trim() ?? '';
  const password = form.password ?? '';
  if (transaction.signup) {
    const name = form.name?.trim() ?? '';
    if (!name) return { error: 'Enter your name.', status: 400 };
    if (!/^[^\s@]+@[^\s@]+$/.test(email)) return { error: 'Enter a valid email.', status: 400 };
    if (password.length < MIN_PASSWORD_LENGTH) {
      return {
        error: `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`,
        status: 400,
      };
    }
    if (ctx.state.findUserByEmail(email)) {
      return { error: 'An account with this email already exists. Sign in instead.', status: 409 };
    }
    const user = ctx.state.createUser({ email, name, password });
    startSession(reply, ctx.state, user.id);
    return { user };
  }
  const user = ctx.state.findUserByEmail(email);
  if (!user || user.password !== password) {
    return { error: 'Wrong email or password.', status: 401 };
  }
  startSession(reply, ctx.state, user.id);
  return { user };
}

function redirectWithCode(
  ctx: GatewayContext,
  reply: FastifyReply,
  target: ResponseTarget,
  grant: { userId: string; scopes: string[]; codeChallenge: string; clientId: string },
  status: 302 | 303,
) {
  const code = ctx.grants.issueCode({
    clientId: grant.clientId,
    redirectUri: target.redirectUri,
    codeChallenge: grant.codeChallenge,
    scopes: grant.scopes,
    userId: grant.userId,
  });
  return redirectToClient(ctx, reply, target, { code }, status);
}

/** An authorization response: the parameters, `state` as received, `iss` when announced. */
function redirectToClient(
  ctx: GatewayContext,
  reply: FastifyReply,
  target: ResponseTarget,
  parameters: Record<string, string>,
  status: 302 | 303 = 302,
) {
  const url = new URL(target.redirectUri);
  for (const [name, value] of Object.entries(parameters)) url.searchParams.set(name, value);
  if (target.state !== undefined) url.searchParams.set('state', target.state);
  if (ctx.options.announceIss) url.searchParams.set('iss', ctx.origin);
  return reply.header('cache-control', 'no-store').redirect(url.toString(), status);
}
