/**
 * A provider profile: everything the sign-in flow and the API client need to know about one
 * OAuth gateway, as stored data. AI Pass is built in, made from the provider settings; other
 * gateways are added on the options page (see `lib/config/providers.ts`). What sign-in does
 * with a profile is in lib/auth/provider.ts.
 */
import type { ProviderSettings } from './settings';
import type { TokenDialect } from './token-dialects';

/** Where the server publishes its metadata: RFC 8414 or OpenID Connect Discovery. */
export type DiscoveryKind = 'oauth2' | 'oidc';

export interface Provider {
  /** Stable, URL-safe; also the path of `identity.getRedirectURL(id)`, one per provider. */
  id: string;
  /** What the person calls it: "AI Pass", "AI Stats". */
  name: string;
  /** The issuer identifier: metadata is read under it, and every `iss` must equal it. */
  issuer: string;
  discovery: DiscoveryKind;
  clientId: string;
  scopes: string[];
  tokenDialect: TokenDialect;
  /** The OpenAI-compatible API, e.g. `https://aipass.one/oauth2/v1`. */
  apiBase: string;
  /** Whether the issuer's origin has AI Pass's balance and top-up endpoints. */
  hasBalance: boolean;
}

/** What the pages are told about the provider of a session; nothing secret. */
export type ProviderSummary = Pick<Provider, 'id' | 'name' | 'issuer' | 'hasBalance'>;

/** Also the built-in provider's redirect path (lib/auth/redirect-uri.ts). */
export const AIPASS_PROVIDER_ID = 'aipass';
const AIPASS_SCOPES = ['api:access', 'profile:read'];

export function aipassProvider(settings: ProviderSettings): Provider {
  return {
    id: AIPASS_PROVIDER_ID,
    name: 'AI Pass',
    issuer: settings.serverUrl,
    discovery: 'oauth2',
    clientId: settings.clientId,
    scopes: AIPASS_SCOPES,
    tokenDialect: 'json-camel',
    apiBase: `${settings.serverUrl}/oauth2/v1`,
    hasBalance: true,
  };
}

export function summaryOf(provider: Provider): ProviderSummary {
  const { id, name, issuer, hasBalance } = provider;
  return { id, name, issuer, hasBalance };
}
