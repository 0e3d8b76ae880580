/** Checking an OAuth client ID typed by a person. */
import { connectionText } from '../i18n/messages/connection';
export type ClientIdCheck = { ok: true; clientId: string } | { ok: false; reason: string };

const CLIENT_ID_MAX = 256;

/** `providerName`, when known, goes in the message for an empty field. */
export function checkClientId(input: string, providerName?: string): ClientIdCheck {
  const clientId = input.trim();
  if (clientId === '') {
    return {
      ok: false,
      reason: providerName
        ? connectionText('enterClientIdOf', { provider: providerName })
        : connectionText('enterClientId'),
    };
  }
  if (/\s/.test(clientId) || clientId.length > CLIENT_ID_MAX) {
    return { ok: false, reason: connectionText('clientIdShape', { max: CLIENT_ID_MAX }) };
  }
  return { ok: true, clientId };
}
