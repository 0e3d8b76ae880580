/**
 * What the OAuth client makes of a provider profile (lib/config/provider-profile.ts, re-exported
 * here for the modules that use both).
 */
import * as oauth from 'oauth4webapi';
import type { Provider } from '../config/provider-profile';
import { isLoopbackHost } from '../config/server-url';

export {
  AIPASS_PROVIDER_ID,
  aipassProvider,
  type DiscoveryKind,
  type Provider,
  type ProviderSummary,
  summaryOf,
} from '../config/provider-profile';

/** Whether sign-in is OpenID Connect: then a `nonce` is sent and an ID token required. */
export function usesOpenId(provider: Provider): boolean {
  return provider.scopes.includes('openid');
}

export function oauthClient(provider: Provider): oauth.Client {
  return { client_id: provider.clientId, token_endpoint_auth_method: 'none' };
}

/** oauth4webapi refuses plain HTTP; a loopback server (the local gateway) is the one exception. */
export function transportOptions(provider: Provider): { [oauth.allowInsecureRequests]?: boolean } {
  return allowsLoopbackHttp(provider.issuer);
}

export function allowsLoopbackHttp(address: string): { [oauth.allowInsecureRequests]?: boolean } {
  const url = new URL(address);
  return url.protocol === 'http:' && isLoopbackHost(url.hostname)
    ? { [oauth.allowInsecureRequests]: true }
    : {};
}
