/**
 * Redirect URIs for `identity.launchWebAuthFlow`.
 *
 * Chromium intercepts navigations to `https://<extension-id>.chromiumapp.org/<path>`, so that is
 * the URI a provider must have registered, byte for byte. Each provider gets its own path, so a
 * response meant for one provider can never arrive where another one is waiting.
 */
import { AIPASS_PROVIDER_ID } from '../config/provider-profile';

/** The redirect path of the built-in AI Pass provider: `identity.getRedirectURL('aipass')`. */
export const AIPASS_REDIRECT_PATH = AIPASS_PROVIDER_ID;

/** The URI `identity.getRedirectURL(path)` returns for an extension ID, for use outside the browser. */
export function chromiumRedirectUri(extensionId: string, path: string): string {
  return `https://${extensionId}.chromiumapp.org/${path}`;
}
