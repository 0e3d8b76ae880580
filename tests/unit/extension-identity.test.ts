import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  DEV_EXTENSION_ID,
  DEV_EXTENSION_KEY,
  DEV_REDIRECT_URI,
} from '../../dev/extension-identity';
import { AIPASS_REDIRECT_PATH, chromiumRedirectUri } from '../../lib/auth/redirect-uri';

/** Chromium's rule: the first 16 bytes of SHA-256(public key DER), each hex digit mapped to a–p. */
function extensionIdOf(base64Key: string): string {
  const hex = createHash('sha256').update(Buffer.from(base64Key, 'base64')).digest('hex');
  return [...hex.slice(0, 32)]
    .map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16)))
    .join('');
}

describe('the development extension identity', () => {
  it('has the ID Chromium derives from the manifest key', () => {
    expect(extensionIdOf(DEV_EXTENSION_KEY)).toBe(DEV_EXTENSION_ID);
  });

  it('gives the redirect URI that identity.getRedirectURL would', () => {
    expect(DEV_REDIRECT_URI).toBe(`https://${DEV_EXTENSION_ID}.chromiumapp.org/aipass`);
    expect(chromiumRedirectUri('abc', AIPASS_REDIRECT_PATH)).toBe(
      'https://abc.chromiumapp.org/aipass',
    );
  });
});
