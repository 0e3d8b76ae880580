/** RFC 8414 server metadata, read once per worker life for each server. */
import * as oauth from 'oauth4webapi';
import { AuthError } from './errors';
import { type Provider, transportOptions } from './provider';

const discovered = new Map<string, Promise<oauth.AuthorizationServer>>();

async function discover(provider: Provider): Promise<oauth.AuthorizationServer> {
  const issuer = new URL(provider.serverUrl);
  let response: Response;
  try {
    response = await oauth.discoveryRequest(issuer, {
      algorithm: 'oauth2',
      signal: AbortSignal.timeout(10_000),
      ...transportOptions(provider),
    });
  } catch (cause) {
    throw new AuthError('server-unreachable', `${issuer.host} could not be reached.`, { cause });
  }
  try {
    return await oauth.processDiscoveryResponse(issuer, response);
  } catch (cause) {
    throw new AuthError(
      'server-unreachable',
      `${issuer.host} did not answer like an AI Pass server (no valid OAuth metadata).`,
      { cause },
    );
  }
}

export function serverMetadata(provider: Provider): Promise<oauth.AuthorizationServer> {
  let metadata = discovered.get(provider.serverUrl);
  if (!metadata) {
    metadata = discover(provider);
    discovered.set(provider.serverUrl, metadata);
    // A failure is not remembered: the next attempt asks again.
    metadata.catch(() => discovered.delete(provider.serverUrl));
  }
  return metadata;
}
