/**
 * Which providers the person has, and which one is in use. AI Pass is always there, built from
 * the provider settings; the others were added on the options page. Both lists live in
 * `storage.local` (nothing secret: no token is kept here), so every context can read them.
 */

import { defineCheckedItem } from './checked-item';
import { AIPASS_PROVIDER_ID, aipassProvider, type Provider } from './provider-profile';
import { arrayOf, isBoolean, isString, oneOf, shape } from './schema';
import { loadProviderSettings, watchProviderSettings } from './settings';
import { isTokenDialect } from './token-dialects';

/** Ids are URL-safe: they are also the path of the provider's redirect URI. */
const isProviderId = isString({ max: 64, pattern: /^[a-z0-9][a-z0-9-]*$/ });
const isUrl = isString({ max: 2048, pattern: /^https?:\/\/\S+$/ });

export const isProvider = shape<Provider>({
  id: isProviderId,
  name: isString({ max: 60 }),
  issuer: isUrl,
  discovery: oneOf(['oauth2', 'oidc']),
  clientId: isString({ max: 256 }),
  scopes: arrayOf(isString({ max: 200 }), { max: 50 }),
  tokenDialect: isTokenDialect,
  apiBase: isUrl,
  hasBalance: isBoolean,
});

export const addedProviders = defineCheckedItem('local:providers.added', {
  fallback: [] as Provider[],
  check: arrayOf(isProvider, { max: 50 }),
  label: 'the providers you added',
});

export const activeProviderId = defineCheckedItem('local:providers.active', {
  fallback: AIPASS_PROVIDER_ID,
  check: isProviderId,
  label: 'the provider in use',
});

/** Every provider, AI Pass first. */
export async function loadProviders(): Promise<[Provider, ...Provider[]]> {
  const [settings, added] = await Promise.all([loadProviderSettings(), addedProviders.getValue()]);
  return [aipassProvider(settings), ...added];
}

/** The provider in use; AI Pass when the chosen one was removed. */
export async function loadActiveProvider(): Promise<Provider> {
  const [providers, activeId] = await Promise.all([loadProviders(), activeProviderId.getValue()]);
  return providers.find((provider) => provider.id === activeId) ?? providers[0];
}

export async function addProvider(provider: Provider): Promise<void> {
  const added = await addedProviders.getValue();
  if (provider.id === AIPASS_PROVIDER_ID || added.some((p) => p.id === provider.id)) {
    throw new Error(`A provider with the id ${provider.id} exists already.`);
  }
  await addedProviders.setValue([...added, provider]);
}

export async function removeProvider(id: string): Promise<void> {
  const added = await addedProviders.getValue();
  await addedProviders.setValue(added.filter((provider) => provider.id !== id));
  if ((await activeProviderId.getValue()) === id) await activeProviderId.removeValue();
}

/** Calls back with every provider and the active id whenever any of them changes. */
export function watchProviders(
  callback: (providers: Provider[], activeId: string) => void,
): () => void {
  const reload = () =>
    void Promise.all([loadProviders(), activeProviderId.getValue()]).then(([providers, id]) =>
      callback(providers, id),
    );
  const unwatch = [
    watchProviderSettings(reload),
    addedProviders.watch(reload),
    activeProviderId.watch(reload),
  ];
  return () => {
    for (const stop of unwatch) stop();
  };
}
