import { describe, expect, it } from 'vitest';
import { checkClientId } from '../../lib/config/client-id';
import { checkServerUrl, originPattern } from '../../lib/config/server-url';

describe('checkServerUrl', () => {
  it.each([
    ['https://aipass.one', 'https://aipass.one'],
    ['  https://aipass.one/  ', 'https://aipass.one'],
    ['https://gateway.example:8443', 'https://gateway.example:8443'],
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
    ['http://localhost:3000/', 'http://localhost:3000'],
    ['http://[::1]:9000', 'http://[::1]:9000'],
  ])('accepts %s as %s', (input, origin) => {
    expect(checkServerUrl(input)).toEqual({ ok: true, origin });
  });

  it.each([
    ['', 'Enter the server'],
    ['aipass.one', 'not a web address'],
    ['http://aipass.one', 'must use https://'],
    ['http://192.168.1.10', 'must use https://'],
    ['ftp://aipass.one', 'must use https://'],
    ['https://user:secret@aipass.one', 'user name and password'],
    ['https://aipass.one/oauth2', 'only the server’s origin'],
    ['https://aipass.one/?x=1', 'only the server’s origin'],
  ])('refuses %j with a reason', (input, reason) => {
    const result = checkServerUrl(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });

  it('builds the host permission pattern of an origin', () => {
    expect(originPattern('https://aipass.one')).toBe('https://aipass.one/*');
  });
});

describe('checkClientId', () => {
  it('trims and accepts an ordinary ID', () => {
    expect(checkClientId('  client_123 ')).toEqual({ ok: true, clientId: 'client_123' });
  });

  it.each(['', '   ', 'two words', 'x'.repeat(257)])('refuses %j', (input) => {
    expect(checkClientId(input).ok).toBe(false);
  });
});
