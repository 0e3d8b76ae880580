#!/usr/bin/env node
/**
 * The first step of `npm start`, `npm test`, `npm run bench`, `npm run gateway` and `npm run oidc`: makes sure
 * the dependencies and Chromium are there (installing them where it can, saying exactly what to
 * install where it cannot), then runs the real command. Plain Node with no dependencies, because
 * it runs before `node_modules` exists.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// The same default as dev/chromium.ts, which cannot be imported before dependencies exist.
const chromiumPath = process.env.PASSLIGHT_CHROMIUM ?? '/usr/bin/chromium';

function run(command, args, env = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function ensureDependencies() {
  const installed = `${root}/node_modules/.package-lock.json`;
  const lock = `${root}/package-lock.json`;
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) return;
  console.log('Installing dependencies (npm ci)…');
  if (run('npm', ['ci']) !== 0) {
    console.error('npm ci failed: see above. Node.js 20 or newer and npm 10 or newer are needed.');
    process.exit(1);
  }
}

function ensureChromium() {
  if (existsSync(chromiumPath)) return;
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!process.env.PASSLIGHT_CHROMIUM && isRoot && hasApt) {
    console.log('Installing Chromium from Debian packages (apt-get install chromium)…');
    const env = { DEBIAN_FRONTEND: 'noninteractive' };
    if (
      run('apt-get', ['update'], env) === 0 &&
      run('apt-get', ['install', '-y', 'chromium'], env) === 0
    ) {
      return;
    }
  }
  console.error(
    [
      `Chromium was not found at ${chromiumPath}.`,
      'Install it, then run this command again:',
      '  Debian/Ubuntu: sudo apt-get install chromium',
      '  Fedora:        sudo dnf install chromium',
      '  Or point PASSLIGHT_CHROMIUM at a Chromium binary (branded Google Chrome no longer',
      '  loads unpacked extensions from the command line).',
    ].join('\n'),
  );
  process.exit(1);
}

const steps = {
  test() {
    ensureChromium();
    // Every check runs, so one failure does not hide another; Playwright's summary ends the output.
    const results = [
      run('npx', ['biome', 'check', '.']),
      run('npx', ['tsc', '--noEmit', '-p', '.']),
      run('npx', ['vitest', 'run']),
      run('npx', ['playwright', 'test']),
    ];
    return results.every((status) => status === 0) ? 0 : 1;
  },
  start() {
    ensureChromium();
    return run('npx', ['tsx', 'dev/start.ts', ...process.argv.slice(3)]);
  },
  bench() {
    ensureChromium();
    return run('npx', ['tsx', 'dev/bench/index.ts']);
  },
  gateway() {
    return run('npx', ['tsx', 'dev/gateway/cli.ts', ...process.argv.slice(3)]);
  },
  oidc() {
    return run('npx', ['tsx', 'dev/oidc/cli.ts', ...process.argv.slice(3)]);
  },
};

const step = steps[process.argv[2]];
if (!step) {
  console.error(`usage: node dev/bootstrap.mjs ${Object.keys(steps).join('|')}`);
  process.exit(2);
}
ensureDependencies();
process.exit(step());
