/** Builds the extension for local use: tests (`test` mode) and `npm start` (`development` mode). */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

export type BuildMode = 'test' | 'development';

export type TargetBrowser = 'chrome' | 'firefox';

/** The folder WXT writes an MV3 build of this mode and browser to. */
export function extensionOutputDir(mode: BuildMode, browser: TargetBrowser = 'chrome'): string {
  const suffix = mode === 'development' ? 'dev' : mode;
  return fileURLToPath(new URL(`../.output/${browser}-mv3-${suffix}`, import.meta.url));
}

export interface BuildSettings {
  mode: BuildMode;
  /** The server the build talks to by default (a host permission is granted for its origin). */
  serverUrl: string;
  clientId: string;
  /** Default 'chrome'. */
  browser?: TargetBrowser;
}

export async function buildExtension(settings: BuildSettings): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    const browser = settings.browser ?? 'chrome';
    const child = spawn('npx', ['wxt', 'build', '-b', browser, '--mode', settings.mode], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, WXT_SERVER_URL: settings.serverUrl, WXT_CLIENT_ID: settings.clientId },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`wxt build failed (exit ${code}):\n${output}`)),
    );
  });
  return extensionOutputDir(settings.mode, settings.browser);
}
