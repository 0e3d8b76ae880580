/** Checking an OAuth client ID typed by a person. */
export type ClientIdCheck = { ok: true; clientId: string } | { ok: false; reason: string };

/** `providerName`, when known, goes in the message for an empty field. */
export function checkClientId(input: string, providerName?: string): ClientIdCheck {
  const clientId = input.trim();
  if (clientId === '') {
    return {
      ok: false,
      reason: providerName
        ? `Enter the Client ID of your ${providerName} OAuth client.`
        : 'Enter the Client ID of your OAuth client.',
    };
  }
  if (/\s/.test(clientId) || clientId.length > 256) {
    return { ok: false, reason: 'A Client ID has no spaces and is at most 256 characters long.' };
  }
  return { ok: true, clientId };
}
