import { loadActiveProvider } from '../config/providers';
import { authText } from '../i18n/messages/auth';
import { AuthError } from './errors';
import type { Provider } from './provider';

/** The provider the person has chosen; refuses with a clear reason when it is not set up. */
export async function currentProvider(): Promise<Provider> {
  const provider = await loadActiveProvider();
  if (!provider.clientId) {
    throw new AuthError('not-configured', authText('noClientId', { provider: provider.name }));
  }
  return provider;
}
