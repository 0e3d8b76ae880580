/**
 * `npm start`: the local AI Pass gateway, the extension built against it, and Chromium (or, with
 * `--firefox`, Firefox) with the extension loaded and a welcome tab. Without a display (or with
 * `--tour`), the same pages are visited headless and screenshots are written instead.
 */
import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { buildExtension, PROJECT_ROOT } from './build-extension';
import { CHROMIUM_ARGS, CHROMIUM_PATH, extensionArgs } from './chromium';
import { DEV_EXTENSION_ID } from './extension-identity';
import { launchFirefox } from './firefox';
import { runFirefoxTour } from './firefox-tour';
import { DEMO_ACCOUNT, DEMO_CLIENT, type Gateway, startGateway } from './gateway';
import { runTour } from './tour';

const PREFERRED_PORT = 8787;

/** The preferred port when it is free, otherwise any free port. */
async function startLocalGateway(): Promise<Gateway> {
  try {
    return await startGateway({ port: PREFERRED_PORT, log: true, paceMs: 20 });
  } catch {
    return await startGateway({ port: 0, log: true, paceMs: 20 });
  }
}

const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const tourOnly = process.argv.includes('--tour') || !hasDisplay;
const browser = process.argv.includes('--firefox') ? 'firefox' : 'chrome';
/** `--docs`: the tour also makes the README's pictures again. */
const writeDocs = process.argv.includes('--docs');
const DOCS_SCREENSHOTS = path.join(PROJECT_ROOT, 'docs', 'screenshots');

const gateway = await startLocalGateway();
console.log(`Local AI Pass gateway: ${gateway.url}`);
console.log(`Demo account:          ${DEMO_ACCOUNT.email} / ${DEMO_ACCOUNT.password}`);
console.log('Building the extension against it…');
const extensionDir = await buildExtension({
  mode: 'development',
  serverUrl: gateway.url,
  clientId: DEMO_CLIENT.clientId,
  browser,
});
console.log(`Extension built:       ${path.relative(PROJECT_ROOT, extensionDir)}`);

if (tourOnly) {
  const outDir = path.join(PROJECT_ROOT, '.tmp', 'tour');
  console.log(
    hasDisplay ? 'Taking the tour headless…' : 'No display found: taking the tour headless…',
  );
  const files =
    browser === 'firefox'
      ? await runFirefoxTour(extensionDir, outDir, gateway)
      : await runTour(extensionDir, outDir, gateway, writeDocs ? DOCS_SCREENSHOTS : undefined);
  console.log('Screenshots of each step:');
  for (const file of files) console.log(`  ${path.relative(PROJECT_ROOT, file)}`);
  await gateway.close();
} else if (browser === 'firefox') {
  // Installed over WebDriver BiDi as a temporary add-on, as about:debugging would.
  const firefox = await launchFirefox(extensionDir, { headless: false });
  console.log('Firefox is open with Passlight loaded. Close it (or press Ctrl-C) to stop.');
  const stop = () => void firefox.close();
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await new Promise((resolve) => firefox.browser.once('disconnected', resolve));
  await gateway.close();
} else {
  const profile = path.join(PROJECT_ROOT, '.tmp', 'profile');
  await mkdir(profile, { recursive: true });
  const welcome = `chrome-extension://${DEV_EXTENSION_ID}/welcome.html`;
  const browser = spawn(
    CHROMIUM_PATH,
    [...CHROMIUM_ARGS, ...extensionArgs(extensionDir), `--user-data-dir=${profile}`, welcome],
    { stdio: 'ignore' },
  );
  console.log('Chromium is open with Passlight loaded. Close it (or press Ctrl-C) to stop.');
  const stop = () => browser.kill();
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await new Promise((resolve) => browser.on('exit', resolve));
  await gateway.close();
}
