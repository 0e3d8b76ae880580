import { createHash } from 'node:crypto';
import * as oauth from 'oauth4webapi';
import { describe, expect, it } from 'vitest';

describe('PKCE as the sign-in uses it', () => {
  it('makes a fresh verifier of allowed length and characters each time', () => {
    const first = oauth.generateRandomCodeVerifier();
    const second = oauth.generateRandomCodeVerifier();
    expect(first).not.toBe(second);
    expect(first).toMatch(/^[A-Za-z0-9\-._~]{43,128}$/);
  });

  it('derives the S256 challenge as BASE64URL(SHA256(verifier))', async () => {
    const verifier = oauth.generateRandomCodeVerifier();
    const expected = createHash('sha256').update(verifier).digest('base64url');
    expect(await oauth.calculatePKCECodeChallenge(verifier)).toBe(expected);
  });
});
