/**
 * Adding a provider: what its metadata says, and the checks on what the person types, before
 * anything is saved or asked for. Pure: `lookUpIssuer` (lib/auth/issuer-lookup.ts) reads the metadata.
 */
import type * as oauth from 'oauth4webapi';
import { providersText } from '../i18n/messages/providers';
import { checkClientId } from './client-id';
import { AIPASS_PROVIDER_ID, type DiscoveryKind, type Provider } from './provider-profile';
import { isLoopbackHost, originPattern } from './server-url';
import type { TokenDialect } from './token-dialects';

export type UrlCheck = { ok: true; url: string } | { ok: false; reason: string };

/** The address fields of Add a provider, by the catalog key of their name. */
export type AddressField = 'fieldIssuer' | 'fieldApiBase';

/** An https URL (plain http only on loopback), without credentials, query or fragment. */
export function checkSecureUrl(input: string, field: AddressField): UrlCheck {
  const text = input.trim();
  const what = { field: providersText(field) };
  if (text === '') return { ok: false, reason: providersText('enterUrl', what) };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, reason: providersText('notAUrl', what) };
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    return { ok: false, reason: providersText('needsHttps', what) };
  }
  if (url.username || url.password || url.search || url.hash) {
    return { ok: false, reason: providersText('plainUrl', what) };
  }
  // An issuer and an API base are compared and joined as strings: no trailing slash.
  return { ok: true, url: url.href.replace(/\/+$/, '') };
}

/** What the options page shows for confirmation before a provider is added. */
export interface IssuerFacts {
  issuer: string;
  discovery: DiscoveryKind;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  revocationEndpoint?: string;
  userinfoEndpoint?: string;
  /** RFC 9207: the server puts `iss` in every authorization response. */
  announcesIss: boolean;
  scopesSupported: string[];
  /** The scopes proposed, which the person may change. */
  defaultScopes: string[];
  /** OpenID Connect servers take standard form bodies; RFC 8414 metadata cannot say. */
  knownDialect?: TokenDialect;
}

/** Scopes that only release contact claims, left out of the proposal. */
const CONTACT_SCOPES = new Set(['address', 'phone']);
const OPENID_DEFAULT_SCOPES = ['openid', 'profile', 'email', 'offline_access'];

export function factsOf(as: oauth.AuthorizationServer, discovery: DiscoveryKind): IssuerFacts {
  const supported = Array.isArray(as.scopes_supported)
    ? as.scopes_supported.filter((scope): scope is string => typeof scope === 'string')
    : [];
  const fallback = discovery === 'oidc' ? OPENID_DEFAULT_SCOPES : [];
  return {
    issuer: as.issuer,
    discovery,
    // readMetadata refuses metadata without these two.
    authorizationEndpoint: String(as.authorization_endpoint),
    tokenEndpoint: String(as.token_endpoint),
    ...(as.revocation_endpoint ? { revocationEndpoint: as.revocation_endpoint } : {}),
    ...(as.userinfo_endpoint ? { userinfoEndpoint: as.userinfo_endpoint } : {}),
    announcesIss: as.authorization_response_iss_parameter_supported === true,
    scopesSupported: supported,
    defaultScopes:
      supported.length > 0 ? supported.filter((scope) => !CONTACT_SCOPES.has(scope)) : fallback,
    ...(discovery === 'oidc' ? { knownDialect: 'form' as const } : {}),
  };
}

/** A URL-safe id from a name, unique among `taken`: it becomes the redirect path. */
export function providerIdFor(name: string, taken: string[]): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 32)
      .replace(/-+$/, '') || 'provider';
  const used = new Set([AIPASS_PROVIDER_ID, ...taken]);
  if (!used.has(base)) return base;
  let n = 2;
  while (used.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

export interface ProviderForm {
  name: string;
  apiBase: string;
  clientId: string;
  scopes: string;
  tokenDialect: TokenDialect;
}

export type FieldErrors = Partial<Record<keyof ProviderForm, string>>;

/** The longest name a provider may have: it is shown on the popup's Sign in button. */
const NAME_MAX = 60;

export type ProviderCheck = { ok: true; provider: Provider } | { ok: false; errors: FieldErrors };

/** Checks the form against the metadata; the provider to save, or a reason per field. */
export function checkNewProvider(
  form: ProviderForm,
  facts: IssuerFacts,
  takenIds: string[],
): ProviderCheck {
  const errors: FieldErrors = {};
  const name = form.name.trim();
  if (!name) errors.name = providersText('nameMissing');
  if (name.length > NAME_MAX) errors.name = providersText('nameTooLong', { max: NAME_MAX });
  const apiBase = checkSecureUrl(form.apiBase, 'fieldApiBase');
  if (!apiBase.ok) errors.apiBase = apiBase.reason;
  const client = checkClientId(form.clientId, name || undefined);
  if (!client.ok) errors.clientId = client.reason;
  const scopes = [...new Set(form.scopes.split(/\s+/).filter(Boolean))];
  if (scopes.length === 0) errors.scopes = providersText('scopesMissing');
  if (!apiBase.ok || !client.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    provider: {
      id: providerIdFor(name, takenIds),
      name,
      issuer: facts.issuer,
      discovery: facts.discovery,
      clientId: client.clientId,
      scopes,
      tokenDialect: facts.knownDialect ?? form.tokenDialect,
      apiBase: apiBase.url,
      hasBalance: false,
    },
  };
}

/** The host permissions a provider needs: every origin the worker or the pages will call. */
export function originsToGrant(provider: Provider, facts: IssuerFacts): string[] {
  const urls = [
    provider.issuer,
    provider.apiBase,
    facts.authorizationEndpoint,
    facts.tokenEndpoint,
    facts.revocationEndpoint,
    facts.userinfoEndpoint,
  ];
  const origins = urls.filter((url): url is string => !!url).map((url) => new URL(url).origin);
  return [...new Set(origins)].map(originPattern);
}
