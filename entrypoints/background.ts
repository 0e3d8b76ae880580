import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';

/**
 * The service worker is the composition root: every listener is registered synchronously in the
 * worker's first turn (MV3 drops events whose listeners are added later), and each concern lives
 * in its own module under `lib/`.
 */
export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') {
      void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
    }
  });
});
