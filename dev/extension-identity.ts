import { createHash } from 'node:crypto';
import { AIPASS_REDIRECT_PATH, chromiumRedirectUri } from '../lib/auth/redirect-uri';

/**
 * The development and test identity of the extension.
 *
 * Chromium derives an unpacked extension's ID from the manifest `key` (the base64 DER public
 * key), so carrying the same key in every dev and test build gives the same ID — and so the same
 * OAuth redirect URI — on every machine. The private half was never kept: it is only needed to
 * sign a .crx, and store builds leave the key out (the store assigns its own).
 */
export const DEV_EXTENSION_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA2CWmdPd43JEvc5J8GmWqbbXBeAnZGwS8h9s+xW8i4QZxUXuX6ligauzCuC7eFd+NAC5h8XLlVG2+Cn4RAEZzQ5VfVq385fiYTJgrLPOIApz610xS8oh/gsWcQSdKI0iCxeR94apEF7rH6Poj/qf2dV/3vt/dbOCQeiwyyhpvnqUMd8IayaBrOANQXPqOrhL3JBIzAyIF4bB55hbfhtxKbmdcjEMeG7EPTnIVhVVyqfE6gHzKANWGCux4I+JLHbA4jDBIIrD361J+Pul6SgJdtkMRGRHp7cqh3+of9jcpAvrZHWCsc6Q7BFjCP1N6fDjAVdM1SCQeQhxw2IBG+7rU1wIDAQAB';

/** The ID Chromium derives from {@link DEV_EXTENSION_KEY}; checked by a unit test. */
export const DEV_EXTENSION_ID = 'kgoaohoiadceonlmhmfdajehanodhoem';

/** The dev build's AI Pass redirect URI, registered for the local gateway's demo client. */
export const DEV_REDIRECT_URI = chromiumRedirectUri(DEV_EXTENSION_ID, AIPASS_REDIRECT_PATH);

/**
 * The add-on ID of every Firefox build (`browser_specific_settings.gecko.id`). Firefox derives
 * the redirect URI from it, so it is the same for a temporary install and for the store's.
 */
export const FIREFOX_ADDON_ID = 'passlight@passlight.app';

/**
 * The URI Firefox's `identity.getRedirectURL(path)` returns for an add-on ID: the host is the
 * SHA-1 of the ID in hex, under `extensions.allizom.org`.
 */
export function firefoxRedirectUri(addonId: string, path: string): string {
  const hash = createHash('sha1').update(addonId).digest('hex');
  return `https://${hash}.extensions.allizom.org/${path}`;
}

/** Firefox's AI Pass redirect URI, registered for the local gateway's demo client too. */
export const FIREFOX_REDIRECT_URI = firefoxRedirectUri(FIREFOX_ADDON_ID, AIPASS_REDIRECT_PATH);
