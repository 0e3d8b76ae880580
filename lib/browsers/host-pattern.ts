/**
 * Host-permission patterns, which Chromium and Firefox read differently: Firefox ignores the port
 * of a match pattern, so `http://127.0.0.1:8787/*` grants nothing there, while the port-less
 * `http://127.0.0.1/*` grants every port of that host. Chromium honours ports.
 */

/** The pattern that covers one origin, e.g. `https://aipass.one/*`, in a browser of this kind. */
export function originPatternFor(origin: string, { portless }: { portless: boolean }): string {
  if (!portless) return `${origin}/*`;
  const { protocol, hostname } = new URL(origin);
  return `${protocol}//${hostname}/*`;
}

/** Whether this build's browser needs port-less patterns (a build-time constant). */
export const PORTLESS_PATTERNS: boolean = import.meta.env.FIREFOX;
