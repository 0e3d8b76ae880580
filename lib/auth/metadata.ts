/**
 * Authorization server metadata (RFC 8414, or OpenID Connect Discovery), read once per worker
 * life for each issuer, and checked the same way wherever it is read: in the worker before a
 * sign-in, and on the options page before a provider is added.
 */
import * as oauth from 'oauth4webapi';
import { authText } from '../i18n/messages/auth';
import { AuthError } from './errors';
import { allowsLoopbackHttp, type DiscoveryKind, type Provider } from './provider';

/** Reads and validates one issuer's metadata; rejects with an AuthError a person can act on. */
export async function readMetadata(
  issuer: string,
  discovery: DiscoveryKind,
): Promise<oauth.AuthorizationServer> {
  const issuerUrl = new URL(issuer);
  let response: Response;
  try {
    response = await oauth.discoveryRequest(issuerUrl, {
      algorithm: discovery,
      signal: AbortSignal.timeout(10_000),
      ...allowsLoopbackHttp(issuer),
    });
  } catch (cause) {
    throw new AuthError(
      'server-unreachable',
      authText('hostUnreachable', { host: issuerUrl.host }),
      {
        cause,
      },
    );
  }
  let as: oauth.AuthorizationServer;
  try {
    as = await oauth.processDiscoveryResponse(issuerUrl, response);
  } catch (cause) {
    throw new AuthError(
      'invalid-metadata',
      authText('invalidMetadata', { host: issuerUrl.host, problem: metadataProblem(cause) }),
      { cause },
    );
  }
  const missing = metadataGaps(as);
  if (missing) throw new AuthError('invalid-metadata', authText(missing, { host: issuerUrl.host }));
  return as;
}

/** What a sign-in with PKCE needs that the metadata may lack; undefined when nothing is missing. */
function metadataGaps(
  as: oauth.AuthorizationServer,
): 'noAuthorizationEndpoint' | 'noTokenEndpoint' | 'noPkce' | undefined {
  if (typeof as.authorization_endpoint !== 'string') return 'noAuthorizationEndpoint';
  if (typeof as.token_endpoint !== 'string') return 'noTokenEndpoint';
  const methods = as.code_challenge_methods_supported;
  if (Array.isArray(methods) && !methods.includes('S256')) return 'noPkce';
  return undefined;
}

/** Why the metadata was refused, in a few words; `HTTP 404` reads the same in every language. */
function metadataProblem(cause: unknown): string {
  if (!(cause instanceof oauth.OperationProcessingError)) return authText('metadataUnreadable');
  switch (cause.code) {
    case oauth.RESPONSE_IS_NOT_CONFORM:
      return `HTTP ${(cause.cause as Response | undefined)?.status ?? 'error'}`;
    case oauth.RESPONSE_IS_NOT_JSON:
    case oauth.PARSE_ERROR:
      return authText('metadataNotJson');
    case oauth.JSON_ATTRIBUTE_COMPARISON:
      return authText('metadataOtherIssuer');
    default:
      return authText('metadataNoIssuer');
  }
}

const discovered = new Map<string, Promise<oauth.AuthorizationServer>>();

export function serverMetadata(provider: Provider): Promise<oauth.AuthorizationServer> {
  const key = `${provider.discovery} ${provider.issuer}`;
  let metadata = discovered.get(key);
  if (!metadata) {
    metadata = readMetadata(provider.issuer, provider.discovery);
    discovered.set(key, metadata);
    // A failure is not remembered: the next attempt asks again.
    metadata.catch(() => discovered.delete(key));
  }
  return metadata;
}
