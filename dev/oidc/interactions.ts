/**
 * Sign-in and consent in one step. oidc-provider sends the browser to `/interaction/<uid>` when
 * it needs the person: the page there shows the demo account and the scopes asked for, and its
 * Authorize button signs that account in and grants every scope at once (Deny refuses). The
 * provider then resumes the authorization request and redirects to the client.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import { errors, type InteractionResults } from 'oidc-provider';
import { OIDC_DEMO_ACCOUNT } from './account';
import { INTERACTION_PATH_PREFIX } from './configuration';
import { renderConsentPage, renderErrorBody, sendPage } from './consent-page';

/** The form holds one short field: anything longer is not from our page. */
const MAX_FORM_BYTES = 1024;

export function isInteractionPath(url: string): boolean {
  return url.startsWith(INTERACTION_PATH_PREFIX);
}

export async function handleInteraction(
  provider: Provider,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const interaction = await provider.interactionDetails(request, response).catch((error) => {
    // No interaction cookie, or one for an interaction that has ended.
    if (error instanceof errors.SessionNotFound) return undefined;
    throw error;
  });
  const path = new URL(request.url ?? '/', provider.issuer).pathname;
  if (!interaction || path !== `${INTERACTION_PATH_PREFIX}${interaction.uid}`) {
    return sendPage(
      response,
      400,
      'Sign-in expired',
      renderErrorBody(
        'Sign-in expired',
        'This sign-in request has expired or was already used. Start again from the app.',
      ),
    );
  }
  const scopes = scopesOf(interaction.params.scope);

  if (request.method === 'GET') {
    const client = await provider.Client.find(String(interaction.params.client_id));
    return sendPage(
      response,
      200,
      'Sign in',
      renderConsentPage({
        action: path,
        clientName: client?.clientName ?? String(interaction.params.client_id),
        account: OIDC_DEMO_ACCOUNT,
        scopes,
        signingIn: interaction.prompt.name === 'login',
      }),
    );
  }
  if (request.method !== 'POST') {
    response.writeHead(405, { allow: 'GET, POST' }).end();
    return;
  }

  const form = await readForm(request);
  if (form === undefined) {
    return sendPage(response, 413, 'Invalid form', renderErrorBody('Invalid form', 'Too large.'));
  }
  const decision = new URLSearchParams(form).get('decision');
  if (decision === 'deny') {
    return provider.interactionFinished(
      request,
      response,
      { error: 'access_denied', error_description: 'The user denied the request.' },
      { mergeWithLastSubmission: false },
    );
  }
  if (decision !== 'authorize') {
    return sendPage(
      response,
      400,
      'Invalid form',
      renderErrorBody('Invalid form', 'Choose Authorize or Deny.'),
    );
  }

  const accountId = interaction.session?.accountId ?? OIDC_DEMO_ACCOUNT.sub;
  const grant =
    (interaction.grantId ? await provider.Grant.find(interaction.grantId) : undefined) ??
    new provider.Grant({ accountId, clientId: String(interaction.params.client_id) });
  grant.addOIDCScope(scopes.join(' '));
  const result: InteractionResults = { consent: { grantId: await grant.save() } };
  // Sign-in only when the provider asked for it: a consent prompt keeps the session's sign-in.
  if (interaction.prompt.name === 'login') result.login = { accountId };
  return provider.interactionFinished(request, response, result, {
    mergeWithLastSubmission: false,
  });
}

/** The requested scopes as the provider kept them (it drops what it will not grant). */
function scopesOf(scope: unknown): string[] {
  return typeof scope === 'string' ? scope.split(' ').filter(Boolean) : [];
}

/** The form body, or undefined when it is too large to be our form. */
async function readForm(request: IncomingMessage): Promise<string | undefined> {
  let body = '';
  // Read to the end even past the limit: leaving early would destroy the socket, and the answer.
  for await (const chunk of request) {
    if (body.length <= MAX_FORM_BYTES) body += chunk;
  }
  return body.length <= MAX_FORM_BYTES ? body : undefined;
}
