/**
 * The `WWW-Authenticate` challenge of RFC 6750 section 3.
 */
export type BearerError = 'invalid_token' | 'insufficient_scope';

export function bearerChallenge(error?: BearerError, scope?: string): string {
  if (!error) return 'Bearer realm="AI Pass"';
  return `Bearer realm="AI Pass", error="${error}"${scope ? `, scope="${scope}"` : ''}`;
}
