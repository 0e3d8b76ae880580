/** What an issuer says about itself, for the options page's "Add a provider". */
import { factsOf, type IssuerFacts } from '../config/new-provider';
import { AuthError } from './errors';
import { readMetadata } from './metadata';

/**
 * Reads an issuer's metadata: OpenID Connect Discovery first (it tells the most), then RFC 8414.
 * An unreachable server is reported at once; otherwise the more telling of the two failures.
 */
export async function lookUpIssuer(issuer: string): Promise<IssuerFacts> {
  let oidcFailure: AuthError;
  try {
    return factsOf(await readMetadata(issuer, 'oidc'), 'oidc');
  } catch (error) {
    if (!(error instanceof AuthError) || error.code === 'server-unreachable') throw error;
    oidcFailure = error;
  }
  try {
    return factsOf(await readMetadata(issuer, 'oauth2'), 'oauth2');
  } catch (error) {
    const notThere = (e: unknown) => e instanceof Error && e.message.includes('(HTTP 404)');
    throw notThere(error) && !notThere(oidcFailure) ? oidcFailure : error;
  }
}
