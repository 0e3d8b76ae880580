/**
 * The OpenID provider and a local gateway behind it, wired together: the gateway serves the model
 * API and accepts the provider's access tokens through introspection. What a test or a local run
 * of "sign in with any OpenID Connect gateway" needs in one call.
 */
import { type Gateway, type GatewayOptions, startGateway } from '../gateway';
import { type OidcProvider, type OidcProviderOptions, startOidcProvider } from './provider';

export interface OidcStackOptions {
  provider?: OidcProviderOptions;
  /** The gateway's options; its `externalTokens` always point at the provider. */
  gateway?: Omit<GatewayOptions, 'externalTokens'>;
}

export interface OidcStack {
  provider: OidcProvider;
  gateway: Gateway;
  close(): Promise<void>;
}

export async function startOidcStack(options: OidcStackOptions = {}): Promise<OidcStack> {
  const provider = await startOidcProvider(options.provider);
  try {
    const gateway = await startGateway({
      ...options.gateway,
      externalTokens: provider.resourceServer,
    });
    return {
      provider,
      gateway,
      close: async () => {
        await Promise.all([gateway.close(), provider.close()]);
      },
    };
  } catch (error) {
    await provider.close();
    throw error;
  }
}
