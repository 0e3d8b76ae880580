import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT, SECOND_DEMO_ACCOUNT } from '../../dev/gateway';
import {
  authorizeUrl,
  browse,
  CookieJar,
  redirectParams,
  signIn,
  signInForTokens,
  startTestGateway,
  userinfo,
} from './helpers';

describe('authorize: requests that must never redirect', () => {
  it('answers an unknown client with an HTML error page, not a redirect', async () => {
    const gateway = await startTestGateway();
    const response = await browse(authorizeUrl(gateway, { client_id: 'someone-else' }));
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(response.headers.get('content-type')).toContain('text/html');
  });

  it.each([
    ['a different path', 'https://kgoaohoiadceonlmhmfdajehanodhoem.chromiumapp.org/other'],
    ['a trailing slash', 'https://kgoaohoiadceonlmhmfdajehanodhoem.chromiumapp.org/aipass/'],
    ['another host', 'https://attacker.example/aipass'],
  ])('refuses a redirect_uri with %s', async (_, redirectUri) => {
    const gateway = await startTestGateway();
    const response = await browse(authorizeUrl(gateway, { redirect_uri: redirectUri }));
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
  });
});

describe('authorize: errors redirected to the client', () => {
  it.each([
    ['no code_challenge', { code_challenge: null }, 'invalid_request'],
    ['the plain method', { code_challenge_method: 'plain' }, 'invalid_request'],
    ['no code_challenge_method', { code_challenge_method: null }, 'invalid_request'],
    ['response_type=token', { response_type: 'token' }, 'unsupported_response_type'],
    ['a scope the client lacks', { scope: 'api:access admin:all' }, 'invalid_scope'],
  ] as const)('answers %s with %s', async (_, params, error) => {
    const gateway = await startTestGateway();
    const response = await browse(authorizeUrl(gateway, { ...params, state: 'xyz' }));
    expect(response.status).toBe(302);
    const redirect = redirectParams(response);
    expect(redirect.get('error')).toBe(error);
    expect(redirect.get('error_description')).toBeTruthy();
    expect(redirect.get('state')).toBe('xyz');
    expect(redirect.get('code')).toBeNull();
  });

  it('answers Deny with access_denied and the state', async () => {
    const gateway = await startTestGateway();
    const { params } = await signIn(gateway, { decision: 'deny', state: 'deny-state' });
    expect(params.get('error')).toBe('access_denied');
    expect(params.get('state')).toBe('deny-state');
    expect(params.get('code')).toBeNull();
  });
});

