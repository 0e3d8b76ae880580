#!/usr/bin/env node
/**
 * The first step of `npm start`, `npm run tour`, `npm test`, `npm run bench`, `npm run gateway`
 * and `npm run oidc`: makes sure the dependencies and the browsers are there (installing them
 * where it can, saying exactly what to install where it cannot), then runs the real command. Plain Node with no dependencies,
 * because it runs before `node_modules` exists.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// The same defaults as dev/chromium.ts and tests/firefox/firefox.ts, which cannot be imported
// before dependencies exist.
const chromiumPath = process.env.PASSLIGHT_CHROMIUM ?? '/usr/bin/chromium';
const firefoxPath = process.env.PASSLIGHT_FIREFOX ?? '/usr/bin/firefox-esr';

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

/** Installs a Debian package where this is Debian or Ubuntu and we are root; true if it worked. */
function aptInstall(name, packageName) {
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) return false;
  console.log(`Installing ${name} from Debian packages (apt-get install ${packageName})…`);
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  return (
    run('apt-get', ['update'], env) === 0 &&
    run('apt-get', ['install', '-y', packageName], env) === 0
  );
}

function ensureChromium() {
  if (existsSync(chromiumPath)) return;
  if (!process.env.PASSLIGHT_CHROMIUM && aptInstall('Chromium', 'chromium')) return;
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

function ensureFirefox() {
  if (existsSync(firefoxPath)) return;
  if (!process.env.PASSLIGHT_FIREFOX && aptInstall('Firefox ESR', 'firefox-esr')) return;
  console.error(
    [
      `Firefox was not found at ${firefoxPath}.`,
      'Install it, then run this command again:',
      '  Debian:        sudo apt-get install firefox-esr',
      '  Ubuntu/Fedora: install Firefox 140 or newer from Mozilla (not the snap)',
      '  Or point PASSLIGHT_FIREFOX at a Firefox binary (140 or newer).',
    ].join('\n'),
  );
  process.exit(1);
}

/**
 * The tour's Japanese screenshots need a font with Japanese glyphs, which Debian's defaults lack
 * (a person who reads Japanese has one). Only the tour asks for it; without it the pictures show
 * empty boxes, so the tour goes on and says what to install.
 */
function ensureJapaneseFont() {
  const listed = spawnSync('fc-list', [':lang=ja'], { encoding: 'utf8' });
  if (listed.status === 0 && listed.stdout.trim() !== '') return;
  if (aptInstall('a Japanese font', 'fonts-noto-cjk')) return;
  console.warn(
    'No Japanese font found: the Japanese screenshots will show empty boxes. Install one (Debian/Ubuntu: sudo apt-get install fonts-noto-cjk).',
  );
}

/** The Firefox store build, linted as the add-on store lints it: any warning fails. */
function lintFirefoxBuild() {
  const built = run('npx', ['wxt', 'build', '-b', 'firefox']);
  if (built !== 0) return built;
  return run('npx', [
    'web-ext',
    'lint',
    '--source-dir',
    '.output/firefox-mv3',
    '--warnings-as-errors',
    '--no-config-discovery',
  ]);
}

/** Where the test runners leave their JSON reports, for the summary line. */
const reportDir = `${root}/test-results/reports`;

/** Vitest's JSON report: its counts, or one failure when it wrote none (it could not start). */
function vitestCounts(file, status) {
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    return { passed: report.numPassedTests, failed: report.numFailedTests };
  } catch {
    return { passed: 0, failed: status === 0 ? 0 : 1 };
  }
}

/** Playwright's JSON report; a test that passed on its retry counts as passed. */
function playwrightCounts(file, status) {
  try {
    const { stats } = JSON.parse(readFileSync(file, 'utf8'));
    return { passed: stats.expected + stats.flaky, failed: stats.unexpected };
  } catch {
    return { passed: 0, failed: status === 0 ? 0 : 1 };
  }
}

function vitest(name, args = []) {
  const file = `${reportDir}/${name}.json`;
  const status = run('npx', [
    'vitest',
    'run',
    ...args,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${file}`,
  ]);
  return { status, ...vitestCounts(file, status) };
}

function playwright() {
  const file = `${reportDir}/playwright.json`;
  const status = run('npx', ['playwright', 'test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: file,
  });
  return { status, ...playwrightCounts(file, status) };
}

/** A check that is not a test runner (lint, types) counts as one test. */
function check(status) {
  return { status, passed: status === 0 ? 1 : 0, failed: status === 0 ? 0 : 1 };
}

const steps = {
  test() {
    ensureChromium();
    ensureFirefox();
    mkdirSync(reportDir, { recursive: true });
    // Every check runs, so one failure does not hide another; one summary line ends the output.
    const results = [
      check(run('npx', ['biome', 'check', '.'])),
      check(run('npx', ['tsc', '--noEmit', '-p', '.'])),
      check(lintFirefoxBuild()),
      vitest('unit'),
      vitest('firefox', ['--config', 'tests/firefox/vitest.config.ts']),
      playwright(),
    ];
    const passed = results.reduce((sum, result) => sum + result.passed, 0);
    const failed = results.reduce((sum, result) => sum + result.failed, 0);
    console.log(`\nsummary: ${passed} passed, ${failed} failed`);
    return results.every((result) => result.status === 0) ? 0 : 1;
  },
  start() {
    if (process.argv.includes('--firefox')) ensureFirefox();
    else ensureChromium();
    // Without a display `npm start` takes the tour, which shows Passlight in Japanese too.
    const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
    if (!hasDisplay || process.argv.includes('--tour')) ensureJapaneseFont();
    return run('npx', ['tsx', 'dev/start.ts', ...process.argv.slice(3)]);
  },
  tour() {
    ensureChromium();
    ensureJapaneseFont();
    return run('npx', ['tsx', 'dev/start.ts', '--tour', ...process.argv.slice(3)]);
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
