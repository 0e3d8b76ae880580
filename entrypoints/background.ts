import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { registerPageActions } from '../lib/actions/context-menu';
import { registerAuthHandlers } from '../lib/auth/handlers';
import { restoreSession } from '../lib/auth/restore';
import { applyStaySignedIn } from '../lib/auth/session-store';
import { abandonOrphanedSignIn } from '../lib/auth/sign-in';
import { staySignedIn } from '../lib/config/settings';
import { registerSpeechHandlers } from '../lib/speech/handlers';

/**
 * The service worker is the composition root: every listener is registered synchronously in the
 * worker's first turn (MV3 drops events whose listeners are added later), and each concern lives
 * in its own module under `lib/`.
 */
export default defineBackground(() => {
  registerAuthHandlers();
  registerSpeechHandlers();
  registerPageActions();

  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') {
      void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
    }
  });
  browser.runtime.onStartup.addListener(() => {
    void restoreSession();
  });
  staySignedIn.watch((enabled) => {
    void applyStaySignedIn(enabled);
  });

  // A sign-in window cannot outlive the worker that opened it.
  void abandonOrphanedSignIn();
});
