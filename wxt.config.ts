import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { DEV_EXTENSION_KEY, FIREFOX_ADDON_ID } from './dev/extension-identity';
import { inlinePageCss, inlineStyleSources } from './dev/inline-page-css';
import { inlineNoFonts, katexFonts } from './dev/katex-fonts';
import { noRawHtml } from './dev/no-raw-html';
import { originPatternFor } from './lib/browsers/host-pattern';
import { DEFAULT_LOCALE, manifestLocaleFiles, manifestMessage } from './lib/i18n/manifest-locales';

/** The AI Pass origin a store build talks to, unless the build or the user says otherwise. */
const DEFAULT_SERVER_URL = 'https://aipass.one';

/**
 * Extension pages may load only their own files (`default-src 'self'`): scripts, styles, frames
 * and workers. Images only from the extension itself and from data:/blob: URLs we make, so that
 * a prompt-injected markdown image cannot call home. Connections go to what Passlight must reach:
 * any https: gateway (the server is chosen at run time), loopback for development, and the
 * data:/blob: URLs of images being read; nothing else, so plain http: to the open web is refused.
 * The build adds `style-src`: the extension's files, and each page's inline styles by their hash.
 */
const EXTENSION_PAGES_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "img-src 'self' data: blob:",
  "media-src 'self' data: blob:",
  "connect-src 'self' https: data: blob: http://127.0.0.1:* http://localhost:*",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The lowest Firefox that has everything the build uses: `data_collection_permissions` came last
 * (140); MV3 event pages, `storage.session`, `optional_host_permissions` and `sidebarAction`
 * came before.
 */
const FIREFOX_MIN_VERSION = '140.0';
/**
 * Firefox for Android took `data_collection_permissions` in 142. Passlight needs a sidebar, which
 * Android has not, so it is not offered there; the key only states what such a build would need.
 */
const FIREFOX_ANDROID_MIN_VERSION = '142.0';

/** What Chromium's side panel and offscreen audio need; Firefox has `sidebar_action` and a background page. */
const CHROMIUM_ONLY_PERMISSIONS = ['sidePanel', 'offscreen'];

export default defineConfig({
  // Both browsers get Manifest V3 (WXT would build Firefox as MV2, which drops optional_host_permissions).
  manifestVersion: 3,
  hooks: {
    // The manifest's name, description and commands in every language, from one catalog.
    'build:publicAssets': (_wxt, files) => {
      files.push(...manifestLocaleFiles());
    },
    // The pages carry their own styles inline (dev/inline-page-css.ts); the CSP allows those
    // styles by their hashes, and any other style only from the extension's files.
    'build:manifestGenerated': async (wxt, manifest) => {
      const csp = manifest.content_security_policy;
      if (typeof csp !== 'object' || !csp.extension_pages) return;
      const styles = await inlineStyleSources(wxt.config.outDir);
      csp.extension_pages += `; style-src 'self' ${styles.join(' ')}`.trimEnd();
    },
  },
  vite: () => ({
    plugins: [
      preact({ devToolsEnabled: false, prefreshEnabled: false }),
      noRawHtml(),
      katexFonts(),
      inlinePageCss(),
    ],
    // No module preloads: an extension page's files are on disk, and a page's preloads compete
    // with its first paint (the side panel's frame painted tens of milliseconds later with them).
    build: { assetsInlineLimit: inlineNoFonts, modulePreload: false },
  }),
  manifest: ({ mode, browser }) => {
    const serverUrl = new URL(process.env.WXT_SERVER_URL || DEFAULT_SERVER_URL);
    const isStoreBuild = mode === 'production';
    const isFirefox = browser === 'firefox';
    return {
      name: manifestMessage('name'),
      description: manifestMessage('description'),
      default_locale: DEFAULT_LOCALE,
      // Chromium dev and test builds carry a fixed key so the extension ID and OAuth redirect URI
      // never change; Firefox takes both from the add-on ID below.
      ...(isStoreBuild || isFirefox ? {} : { key: DEV_EXTENSION_KEY }),
      permissions: [
        'identity',
        'storage',
        'contextMenus',
        'sidePanel',
        'activeTab',
        'scripting',
        'offscreen',
      ].filter((permission) => !(isFirefox && CHROMIUM_ONLY_PERMISSIONS.includes(permission))),
      // The provider's origin only; a server chosen in the options page is asked for at run time.
      host_permissions: [originPatternFor(serverUrl.origin, { portless: isFirefox })],
      optional_host_permissions: ['<all_urls>'],
      content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
      action: { default_title: 'Passlight' },
      // Firefox needs an ID for MV3 and a statement of what leaves the browser: the page text
      // and images a person sends to AI Pass.
      ...(isFirefox
        ? {
            browser_specific_settings: {
              gecko: {
                id: FIREFOX_ADDON_ID,
                strict_min_version: FIREFOX_MIN_VERSION,
                data_collection_permissions: { required: ['websiteContent'] },
              },
              gecko_android: { strict_min_version: FIREFOX_ANDROID_MIN_VERSION },
            },
          }
        : {}),
      commands: {
        // Chromium silently leaves a suggestion it reserves unassigned (Alt+Shift+P and
        // Alt+Shift+A among them); a test checks that both of these are assigned.
        'open-side-panel': {
          suggested_key: { default: 'Alt+Shift+Y' },
          description: manifestMessage('openSidePanel'),
        },
        'explain-selection': {
          suggested_key: { default: 'Alt+Shift+E' },
          description: manifestMessage('explainSelection'),
        },
      },
    };
  },
});
