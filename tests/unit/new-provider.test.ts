/**
 * Adding a provider: the checks on what a person types, and reading real metadata over HTTP
 * from a certified OpenID provider, the local gateway (RFC 8414 only), and servers that fail.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Gateway, startGateway } from '../../dev/gateway';
import { type OidcProvider, startOidcProvider } from '../../dev/oidc/provider';
import { lookUpIssuer } from '../../lib/auth/issuer-lookup';
import {
  checkNewProvider,
  checkSecureUrl,
  type IssuerFacts,
  originsToGrant,
  type ProviderForm,
  providerIdFor,
} from '../../lib/config/new-provider';

describe('checkSecureUrl', () => {
  it.each([
    ['https://auth.example.com', 'https://auth.example.com'],
    ['https://auth.example.com/realms/ai/', 'https://auth.example.com/realms/ai'],
    ['http://127.0.0.1:4000', 'http://127.0.0.1:4000'],
    ['http://localhost:4000/v1', 'http://localhost:4000/v1'],
  ])('accepts %s as %s', (input, url) => {
    expect(checkSecureUrl(input, 'fieldIssuer')).toEqual({ ok: true, url });
  });

  it.each([
    ['', 'Enter the issuer URL.'],
    ['auth.example.com', 'not a web address'],
    ['http://auth.example.com', 'must use https://'],
    ['https://user:pw@auth.example.com', 'without a user name'],
    ['https://auth.example.com/?tenant=1', 'without a user name, query'],
  ])('refuses %j', (input, reason) => {
    const check = checkSecureUrl(input, 'fieldIssuer');
    expect(check.ok).toBe(false);
    expect(check.ok ? '' : check.reason).toContain(reason);
  });
});

describe('providerIdFor', () => {
  it('makes a URL-safe path from the name, unique among the others and never aipass', () => {
    expect(providerIdFor('AI Stats', [])).toBe('ai-stats');
    expect(providerIdFor('Ågnic Gateway!', [])).toBe('agnic-gateway');
    expect(providerIdFor('AI Stats', ['ai-stats'])).toBe('ai-stats-2');
    expect(providerIdFor('AI Stats', ['ai-stats', 'ai-stats-2'])).toBe('ai-stats-3');
    expect(providerIdFor('AI Pass', [])).toBe('ai-pass');
    expect(providerIdFor('aipass', [])).toBe('aipass-2');
    expect(providerIdFor('  ', [])).toBe('provider');
    expect(providerIdFor('x'.repeat(80), []).length).toBeLessThanOrEqual(32);
  });
});

const FACTS: IssuerFacts = {
  issuer: 'https://auth.example.com',
  discovery: 'oauth2',
  authorizationEndpoint: 'https://auth.example.com/oauth/authorize',
  tokenEndpoint: 'https://tokens.example.com/oauth/token',
  revocationEndpoint: 'https://auth.example.com/oauth/revoke',
  announcesIss: false,
  scopesSupported: ['api'],
  defaultScopes: ['api'],
};

const FORM: ProviderForm = {
  name: 'Agnic',
  apiBase: 'https://api.example.com/v1/',
  clientId: 'my-client',
  scopes: 'api  api profile',
  tokenDialect: 'json-snake',
};

describe('checkNewProvider', () => {
  it('builds the provider from the form and the metadata', () => {
    const check = checkNewProvider(FORM, FACTS, []);
    expect(check).toEqual({
      ok: true,
      provider: {
        id: 'agnic',
        name: 'Agnic',
        issuer: 'https://auth.example.com',
        discovery: 'oauth2',
        clientId: 'my-client',
        scopes: ['api', 'profile'],
        tokenDialect: 'json-snake',
        apiBase: 'https://api.example.com/v1',
        hasBalance: false,
      },
    });
  });

  it('takes the dialect from the metadata when it tells', () => {
    const check = checkNewProvider(FORM, { ...FACTS, knownDialect: 'form' }, []);
    expect(check.ok && check.provider.tokenDialect).toBe('form');
  });

  it('says what is wrong with each field', () => {
    const check = checkNewProvider(
      {
        name: '',
        apiBase: 'http://api.example.com',
        clientId: 'a b',
        scopes: ' ',
        tokenDialect: 'form',
      },
      FACTS,
      [],
    );
    expect(check.ok ? {} : check.errors).toEqual({
      name: expect.stringContaining('Give the provider a name'),
      apiBase: expect.stringContaining('must use https://'),
      clientId: expect.stringContaining('no spaces'),
      scopes: 'Give at least one scope.',
    });
  });

  it('asks for every origin the provider will be called at, once each', () => {
    const check = checkNewProvider(FORM, FACTS, []);
    if (!check.ok) throw new Error('expected a provider');
    expect(originsToGrant(check.provider, FACTS)).toEqual([
      'https://auth.example.com/*',
      'https://api.example.com/*',
      'https://tokens.example.com/*',
    ]);
  });
});

describe('lookUpIssuer over HTTP', () => {
  let oidc: OidcProvider;
  let gateway: Gateway;
  let broken: Server;
  let brokenUrl: string;

  beforeAll(async () => {
    [oidc, gateway] = await Promise.all([startOidcProvider(), startGateway({ announceIss: true })]);
    broken = createServer((request, response) => {
      // Valid JSON, but it claims to be another server.
      if (request.url?.startsWith('/.well-known/openid-configuration')) {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ issuer: 'https://elsewhere.example' }));
      } else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => broken.listen(0, '127.0.0.1', resolve));
    brokenUrl = `http://127.0.0.1:${(broken.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await Promise.all([oidc.close(), gateway.close()]);
    await new Promise((resolve) => broken.close(resolve));
  });

  it('reads an OpenID provider through discovery, with standard form token requests', async () => {
    const facts = await lookUpIssuer(oidc.issuer);
    expect(facts).toMatchObject({
      issuer: oidc.issuer,
      discovery: 'oidc',
      announcesIss: true,
      knownDialect: 'form',
      tokenEndpoint: `${oidc.issuer}/token`,
      revocationEndpoint: `${oidc.issuer}/token/revocation`,
    });
    expect(facts.defaultScopes).toEqual(expect.arrayContaining(['openid', 'gateway:access']));
  });

  it('falls back to RFC 8414 metadata, which cannot tell the token request style', async () => {
    const facts = await lookUpIssuer(gateway.url);
    expect(facts).toMatchObject({ issuer: gateway.url, discovery: 'oauth2', announcesIss: true });
    expect(facts.knownDialect).toBeUndefined();
    expect(facts.defaultScopes).toEqual(['api:access', 'profile:read']);
  });

  it('refuses metadata that names another issuer', async () => {
    await expect(lookUpIssuer(brokenUrl)).rejects.toMatchObject({
      code: 'invalid-metadata',
      message: expect.stringContaining('it names another issuer'),
    });
  });

  it('says an unreachable server could not be reached', async () => {
    await expect(lookUpIssuer('http://127.0.0.1:9')).rejects.toMatchObject({
      code: 'server-unreachable',
      message: '127.0.0.1:9 could not be reached.',
    });
  });
});
