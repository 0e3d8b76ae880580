/** Checking an OAuth client ID typed by a person. */
export type ClientIdCheck = { ok: true; clientId: string } | { ok: false; reason: string };

export function checkClientId(input: string): ClientIdCheck {
  const clientId = input.trim();
  if (clientId === '') {
    return { ok: false, reason: 'Enter the Client ID of your AI Pass OAuth client.' };
  }
  if (/\s/.test(clientId) || clientId.length > 256) {
    return { ok: false, reason: 'A Client ID has no spaces and is at most 256 characters long.' };
  }
  return { ok: true, clientId };
}
