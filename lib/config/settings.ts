/**
 * Which AI Pass server and OAuth client the extension uses.
 *
 * The build sets defaults (see `wxt.config.ts` and the README); a person may override both on
 * the options page. Overrides live in `storage.local`, so they survive restarts; an empty
 * override means "use the build's default".
 */
import { storage } from 'wxt/utils/storage';

export interface ProviderSettings {
  serverUrl: string;
  clientId: string;
}

/** What this build was made for: `WXT_SERVER_URL` and `WXT_CLIENT_ID` at build time. */
export const BUILD_DEFAULTS: ProviderSettings = {
  serverUrl: import.meta.env.WXT_SERVER_URL || 'https://aipass.one',
  clientId: import.meta.env.WXT_CLIENT_ID || '',
};

const serverUrlOverride = storage.defineItem<string>('local:settings.serverUrl', {
  fallback: '',
  version: 1,
});
const clientIdOverride = storage.defineItem<string>('local:settings.clientId', {
  fallback: '',
  version: 1,
});

function effective(serverUrl: string, clientId: string): ProviderSettings {
  return {
    serverUrl: serverUrl || BUILD_DEFAULTS.serverUrl,
    clientId: clientId || BUILD_DEFAULTS.clientId,
  };
}

export async function loadProviderSettings(): Promise<ProviderSettings> {
  const [serverUrl, clientId] = await Promise.all([
    serverUrlOverride.getValue(),
    clientIdOverride.getValue(),
  ]);
  return effective(serverUrl, clientId);
}

/** Saves already-checked values; a value equal to the build default is stored as "no override". */
export async function saveProviderSettings(settings: ProviderSettings): Promise<void> {
  await Promise.all([
    serverUrlOverride.setValue(
      settings.serverUrl === BUILD_DEFAULTS.serverUrl ? '' : settings.serverUrl,
    ),
    clientIdOverride.setValue(
      settings.clientId === BUILD_DEFAULTS.clientId ? '' : settings.clientId,
    ),
  ]);
}

export async function resetProviderSettings(): Promise<void> {
  await Promise.all([serverUrlOverride.removeValue(), clientIdOverride.removeValue()]);
}

/** Calls back with the effective settings whenever either override changes, in any context. */
export function watchProviderSettings(callback: (settings: ProviderSettings) => void): () => void {
  const reload = () => void loadProviderSettings().then(callback);
  const unwatchServer = serverUrlOverride.watch(reload);
  const unwatchClient = clientIdOverride.watch(reload);
  return () => {
    unwatchServer();
    unwatchClient();
  };
}

/**
 * "Stay signed in": keep the refresh token in `storage.local` (on disk) so a session survives a
 * browser restart. Off by default: on disk, anyone with access to the profile could copy it.
 */
export const staySignedIn = storage.defineItem<boolean>('local:settings.staySignedIn', {
  fallback: false,
  version: 1,
});
