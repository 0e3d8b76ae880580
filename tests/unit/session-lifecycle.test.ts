/**
 * Every write of a session is a compare-and-set against the session it was started for. Each
 * interleaving is run in a fixed order: the gateway holds the token response (a real HTTP
 * answer, already processed) until the test has done the other thing, then lets it go.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEMO_ACCOUNT,
  DEMO_CLIENT,
  type Gateway,
  type GatewayOptions,
  SECOND_DEMO_ACCOUNT,
  startGateway,
} from '../../dev/gateway';
import { getAccessToken } from '../../lib/auth/refresh';
import { restoreSession } from '../../lib/auth/restore';
import {
  applyStaySignedIn,
  hadSession,
  keptRefreshToken,
  sessionTokens,
} from '../../lib/auth/session-store';
import { signIn } from '../../lib/auth/sign-in';
import { signOut } from '../../lib/auth/sign-out';
import { authStatus } from '../../lib/auth/status';
import { saveProviderSettings, staySignedIn } from '../../lib/config/settings';
import { browse, CookieJar, REDIRECT_URI } from '../gateway/helpers';

let gateway: Gateway;
/** Every address the sign-in window was opened at. */
let windowsOpened: URL[];
/** Who signs in when the gateway's page asks. */
let person: { email: string; password: string };
/** The browser's cookies at the gateway, shared by every sign-in window. */
let jar: CookieJar;

/** The browser's sign-in window, as a person approving in it: the page, then Authorize. */
async function approveInWindow(url: string, jar: CookieJar): Promise<string> {
  const opened = await browse(url, jar);
  if (opened.status === 302) return opened.headers.get('location') ?? '';
  const page = await opened.text();
  const transaction = /name="transaction" value="([^"]+)"/.exec(page)?.[1] ?? '';
  const form = new URLSearchParams({ transaction, decision: 'authorize', ...person });
  const submitted = await browse(`${gateway.url}/oauth2/authorize`, jar, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
  return submitted.headers.get('location') ?? '';
}

async function useGateway(options: GatewayOptions = {}): Promise<void> {
  gateway = await startGateway({ refreshProcessingMs: 5, ...options });
  await saveProviderSettings({ serverUrl: gateway.url, clientId: DEMO_CLIENT.clientId });
}

/** The tokens the held token response carries, once the gateway holds it. */
async function holdTokenResponse(): Promise<{
  tokens: { access_token: string; refresh_token: string };
  release: () => void;
}> {
  const held = await gateway.control.nextHeldResponse();
  return { tokens: JSON.parse(held.body), release: held.release };
}

/**
 * A refresh held at the gateway, the person signing out (or doing `meanwhile`) while it is, then
 * its answer let go. Resolves with the tokens before, the renewed ones, and how the refresh ended.
 */
async function refreshAcross(meanwhile: () => Promise<void> = signOut) {
  const before = await sessionTokens('aipass').getValue();
  gateway.control.injectFault({ kind: 'hold', path: '/oauth2/token' });
  const refreshing = getAccessToken(before?.accessToken);
  const held = await holdTokenResponse();
  await meanwhile();
  held.release();
  const outcome = await refreshing.then(
    (grant) => ({ grant, error: undefined }),
    (error: unknown) => ({ grant: undefined, error }),
  );
  return { before, tokens: held.tokens, ...outcome };
}

function revokedAtGateway(): unknown[] {
  return gateway.control
    .requests()
    .filter((r) => r.path === '/oauth2/revoke')
    .map((r) => (r.body as { token?: string } | undefined)?.token);
}

async function storedSecrets() {
  return {
    session: await sessionTokens('aipass').getValue(),
    kept: await keptRefreshToken('aipass').getValue(),
  };
}

beforeEach(async () => {
  fakeBrowser.reset();
  windowsOpened = [];
  person = { email: DEMO_ACCOUNT.email, password: DEMO_ACCOUNT.password };
  jar = new CookieJar();
  vi.spyOn(fakeBrowser.identity, 'getRedirectURL').mockReturnValue(REDIRECT_URI);
  vi.spyOn(fakeBrowser.identity, 'launchWebAuthFlow').mockImplementation(async ({ url }) => {
    windowsOpened.push(new URL(url));
    return approveInWindow(url, jar);
  });
  await useGateway();
});

afterEach(async () => {
  gateway.control.releaseHeld();
  await gateway.close();
});

