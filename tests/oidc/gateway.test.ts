/**
 * The local gateway serving the model API behind the OpenID provider: it accepts the provider's
 * access tokens because the provider's introspection vouches for them, and stops accepting them
 * once they are revoked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Gateway, startGateway } from '../../dev/gateway';
import type { OidcProvider } from '../../dev/oidc/provider';
import { type OidcStack, startOidcStack } from '../../dev/oidc/stack';
import { introspect, revoke, signInForTokens } from './helpers';

let stack: OidcStack;
let gateway: Gateway;
/** A second gateway that asks the provider on every request, to see a revocation at once. */
let uncachedGateway: Gateway;
const provider = (): OidcProvider => stack.provider;

beforeAll(async () => {
  stack = await startOidcStack();
  gateway = stack.gateway;
  uncachedGateway = await startGateway({
    externalTokens: { ...stack.provider.resourceServer, cacheSeconds: 0 },
  });
});
afterAll(async () => {
  await uncachedGateway?.close();
  await stack?.close();
});

function chat(target: Gateway, accessToken: string, stream = true): Promise<Response> {
  return fetch(`${target.url}/oauth2/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Hello from an OpenID provider' }],
      stream,
    }),
  });
}

/** The answer text of an SSE chat stream, and whether it ended with [DONE]. */
async function readStream(response: Response): Promise<{ text: string; done: boolean }> {
  const events = (await response.text())
    .split('\n\n')
    .filter((event) => event.startsWith('data: '))
    .map((event) => event.slice('data: '.length));
  const done = events.at(-1) === '[DONE]';
  const text = events
    .filter((data) => data !== '[DONE]')
    .map((data) => {
      const chunk = JSON.parse(data) as { choices: { delta: { content?: string } }[] };
      return chunk.choices[0]?.delta.content ?? '';
    })
    .join('');
  return { text, done };
}

function usage(target: Gateway, accessToken: string): Promise<Response> {
  return fetch(`${target.url}/api/v1/usage/me/summary`, {
    headers: { authorization: `Bearer ${accessToken}` },
  });
}

describe('the gateway behind the OpenID provider', () => {
  it("streams a chat completion for the provider's access token", async () => {
    const { access_token } = await signInForTokens(provider());
    const response = await chat(gateway, access_token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const { text, done } = await readStream(response);
    expect(text).toContain('Hello from an OpenID provider');
    expect(done).toBe(true);
  });

  it("bills the provider's user with the default budget, and lists models", async () => {
    const { access_token } = await signInForTokens(provider());
    const models = await fetch(`${gateway.url}/oauth2/v1/models`, {
      headers: { authorization: `Bearer ${access_token}` },
    });
    expect(models.status).toBe(200);
    expect(await models.json()).toContain('gpt-4o-mini');

    const before = (await (await usage(gateway, access_token)).json()) as {
      data: { remainingBudget: number; maxBudget: number };
    };
    expect(before.data.maxBudget).toBe(10);
    await readStream(await chat(gateway, access_token));
    const after = (await (await usage(gateway, access_token)).json()) as {
      data: { remainingBudget: number };
    };
    expect(after.data.remainingBudget).toBeLessThan(before.data.remainingBudget);
  });

  it('refuses a revoked access token', async () => {
    const { access_token } = await signInForTokens(provider());
    expect((await chat(uncachedGateway, access_token, false)).status).toBe(200);
    expect((await revoke(provider(), access_token, 'access_token')).status).toBe(200);

    const refused = await chat(uncachedGateway, access_token);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toContain('error="invalid_token"');
    // The caching gateway had never seen it: refused too.
    expect((await chat(gateway, access_token)).status).toBe(401);
  });

  it('refuses every token of a grant whose refresh token was revoked', async () => {
    const tokens = await signInForTokens(provider());
    await revoke(provider(), tokens.refresh_token ?? '', 'refresh_token');
    expect((await introspect(provider(), tokens.access_token)).active).toBe(false);
    expect((await chat(uncachedGateway, tokens.access_token)).status).toBe(401);
  });

  it('refuses a token without gateway:access with 403 insufficient_scope', async () => {
    const { access_token } = await signInForTokens(provider(), { scope: 'openid profile' });
    const response = await chat(gateway, access_token);
    expect(response.status).toBe(403);
    expect(response.headers.get('www-authenticate')).toContain('scope="gateway:access"');
  });

  it('refuses a refresh token presented as an access token', async () => {
    const { refresh_token } = await signInForTokens(provider());
    expect((await chat(gateway, refresh_token ?? '')).status).toBe(401);
  });
});
