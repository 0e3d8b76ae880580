/** Steps shared by the tests of other gateways: adding one on the options page, and asking its server. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page, Worker } from '@playwright/test';
import { introspectionRequest } from '../../dev/gateway/oauth/external-tokens';
import type { OidcProvider } from '../../dev/oidc/provider';
import { expect } from './fixtures';

export interface NewProvider {
  issuer: string;
  name: string;
  apiBase: string;
  clientId: string;
  /** The label of the token request style to pick, when the page asks for one. */
  tokenStyle?: string;
}

/** Fills "Add a provider" on the options page, reads the metadata, and adds it. */
export async function addProviderInOptions(options: Page, provider: NewProvider): Promise<void> {
  await options.getByLabel('Issuer URL').fill(provider.issuer);
  await options.getByRole('button', { name: 'Read settings' }).click();
  await expect(options.getByLabel('What the server says about itself')).toContainText(
    provider.issuer,
  );
  await options.getByLabel('Name', { exact: true }).fill(provider.name);
  await options.getByLabel('API base URL').fill(provider.apiBase);
  await options.getByLabel('Client ID', { exact: true }).last().fill(provider.clientId);
  if (provider.tokenStyle) {
    await options.getByLabel('Token request style').selectOption({ label: provider.tokenStyle });
  }
  await options.getByRole('button', { name: 'Add provider' }).click();
  await expect(options.getByText(`Added ${provider.name}.`)).toBeVisible();
}

/** Adds a local OpenID provider on the options page under `name` ("AI Stats" by default). */
export function addOpenIdProvider(
  options: Page,
  provider: OidcProvider,
  apiBase: string,
  name = 'AI Stats',
): Promise<void> {
  return addProviderInOptions(options, {
    issuer: provider.issuer,
    name,
    apiBase,
    clientId: provider.clientId,
  });
}

/** What the provider says of a token now (RFC 7662), asked with the gateway's credential. */
export async function isTokenActive(provider: OidcProvider, token: string): Promise<boolean> {
  const response = await introspectionRequest(provider.resourceServer, token);
  expect(response.status).toBe(200);
  return ((await response.json()) as { active: boolean }).active;
}

export interface StoredTokens {
  accessToken: string;
  refreshToken?: string;
  expiresAt: number;
}

/** The session the worker keeps for one provider, or undefined. */
export async function storedTokens(
  serviceWorker: Worker,
  providerId: string,
): Promise<StoredTokens | undefined> {
  const key = `auth.tokens.${providerId}`;
  const stored = await serviceWorker.evaluate((key) => chrome.storage.session.get(key), key);
  return stored[key] as StoredTokens | undefined;
}

/** Makes the stored access token look expired, so the next call refreshes it first. */
export async function expireStoredToken(serviceWorker: Worker, providerId: string): Promise<void> {
  await serviceWorker.evaluate(async (key) => {
    const stored = await chrome.storage.session.get(key);
    await chrome.storage.session.set({ [key]: { ...(stored[key] as object), expiresAt: 0 } });
  }, `auth.tokens.${providerId}`);
}

/** The providers saved in `storage.local`, as the options page left them. */
export async function savedProviders(serviceWorker: Worker): Promise<unknown[]> {
  const stored = await serviceWorker.evaluate(() => chrome.storage.local.get('providers.added'));
  return (stored['providers.added'] as unknown[] | undefined) ?? [];
}

/** A server whose every answer is the same broken JSON: metadata that cannot be read. */
export async function startMalformedIssuer(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"issuer": ');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