describe('a refresh that answers after Sign out', () => {
  beforeEach(async () => {
    await staySignedIn.setValue(true);
    await signIn({ interactive: true });
    gateway.control.clearRequests();
  });

  it('stores nothing in either area, and the renewed tokens are revoked', async () => {
    const { tokens, error } = await refreshAcross();
    expect(error).toMatchObject({ code: 'signed-out' });
    expect(await storedSecrets()).toEqual({ session: null, kept: null });
    expect(revokedAtGateway()).toEqual(
      expect.arrayContaining([tokens.refresh_token, tokens.access_token]),
    );
    expect(gateway.control.tokenStatus(tokens.refresh_token)).toBe('revoked');
    expect(gateway.control.tokenStatus(tokens.access_token)).toBe('revoked');
    expect(await hadSession.getValue()).toBe(false);
    const status = await authStatus.getValue();
    expect(status).toMatchObject({ signedIn: false, reason: { key: 'signedOutByChoice' } });
  });

  it('still revokes the access token when revoking the refresh token fails', async () => {
    // The first revocation (the sign-out's refresh token) answers 500; the rest go through.
    gateway.control.injectFault({ kind: 'status', status: 500, path: '/oauth2/revoke' });
    const { before, tokens, error } = await refreshAcross();
    expect(error).toMatchObject({ code: 'signed-out' });
    expect(await storedSecrets()).toEqual({ session: null, kept: null });
    const revocations = gateway.control.requests().filter((r) => r.path === '/oauth2/revoke');
    expect(revocations.map((r) => r.status)).toEqual([500, 200, 200, 200]);
    expect(revokedAtGateway().slice(1)).toEqual([
      before?.accessToken,
      tokens.refresh_token,
      tokens.access_token,
    ]);
    expect(gateway.control.tokenStatus(tokens.access_token)).toBe('revoked');
  });

  it('stores nothing when every revocation fails', async () => {
    gateway.control.injectFault({ kind: 'status', status: 500, path: '/oauth2/revoke', times: 8 });
    const { error } = await refreshAcross();
    expect(error).toMatchObject({ code: 'signed-out' });
    expect(await storedSecrets()).toEqual({ session: null, kept: null });
    // Each of the four tokens was tried on its own, though each attempt failed.
    const revocations = gateway.control.requests().filter((r) => r.path === '/oauth2/revoke');
    expect(revocations.map((r) => r.status)).toEqual([500, 500, 500, 500]);
  });

  it('keeps "You signed out" when the server refuses the refresh the sign-out overtook', async () => {
    gateway.control.revokeAllGrants();
    const { error } = await refreshAcross();
    expect(error).toMatchObject({ code: 'signed-out', message: 'You signed out.' });
    expect(await authStatus.getValue()).toMatchObject({ reason: { key: 'signedOutByChoice' } });
  });

  it('does not retry after a 503 once the person signed out during the wait', async () => {
    // The 503 is the response held: the refresh waits for Retry-After once it is let go.
    gateway.control.injectFault({
      kind: 'status',
      status: 503,
      retryAfter: 1,
      path: '/oauth2/token',
    });
    const before = await sessionTokens('aipass').getValue();
    gateway.control.injectFault({ kind: 'hold', path: '/oauth2/token' });
    const refreshing = getAccessToken(before?.accessToken);
    const held = await gateway.control.nextHeldResponse();
    await signOut();
    held.release();

    await expect(refreshing).rejects.toMatchObject({ code: 'signed-out' });
    const refreshes = gateway.control.requests().filter((r) => r.path === '/oauth2/token');
    expect(refreshes).toHaveLength(1);
    expect(await storedSecrets()).toEqual({ session: null, kept: null });
  });

  it('never overwrites the session of the person who signed in next', async () => {
    const { tokens, error } = await refreshAcross(async () => {
      await signOut();
      person = { email: SECOND_DEMO_ACCOUNT.email, password: SECOND_DEMO_ACCOUNT.password };
      await signIn({ interactive: true });
    });
    expect(error).toMatchObject({ code: 'signed-out' });
    const { session, kept } = await storedSecrets();
    expect(session?.user?.sub).toBe(SECOND_DEMO_ACCOUNT.id);
    expect(session?.refreshToken).not.toBe(tokens.refresh_token);
    expect(kept?.refreshToken).toBe(session?.refreshToken);
    expect(gateway.control.tokenStatus(tokens.refresh_token)).toBe('revoked');
  });
});

describe('a sign-in that answers after Sign out', () => {
  it('stores nothing, records no session, and revokes what it brought', async () => {
    await staySignedIn.setValue(true);
    gateway.control.injectFault({ kind: 'hold', path: '/oauth2/token' });
    const signingIn = signIn({ interactive: true });
    const held = await holdTokenResponse();
    await signOut();
    held.release();

    await expect(signingIn).rejects.toMatchObject({ code: 'cancelled' });
    expect(await storedSecrets()).toEqual({ session: null, kept: null });
    expect(await hadSession.getValue()).toBe(false);
    expect(gateway.control.tokenStatus(held.tokens.refresh_token)).toBe('revoked');
    expect(gateway.control.tokenStatus(held.tokens.access_token)).toBe('revoked');
  });
});

