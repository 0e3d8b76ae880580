/**
 * Random opaque values and the PKCE hash.
 */
import { createHash, randomBytes } from 'node:crypto';

/** An unguessable opaque string (tokens, codes, session ids). */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** A short random id for things that are not secrets (transactions' display, checkout, files). */
export function randomId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('hex')}`;
}

/** BASE64URL(SHA256(value)), as PKCE S256 defines the challenge. */
export function sha256Base64Url(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

/** A stable 32-bit number from a string, for deterministic fake output. */
export function stableHash(value: string | Buffer): number {
  return createHash('sha256').update(value).digest().readUInt32BE(0);
}
