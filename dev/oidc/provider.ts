/**
 * A certified OpenID Connect provider (panva's oidc-provider) in-process on loopback, set up as
 * AI Stats and the generic provider of the seeds describe, for tests and local runs of "sign in
 * with any OAuth 2.1 / OpenID Connect gateway". Every instance has its own port, keys, client
 * secret and cookie keys: start as many as needed.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { chromiumRedirectUri } from '../../lib/auth/redirect-uri';
import { DEV_EXTENSION_ID, FIREFOX_ADDON_ID, firefoxRedirectUri } from '../extension-identity';
import { OIDC_SCOPES, providerConfiguration, ROUTES } from './configuration';
import { handleInteraction, isInteractionPath } from './interactions';
import { MemoryStore } from './memory-store';
import { createSigningKeys } from './signing-key';

export { OIDC_DEMO_ACCOUNT } from './account';
export { OIDC_SCOPES } from './configuration';

/** The extension's client id at this provider, as at the local AI Pass gateway. */
export const OIDC_CLIENT_ID = 'passlight-dev';
/** The gateway's client id, for introspection only. */
export const OIDC_RESOURCE_SERVER_ID = 'passlight-gateway';
/** `identity.getRedirectURL(path)` paths of providers named "AI Stats" and "OIDC" on the options page. */
export const OIDC_REDIRECT_PATHS = ['ai-stats', 'oidc'] as const;

const HOST = '127.0.0.1';
const SECONDS_PER_DAY = 24 * 60 * 60;

export interface OidcProviderOptions {
  /** Default 0: a free port. */
  port?: number;
  /** Default: the dev extension's redirect URIs in both browsers for {@link OIDC_REDIRECT_PATHS}. */
  redirectUris?: string[];
  /** Default 3600, AI Stats' one hour. */
  accessTokenTtlSeconds?: number;
  /** How long a sign-in lasts, however often its refresh token rotates; default 14 days. */
  refreshTokenTtlSeconds?: number;
}

/** What the gateway needs to accept this provider's access tokens (its `externalTokens`). */
export interface ResourceServerCredential {
  introspectionEndpoint: string;
  clientId: string;
  clientSecret: string;
}

export interface OidcProvider {
  /** The issuer, which is also the origin: no trailing slash. */
  issuer: string;
  /** `/.well-known/openid-configuration` under the issuer. */
  discoveryUrl: string;
  clientId: string;
  redirectUris: string[];
  scopes: string[];
  resourceServer: ResourceServerCredential;
  /** How many browser sessions are signed in here now (tests: did a sign-out end one?). */
  signedInSessions(): number;
  /** Each sign-in page shown so far: the `prompt` the client asked for, and what was asked of the person. */
  interactions(): Array<{ requested: string; shown: string }>;
  close(): Promise<void>;
}

/** Chromium's and Firefox's, for each path: the same client serves both browsers. */
export const DEFAULT_OIDC_REDIRECT_URIS = OIDC_REDIRECT_PATHS.flatMap((path) => [
  chromiumRedirectUri(DEV_EXTENSION_ID, path),
  firefoxRedirectUri(FIREFOX_ADDON_ID, path),
]);

export async function startOidcProvider(options: OidcProviderOptions = {}): Promise<OidcProvider> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => resolve());
  });
  // The issuer names the port, so the provider can only be made once the server listens.
  const issuer = `http://${HOST}:${(server.address() as AddressInfo).port}`;
  const redirectUris = options.redirectUris ?? DEFAULT_OIDC_REDIRECT_URIS;
  const resourceServer = {
    clientId: OIDC_RESOURCE_SERVER_ID,
    clientSecret: randomBytes(32).toString('base64url'),
  };
  const store = new MemoryStore();
  const provider = new Provider(
    issuer,
    providerConfiguration({
      clientId: OIDC_CLIENT_ID,
      redirectUris,
      resourceServer,
      accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 3600,
      refreshTokenTtlSeconds: options.refreshTokenTtlSeconds ?? 14 * SECONDS_PER_DAY,
      signingKeys: await createSigningKeys(),
      cookieKeys: [randomBytes(32).toString('base64url')],
      adapter: store.adapterFor,
    }),
  );

  const interactions: Array<{ requested: string; shown: string }> = [];
  provider.on('interaction.started', (ctx, prompt) => {
    interactions.push({ requested: String(ctx.oidc.params?.prompt ?? ''), shown: prompt.name });
  });

  const handleProtocol = provider.callback();
  server.on('request', (request, response) => {
    if (!isInteractionPath(request.url ?? '')) {
      handleProtocol(request, response);
      return;
    }
    handleInteraction(provider, request, response).catch((error: unknown) => {
      console.error('OIDC interaction failed:', error instanceof Error ? error.message : error);
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });

  return {
    issuer,
    discoveryUrl: `${issuer}/.well-known/openid-configuration`,
    clientId: OIDC_CLIENT_ID,
    redirectUris,
    scopes: [...OIDC_SCOPES],
    resourceServer: {
      introspectionEndpoint: `${issuer}${ROUTES.introspection}`,
      ...resourceServer,
    },
    signedInSessions: () => store.signedInSessions(),
    interactions: () => [...interactions],
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive connections would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}