describe('Sign out just after a sign-in stored its session', () => {
  it('leaves the pages signed out, never showing the tokens that are gone', async () => {
    // The moment the sign-in has written its session (and records that one existed), the
    // person clicks Sign out: the sign-in still has its status to publish.
    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    let signingOut: Promise<void> | undefined;
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items) => {
      await set(items);
      if (!signingOut && (items as Record<string, unknown>)['auth.hadSession'] === true) {
        signingOut = signOut();
      }
    });
    const user = await signIn({ interactive: true });
    await signingOut;

    expect(user.sub).toBe(DEMO_ACCOUNT.id);
    expect(await storedSecrets()).toEqual({ session: null, kept: null });
    expect(await authStatus.getValue()).toMatchObject({
      signedIn: false,
      reason: { key: 'signedOutByChoice' },
    });
  });
});

describe('a restore that answers after Sign out', () => {
  it('brings nothing back from the kept refresh token', async () => {
    await staySignedIn.setValue(true);
    await signIn({ interactive: true });
    // A new browser session: storage.session is empty, the kept token is on disk.
    await fakeBrowser.storage.session.clear();
    gateway.control.injectFault({ kind: 'hold', path: '/oauth2/token' });
    const restoring = restoreSession({ silent: false });
    const held = await holdTokenResponse();
    await signOut();
    held.release();
    await restoring;

    expect(await storedSecrets()).toEqual({ session: null, kept: null });
    expect(gateway.control.tokenStatus(held.tokens.refresh_token)).toBe('revoked');
    expect((await authStatus.getValue()).signedIn).toBe(false);
  });
});

describe('Stay signed in switched during a refresh', () => {
  beforeEach(async () => {
    await signIn({ interactive: true });
  });

  it('switched off: the renewed refresh token never reaches the disk', async () => {
    await staySignedIn.setValue(true);
    await applyStaySignedIn(true, ['aipass']);
    const { tokens, grant } = await refreshAcross(async () => {
      await staySignedIn.setValue(false);
      await applyStaySignedIn(false, ['aipass']);
    });
    expect(grant?.accessToken).toBe(tokens.access_token);
    const { session, kept } = await storedSecrets();
    expect(session?.refreshToken).toBe(tokens.refresh_token);
    expect(kept).toBeNull();
  });

  it('switched on: the disk ends with the renewed refresh token, not the spent one', async () => {
    const { tokens } = await refreshAcross(async () => {
      await staySignedIn.setValue(true);
      await applyStaySignedIn(true, ['aipass']);
    });
    expect((await keptRefreshToken('aipass').getValue())?.refreshToken).toBe(tokens.refresh_token);
  });

  it('switched on as the person signs out, in either order: nothing on disk', async () => {
    await staySignedIn.setValue(true);
    await Promise.all([signOut(), applyStaySignedIn(true, ['aipass'])]);
    expect(await storedSecrets()).toEqual({ session: null, kept: null });

    await signIn({ interactive: true });
    await keptRefreshToken('aipass').removeValue();
    await Promise.all([applyStaySignedIn(true, ['aipass']), signOut()]);
    expect(await storedSecrets()).toEqual({ session: null, kept: null });
  });
});

describe('the sign-in after a deliberate sign-out', () => {
  it('asks who is signing in (prompt=login), and only that once', async () => {
    await signIn({ interactive: true });
    await signOut();
    await signIn({ interactive: true });
    await signIn({ interactive: true });
    expect(windowsOpened.map((url) => url.searchParams.get('prompt'))).toEqual([
      null,
      'login',
      null,
    ]);
  });

  it('asks too when the person chose "Use another account"', async () => {
    await signIn({ interactive: true, anotherAccount: true });
    expect(windowsOpened[0]?.searchParams.get('prompt')).toBe('login');
  });

  it('is refused silently by the gateway after the prompt=login window was closed', async () => {
    await signIn({ interactive: true });
    await signOut();
    // The person closes the window the next sign-in opens, without signing in.
    vi.mocked(fakeBrowser.identity.launchWebAuthFlow).mockImplementationOnce(async ({ url }) => {
      await browse(url, jar);
      throw new Error('The user did not approve access.');
    });
    await expect(signIn({ interactive: true })).rejects.toMatchObject({ code: 'cancelled' });
    // The gateway's browser session no longer signs anyone in without a page.
    await expect(signIn({ interactive: false })).rejects.toMatchObject({
      code: 'interaction-required',
    });
    expect(windowsOpened.at(-1)?.searchParams.get('prompt')).toBe('none');
    expect(await storedSecrets()).toEqual({ session: null, kept: null });
  });
});

describe('a provider without a revocation endpoint', () => {
  it('signs out for good all the same, and sends nothing to revoke', async () => {
    await gateway.close();
    await useGateway({ announceRevocation: false });
    await staySignedIn.setValue(true);
    await signIn({ interactive: true });
    const { error } = await refreshAcross();
    expect(error).toMatchObject({ code: 'signed-out' });
    expect(await storedSecrets()).toEqual({ session: null, kept: null });
    expect(revokedAtGateway()).toEqual([]);
  });
});
