/**
 * Which AI Pass server and OAuth client the extension uses.
 *
 * The build sets defaults (see `wxt.config.ts` and the README); a person may override both on
 * the options page. Overrides live in `storage.local`, so they survive restarts; an empty
 * override means "use the build's default".
 */
import type { SpeechVoice } from '../speech/protocol';
import { defineCheckedItem } from './checked-item';
import { isBoolean, isNumber, isString, oneOf } from './schema';

export interface ProviderSettings {
  serverUrl: string;
  clientId: string;
}

/** What this build was made for: `WXT_SERVER_URL` and `WXT_CLIENT_ID` at build time. */
export const BUILD_DEFAULTS: ProviderSettings = {
  serverUrl: import.meta.env.WXT_SERVER_URL || 'https://aipass.one',
  clientId: import.meta.env.WXT_CLIENT_ID || '',
};

const serverUrlOverride = defineCheckedItem('local:settings.serverUrl', {
  fallback: '',
  check: isString({ max: 2048 }),
  label: 'the AI Pass server URL',
});
const clientIdOverride = defineCheckedItem('local:settings.clientId', {
  fallback: '',
  check: isString({ max: 256 }),
  label: 'the AI Pass Client ID',
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
export const staySignedIn = defineCheckedItem('local:settings.staySignedIn', {
  fallback: false,
  check: isBoolean,
  label: 'Stay signed in',
});

/** The voices AI Pass's text to speech offers. */
export const SPEECH_VOICES = [
  'alloy',
  'echo',
  'fable',
  'onyx',
  'nova',
  'shimmer',
] as const satisfies readonly SpeechVoice[];
export type { SpeechVoice };
export const DEFAULT_SPEECH_VOICE: SpeechVoice = 'alloy';

/** Read-aloud speed: 1 is normal; the range offered on the options page. */
export const SPEECH_SPEED = { min: 0.5, max: 2, step: 0.1, normal: 1 } as const;

export const speechVoice = defineCheckedItem<SpeechVoice>('local:settings.voice', {
  fallback: DEFAULT_SPEECH_VOICE,
  check: oneOf(SPEECH_VOICES),
  label: 'the read-aloud voice',
});
export const speechSpeed = defineCheckedItem('local:settings.speechSpeed', {
  fallback: SPEECH_SPEED.normal,
  check: isNumber({ min: SPEECH_SPEED.min, max: SPEECH_SPEED.max }),
  label: 'the read-aloud speed',
  // v2: always within range (see lib/config/migrations.ts).
  version: 2,
});

export function isSpeechVoice(value: unknown): value is SpeechVoice {
  return SPEECH_VOICES.includes(value as SpeechVoice);
}

/** The voice and speed to read with; a stored value that does not fit gives way to the default. */
export async function loadSpeechPreferences(): Promise<{ voice: SpeechVoice; speed: number }> {
  const [voice, speed] = await Promise.all([speechVoice.getValue(), speechSpeed.getValue()]);
  return { voice, speed };
}
