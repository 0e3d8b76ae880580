import { loadProviderSettings } from '../config/settings';
import { AuthError } from './errors';
import { aipassProvider, type Provider } from './provider';

/** The provider the person has chosen; refuses with a clear reason when it is not set up. */
export async function currentProvider(): Promise<Provider> {
  const provider = aipassProvider(await loadProviderSettings());
  if (!provider.clientId) {
    throw new AuthError(
      'not-configured',
      'Passlight has no OAuth Client ID yet. Set one in Settings, then sign in.',
    );
  }
  return provider;
}
