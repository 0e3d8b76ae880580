/** Checking a server URL typed by a person, before anything is saved or asked for. */
import { originPatternFor, PORTLESS_PATTERNS } from '../browsers/host-pattern';

export type ServerUrlCheck = { ok: true; origin: string } | { ok: false; reason: string };

/** Loopback hosts may use plain HTTP: traffic to them never leaves the machine. */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/**
 * Accepts an origin such as `https://aipass.one` (a trailing slash is fine) and returns it in
 * canonical form; refuses anything else with a reason a person can act on.
 */
export function checkServerUrl(input: string): ServerUrlCheck {
  const text = input.trim();
  if (text === '')
    return { ok: false, reason: 'Enter the server’s address, like https://aipass.one.' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return {
      ok: false,
      reason: 'That is not a web address. It should look like https://aipass.one.',
    };
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    return {
      ok: false,
      reason: 'The server must use https:// (plain http:// only on this computer).',
    };
  }
  if (url.username || url.password) {
    return { ok: false, reason: 'Leave the user name and password out of the address.' };
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    return {
      ok: false,
      reason: 'Give only the server’s origin, without a path, like https://aipass.one.',
    };
  }
  return { ok: true, origin: url.origin };
}

/** The host-permission pattern that covers one origin, e.g. `https://aipass.one/*`, in this browser. */
export function originPattern(origin: string): string {
  return originPatternFor(origin, { portless: PORTLESS_PATTERNS });
}
