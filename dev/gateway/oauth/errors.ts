/**
 * OAuth error answers (RFC 6749 section 5.2): `{error, error_description}`.
 */
import { HttpError } from '../http';

export function oauthError(
  status: number,
  error: string,
  description: string,
  headers: Record<string, string> = {},
): HttpError {
  return new HttpError(status, { error, error_description: description }, headers);
}
