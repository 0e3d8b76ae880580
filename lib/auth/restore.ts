/** At browser start: bring back the session the person had, without showing a window. */

import { staySignedIn } from '../config/settings';
import { aipassProvider } from './provider';
import { refreshOnce } from './refresh';
import { hadSession, keptRefreshToken, sessionTokens } from './session-store';
import { publishSession, signIn } from './sign-in';

export async function restoreSession(): Promise<void> {
  if (await sessionTokens.getValue()) return;
  const kept = await keptRefreshToken.getValue();
  if (kept && (await staySignedIn.getValue())) {
    // An expired placeholder, so that the refresh below runs with the kept refresh token.
    await sessionTokens.setValue({
      ...kept,
      accessToken: '',
      expiresAt: 0,
      lifetimeSeconds: 0,
      scope: '',
    });
    try {
      const session = await refreshOnce();
      await publishSession(aipassProvider(session), session.accessToken);
      return;
    } catch {
      // Fall through to a silent sign-in: the server may still have a browser session.
    }
  }
  if (await hadSession.getValue()) {
    await signIn({ interactive: false }).catch(() => {
      // Quiet by design: the popup offers "Sign in" when this does not work.
    });
  }
}
