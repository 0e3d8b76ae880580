import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  FIREFOX_ADDON_ID,
  FIREFOX_REDIRECT_URI,
  firefoxRedirectUri,
} from '../../dev/extension-identity';
import { DEMO_CLIENT } from '../../dev/gateway';
import { rewriteModule } from '../../dev/no-raw-html';
import { DEFAULT_OIDC_REDIRECT_URIS } from '../../dev/oidc/provider';
import { originPatternFor } from '../../lib/browsers/host-pattern';

describe('host patterns per browser', () => {
  it('keeps the port where the browser honours it', () => {
    expect(originPatternFor('http://127.0.0.1:8787', { portless: false })).toBe(
      'http://127.0.0.1:8787/*',
    );
    expect(originPatternFor('https://aipass.one', { portless: false })).toBe(
      'https://aipass.one/*',
    );
  });

  it('drops the port for Firefox, which ignores it', () => {
    expect(originPatternFor('http://127.0.0.1:8787', { portless: true })).toBe(
      'http://127.0.0.1/*',
    );
    expect(originPatternFor('http://[::1]:8080', { portless: true })).toBe('http://[::1]/*');
    expect(originPatternFor('https://aipass.one', { portless: true })).toBe('https://aipass.one/*');
  });
});

describe('the Firefox redirect URI', () => {
  it('is the SHA-1 of the add-on ID under extensions.allizom.org', () => {
    expect(firefoxRedirectUri('passlight@passlight.app', 'aipass')).toBe(
      'https://f89e3fcb72aedbdb027c25667f102ff74a39530f.extensions.allizom.org/aipass',
    );
    expect(firefoxRedirectUri(FIREFOX_ADDON_ID, 'aipass')).toBe(FIREFOX_REDIRECT_URI);
  });

  it('is registered by the demo client and the OpenID test provider', () => {
    expect(DEMO_CLIENT.redirectUris).toContain(FIREFOX_REDIRECT_URI);
    expect(DEFAULT_OIDC_REDIRECT_URIS).toContain(firefoxRedirectUri(FIREFOX_ADDON_ID, 'oidc'));
    expect(DEFAULT_OIDC_REDIRECT_URIS).toContain(firefoxRedirectUri(FIREFOX_ADDON_ID, 'ai-stats'));
  });
});

describe('the build step that removes innerHTML assignments from libraries', () => {
  const preact = 'node_modules/preact/dist/preact.mjs';
  const readability = 'node_modules/@mozilla/readability/Readability.js';
  const highlightJs = 'node_modules/highlight.js/lib/core.js';
  const assignment = /\.innerHTML\s*=(?!=)/;

  it('leaves none in the Preact, Readability and highlight.js that are installed', () => {
    for (const file of [preact, readability, highlightJs]) {
      const code = readFileSync(file, 'utf8');
      expect(code).toMatch(assignment);
      const rewritten = rewriteModule(`/project/${file}`, code) ?? '';
      expect(rewritten).not.toMatch(assignment);
    }
  });

  it('makes dangerouslySetInnerHTML throw rather than render', () => {
    const code = readFileSync(preact, 'utf8');
    expect(rewriteModule(`/project/${preact}`, code)).toContain(
      'dangerouslySetInnerHTML is refused',
    );
  });

  it('fails loudly when a library no longer has the code it rewrites', () => {
    expect(() => rewriteModule(`/project/${readability}`, 'var x = 1;')).toThrow(
      /expected one match/,
    );
  });

  it('does not touch other modules', () => {
    expect(rewriteModule('/project/lib/markdown/render.ts', 'el.innerHTML = x')).toBeUndefined();
  });
});
