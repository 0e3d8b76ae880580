/** Checking a server URL typed by a person, before anything is saved or asked for. */
import { originPatternFor, PORTLESS_PATTERNS } from '../browsers/host-pattern';
import { connectionText } from '../i18n/messages/connection';

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
  if (text === '') return { ok: false, reason: connectionText('enterServer') };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, reason: connectionText('notAUrl') };
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    return { ok: false, reason: connectionText('needsHttps') };
  }
  if (url.username || url.password) {
    return { ok: false, reason: connectionText('noCredentials') };
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    return { ok: false, reason: connectionText('originOnly') };
  }
  return { ok: true, origin: url.origin };
}

/** The host-permission pattern that covers one origin, e.g. `https://aipass.one/*`, in this browser. */
export function originPattern(origin: string): string {
  return originPatternFor(origin, { portless: PORTLESS_PATTERNS });
}
