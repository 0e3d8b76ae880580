import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { registerPageActions } from '../lib/actions/context-menu';
import { registerAuthHandlers } from '../lib/auth/handlers';
import { publishStatus } from '../lib/auth/publish';
import { restoreIfNewBrowserSession, restoreSession } from '../lib/auth/restore';
import { applyStaySignedIn } from '../lib/auth/session-store';
import { abandonOrphanedSignIn } from '../lib/auth/sign-in';
import { applyStoredChanges } from '../lib/config/migrations';
import { activeProviderId, loadProviders } from '../lib/config/providers';
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
    void applyStoredChanges(reason);
    if (reason === 'install') {
      void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
    }
  });
  // Registered so that the browser starts the worker with the profile; the work itself is done by
  // restoreIfNewBrowserSession below, once per browser session however the worker was woken.
  browser.runtime.onStartup.addListener(() => {
    void restoreSession({ silent: true });
  });
  staySignedIn.watch((enabled) => {
    void loadProviders().then((providers) =>
      applyStaySignedIn(
        enabled,
        providers.map((provider) => provider.id),
      ),
    );
  });
  // Another provider chosen on the options page: the pages now show its session, if it has one.
  activeProviderId.watch(() => {
    void publishStatus().then(() => restoreSession({ silent: false }));
  });

  // A sign-in window cannot outlive the worker that opened it.
  void abandonOrphanedSignIn();
  void restoreIfNewBrowserSession();
});
