/**
 * oidc-provider's configuration for a provider shaped like AI Stats and the generic OpenID
 * Connect provider of the seeds: authorization code with PKCE S256 only, one public client,
 * refresh tokens for `offline_access` that rotate on every use, revocation, introspection for the
 * gateway, userinfo. Every helper the library asks deployments to replace (and that this setup
 * reaches) is replaced, so it prints no development notices.
 */

import { randomBytes } from 'node:crypto';
import type { AdapterFactory, Configuration, JWKS } from 'oidc-provider';
import { findAccount, SCOPE_CLAIMS } from './account';
import {
  headersWithScript,
  PAGE_HEADERS,
  pageDocument,
  renderErrorBody,
  renderLogoutBody,
  renderSigningOutBody,
} from './consent-page';

/** What an authorization request may ask for; `gateway:access` is the model API (AI Stats). */
export const OIDC_SCOPES = ['openid', 'email', 'profile', 'offline_access', 'gateway:access'];

/** Where the provider sends the browser for sign-in and consent, followed by the interaction id. */
export const INTERACTION_PATH_PREFIX = '/interaction/';

/** Named here (these are oidc-provider's defaults) because the gateway is told the one it uses. */
export const ROUTES = { introspection: '/token/introspection' };

export interface ProviderSettings {
  clientId: string;
  redirectUris: string[];
  /** The gateway's credential, good for introspection and nothing else. */
  resourceServer: { clientId: string; clientSecret: string };
  accessTokenTtlSeconds: number;
  /** How long a sign-in (its grant and its chain of refresh tokens) lasts. */
  refreshTokenTtlSeconds: number;
  signingKeys: JWKS;
  cookieKeys: string[];
  adapter: AdapterFactory;
}

const AUTHORIZATION_CODE_TTL_SECONDS = 60;
const INTERACTION_TTL_SECONDS = 10 * 60;
const SESSION_TTL_SECONDS = 24 * 60 * 60;

export function providerConfiguration(settings: ProviderSettings): Configuration {
  const ttlOf = (seconds: number) => () => seconds;
  return {
    clients: [
      {
        client_id: settings.clientId,
        client_name: 'Passlight (development)',
        // A browser extension keeps no secret: a public client, held to PKCE.
        token_endpoint_auth_method: 'none',
        redirect_uris: settings.redirectUris,
        // Signing out ends the provider's session too (RP-initiated logout), then comes back.
        post_logout_redirect_uris: settings.redirectUris,
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        scope: OIDC_SCOPES.join(' '),
      },
      {
        // A resource server: no grant of its own, it only asks what a token is worth.
        client_id: settings.resourceServer.clientId,
        client_secret: settings.resourceServer.clientSecret,
        token_endpoint_auth_method: 'client_secret_basic',
        grant_types: [],
        response_types: [],
        redirect_uris: [],
      },
    ],
    scopes: OIDC_SCOPES,
    routes: ROUTES,
    claims: SCOPE_CLAIMS,
    findAccount,
    adapter: settings.adapter,
    jwks: settings.signingKeys,
    cookies: { keys: settings.cookieKeys },
    // OAuth 2.1: the code flow only, no implicit or hybrid response types.
    responseTypes: ['code'],
    pkce: { methods: ['S256'], required: () => true },
    // Each refresh spends the refresh token and issues a new one, as AI Stats and AI Pass do.
    rotateRefreshToken: true,
    ttl: {
      AccessToken: ttlOf(settings.accessTokenTtlSeconds),
      AuthorizationCode: ttlOf(AUTHORIZATION_CODE_TTL_SECONDS),
      IdToken: ttlOf(settings.accessTokenTtlSeconds),
      // A sign-in lasts this long however often it rotates: a rotated refresh token inherits
      // what is left of the one it replaces (as oidc-provider does for public clients).
      RefreshToken: (ctx) =>
        ctx.oidc.entities.RotatedRefreshToken?.remainingTTL ?? settings.refreshTokenTtlSeconds,
      Grant: ttlOf(settings.refreshTokenTtlSeconds),
      Interaction: ttlOf(INTERACTION_TTL_SECONDS),
      Session: ttlOf(SESSION_TTL_SECONDS),
    },
    interactions: { url: (_ctx, interaction) => `${INTERACTION_PATH_PREFIX}${interaction.uid}` },
    // Errors that cannot go back to the client (an unknown client or redirect URI), in our page
    // rather than the library's, which loads a web font.
    renderError: (ctx, out) => {
      ctx.set(PAGE_HEADERS);
      ctx.body = pageDocument(
        'Sign-in failed',
        renderErrorBody('Sign-in failed', `${out.error}: ${out.error_description ?? ''}`),
      );
    },
    // A development server on loopback, called from an extension whose origin differs per
    // browser (chrome-extension://, moz-extension://): every origin may call it.
    clientBasedCORS: () => true,
    features: {
      // The sign-in page is ours (see interactions.ts): its buttons are Authorize and Deny.
      devInteractions: { enabled: false },
      // Tokens are for the userinfo endpoint and the gateway alike; the gateway introspects them
      // instead of checking an audience, so no resource indicators.
      resourceIndicators: { enabled: false },
      // A client may revoke its own tokens only; revoking a refresh token ends its whole grant.
      revocation: { enabled: true },
      introspection: {
        enabled: true,
        // Only the gateway may ask about tokens; a client may ask about its own.
        allowedPolicy: (_ctx, client, token) =>
          client.clientId === settings.resourceServer.clientId ||
          token.clientId === client.clientId,
      },
      userinfo: { enabled: true },
      // Signing out here (RP-initiated logout): at once for a client that proves which sign-in
      // it ends with a valid ID token of it, as many providers do; otherwise the person is asked.
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          const hint = ctx.oidc.entities.IdTokenHint?.payload;
          if (hint && hint.sub === ctx.oidc.session?.accountId) {
            const nonce = randomBytes(16).toString('base64url');
            ctx.set(headersWithScript(nonce));
            ctx.body = pageDocument('Signing out', renderSigningOutBody(form, nonce));
            return;
          }
          ctx.set(PAGE_HEADERS);
          ctx.body = pageDocument('Sign out?', renderLogoutBody(form));
        },
        postLogoutSuccessSource: (ctx) => {
          ctx.set(PAGE_HEADERS);
          ctx.body = pageDocument('Signed out', renderErrorBody('Signed out', 'You signed out.'));
        },
      },
    },
  };
}
