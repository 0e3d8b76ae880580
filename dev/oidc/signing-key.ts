/**
 * A fresh ID token signing key for each provider: nothing to keep on disk, and no two runs share
 * one. RS256, because that is what OpenID Connect clients must accept by default.
 */
import { generateKeyPair, randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import type { JWKS } from 'oidc-provider';

const generateRsaKeyPair = promisify(generateKeyPair);

export async function createSigningKeys(): Promise<JWKS> {
  const { privateKey } = await generateRsaKeyPair('rsa', { modulusLength: 2048 });
  const jwk = privateKey.export({ format: 'jwk' });
  return { keys: [{ ...jwk, kid: randomUUID(), alg: 'RS256', use: 'sig' }] };
}
