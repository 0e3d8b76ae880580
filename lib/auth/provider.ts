/**
 * A provider profile: everything the sign-in flow and the API client need to know about one
 * OAuth gateway. AI Pass is built in; its server and client come from the provider settings.
 */
import * as oauth from 'oauth4webapi';
import { isLoopbackHost } from '../config/server-url';
import type { ProviderSettings } from '../config/settings';
import { AIPASS_REDIRECT_PATH } from './redirect-uri';
import type { TokenDialect } from './token-dialect';

export interface Provider {
  /** The server's origin; also its issuer identifier for RFC 8414 discovery. */
  serverUrl: string;
  clientId: string;
  scopes: string[];
  /** The path of `identity.getRedirectURL(path)`, one per provider. */
  redirectPath: string;
  tokenDialect: TokenDialect;
  /** The OpenAI-compatible API, e.g. `https://aipass.one/oauth2/v1`. */
  apiBase: string;
  /** Whether the server has AI Pass's balance and top-up endpoints. */
  hasBalance: boolean;
}

export const AIPASS_SCOPES = ['api:access', 'profile:read'];

export function aipassProvider(settings: ProviderSettings): Provider {
  return {
    serverUrl: settings.serverUrl,
    clientId: settings.clientId,
    scopes: AIPASS_SCOPES,
    redirectPath: AIPASS_REDIRECT_PATH,
    tokenDialect: 'json-camel',
    apiBase: `${settings.serverUrl}/oauth2/v1`,
    hasBalance: true,
  };
}

export function oauthClient(provider: Provider): oauth.Client {
  return { client_id: provider.clientId, token_endpoint_auth_method: 'none' };
}

/** oauth4webapi refuses plain HTTP; a loopback server (the local gateway) is the one exception. */
export function transportOptions(provider: Provider): { [oauth.allowInsecureRequests]?: boolean } {
  const url = new URL(provider.serverUrl);
  return url.protocol === 'http:' && isLoopbackHost(url.hostname)
    ? { [oauth.allowInsecureRequests]: true }
    : {};
}