describe('authorize: the sign-in page', () => {
  it('shows a real page with the demo account prefilled and exactly labelled buttons', async () => {
    const gateway = await startTestGateway();
    const response = await browse(authorizeUrl(gateway));
    const page = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(page).toContain(`value="${DEMO_ACCOUNT.email}"`);
    expect(page).toMatch(/<button[^>]*>Authorize<\/button>/);
    expect(page).toMatch(/<button[^>]*>Deny<\/button>/);
    expect(page).toContain('api:access');
    expect(page).toContain('profile:read');
  });

  it('shows the page again with an error after a wrong password, and issues no code', async () => {
    const gateway = await startTestGateway();
    const result = await signIn(gateway, { fields: { password: 'not-the-password' } });
    expect(result.page?.status).toBe(401);
    expect(result.page?.html).toContain('Wrong email or password.');
    expect(result.params.get('code')).toBeNull();
  });

  it('signs in with an httpOnly, SameSite=Lax session cookie and redirects with a code', async () => {
    const gateway = await startTestGateway();
    const { params, jar } = await signIn(gateway, { state: 'abc' });
    expect(params.get('code')).toMatch(/^[\w-]{20,}$/);
    expect(params.get('state')).toBe('abc');
    expect(params.get('iss')).toBeNull();
    const cookie = jar.setCookieHeaders.join('\n');
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('creates an account with a fresh budget in signup mode, escaping what it shows', async () => {
    const gateway = await startTestGateway({ startingBudget: 3 });
    const opened = await browse(authorizeUrl(gateway, { mode: 'signup' }));
    expect(await opened.text()).toContain('Create your AI Pass account');
    const name = '<img src=x onerror=alert(1)>';
    const tokens = await signInForTokens(gateway, {
      mode: 'signup',
      fields: { name, email: 'grace@example.test', password: 'cobol-1959' },
    });
    const profile = (await (await userinfo(gateway, tokens.access_token)).json()) as Record<
      string,
      unknown
    >;
    expect(profile).toMatchObject({ name, email: 'grace@example.test' });
    expect(profile.sub).not.toBe((await demoProfile()).sub);
    expect(gateway.control.getUsage('grace@example.test')).toEqual({
      totalCost: 0,
      maxBudget: 3,
      remainingBudget: 3,
    });
    const dashboard = await (await browse(`${gateway.url}/panel/dashboard`, tokens.jar)).text();
    expect(dashboard).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(dashboard).not.toContain(name);

    async function demoProfile() {
      const demo = await signInForTokens(gateway);
      return (await (await userinfo(gateway, demo.access_token)).json()) as { sub: string };
    }
  });
});

describe('authorize: silent and repeated requests', () => {
  it('answers prompt=none without a session with login_required', async () => {
    const gateway = await startTestGateway();
    const response = await browse(authorizeUrl(gateway, { prompt: 'none', state: 's1' }));
    const params = redirectParams(response);
    expect(params.get('error')).toBe('login_required');
    expect(params.get('state')).toBe('s1');
  });

  it('answers prompt=none with a session but no consent for the scopes with consent_required', async () => {
    const gateway = await startTestGateway();
    const { jar } = await signIn(gateway, { scope: 'api:access' });
    const response = await browse(
      authorizeUrl(gateway, { prompt: 'none', scope: 'api:access profile:read' }),
      jar,
    );
    expect(redirectParams(response).get('error')).toBe('consent_required');
  });

  it('gives a code at once with a session and earlier consent, silently or not', async () => {
    const gateway = await startTestGateway();
    const { jar } = await signIn(gateway);
    for (const prompt of ['none', null]) {
      const response = await browse(authorizeUrl(gateway, { prompt, state: 'again' }), jar);
      expect(response.status).toBe(302);
      const params = redirectParams(response);
      expect(params.get('code')).toBeTruthy();
      expect(params.get('state')).toBe('again');
    }
  });

  it('shows the page again for prompt=consent and prompt=login despite a session', async () => {
    const gateway = await startTestGateway();
    const { jar } = await signIn(gateway);
    const consentOnly = await browse(authorizeUrl(gateway, { prompt: 'consent' }), jar);
    expect(consentOnly.status).toBe(200);
    const consentPage = await consentOnly.text();
    expect(consentPage).toContain('Signed in as');
    expect(consentPage).not.toContain('name="password"');
    const login = await browse(authorizeUrl(gateway, { prompt: 'login' }), jar);
    expect(login.status).toBe(200);
    expect(await login.text()).toContain('name="password"');
  });

  it('after prompt=login, asks for the password and refuses prompt=none until a new sign-in', async () => {
    const gateway = await startTestGateway();
    const { jar } = await signIn(gateway);
    await browse(authorizeUrl(gateway, { prompt: 'login' }), jar);
    // The person closed that window: the old browser session vouches for no one any more.
    const silent = await browse(authorizeUrl(gateway, { prompt: 'none', state: 's2' }), jar);
    expect(redirectParams(silent).get('error')).toBe('login_required');
    const plain = await browse(authorizeUrl(gateway), jar);
    expect(plain.status).toBe(200);
    expect(await plain.text()).toContain('name="password"');
    // Signing in again makes a session that works silently.
    await signIn(gateway, { jar, prompt: 'login' });
    const again = await browse(authorizeUrl(gateway, { prompt: 'none' }), jar);
    expect(redirectParams(again).get('code')).toBeTruthy();
  });

  it('does not treat a cookie from another gateway instance as a session', async () => {
    const first = await startTestGateway();
    const second = await startTestGateway();
    const { jar } = await signIn(first);
    const response = await browse(authorizeUrl(second, { prompt: 'none' }), jar);
    expect(redirectParams(response).get('error')).toBe('login_required');
  });
});

describe('authorize: RFC 9207 issuer identification', () => {
  it('is off by default', async () => {
    const gateway = await startTestGateway();
    const metadata = (await (
      await fetch(`${gateway.url}/.well-known/oauth-authorization-server`)
    ).json()) as Record<string, unknown>;
    expect(metadata).not.toHaveProperty('authorization_response_iss_parameter_supported');
    expect(metadata).toMatchObject({
      issuer: gateway.url,
      authorization_endpoint: `${gateway.url}/oauth2/authorize`,
      token_endpoint: `${gateway.url}/oauth2/token`,
      revocation_endpoint: `${gateway.url}/oauth2/revoke`,
      userinfo_endpoint: `${gateway.url}/oauth2/userinfo`,
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code', 'refresh_token'],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['none'],
      scopes_supported: ['api:access', 'profile:read'],
    });
  });

  it('adds iss to every redirect when announced', async () => {
    const gateway = await startTestGateway({ announceIss: true });
    const metadata = (await (
      await fetch(`${gateway.url}/.well-known/oauth-authorization-server`)
    ).json()) as Record<string, unknown>;
    expect(metadata.authorization_response_iss_parameter_supported).toBe(true);
    const { params } = await signIn(gateway);
    expect(params.get('iss')).toBe(gateway.url);
    const denied = await signIn(gateway, { decision: 'deny', jar: new CookieJar() });
    expect(denied.params.get('iss')).toBe(gateway.url);
  });
});

describe('authorize: two demo accounts', () => {
  it('offers the second account on the sign-in page, prefilled when picked', async () => {
    const gateway = await startTestGateway();
    const page = await (await browse(authorizeUrl(gateway))).text();
    const link = /<a href="([^"]+)">Alan Turing<\/a>/.exec(page)?.[1]?.replaceAll('&amp;', '&');
    expect(link).toBeTruthy();
    const picked = await (await browse(new URL(link ?? '', gateway.url).href)).text();
    expect(picked).toContain(`value="${SECOND_DEMO_ACCOUNT.email}"`);
    expect(picked).toContain(`value="${SECOND_DEMO_ACCOUNT.password}"`);
    expect(picked).toContain('<strong aria-current="true">Alan Turing</strong>');
  });

  it('signs the second person in as another account, with its own stable sub', async () => {
    const gateway = await startTestGateway();
    const ada = await signInForTokens(gateway);
    const grace = await signInForTokens(gateway, {
      fields: { email: SECOND_DEMO_ACCOUNT.email, password: SECOND_DEMO_ACCOUNT.password },
    });
    const adaInfo = await (await userinfo(gateway, ada.access_token)).json();
    const graceInfo = await (await userinfo(gateway, grace.access_token)).json();
    expect(adaInfo).toMatchObject({ sub: DEMO_ACCOUNT.id, email: DEMO_ACCOUNT.email });
    expect(graceInfo).toMatchObject({
      sub: SECOND_DEMO_ACCOUNT.id,
      name: SECOND_DEMO_ACCOUNT.name,
      email: SECOND_DEMO_ACCOUNT.email,
    });
  });
});
