/**
 * `npm test` runs this first: the browser tests need a Chromium, and a machine
 * without one should learn it in seconds, not after the unit tests. With none
 * installed, it fetches @sparticuz/chromium (a Chromium build published on the
 * npm registry; no root, no Playwright CDN) into node_modules/.cache and lets it
 * extract its binary where browser.ts looks. It is not a dependency: it asks for
 * Node 22 and would make every `npm ci` on Node 20 warn. When the registry is out
 * of reach it stops within 10 seconds, with one line saying what to do.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromiumEnv, findChromium } from './browser.ts';

const PACKAGE = '@sparticuz/chromium@153.0.0';
const HELP = 'install Chromium (sudo apt-get install -y chromium), or set CHROMIUM_PATH to a Chromium or Chrome binary, then run npm test again.';

function found(): boolean {
  try {
    findChromium();
    return true;
  } catch {
    return false;
  }
}

function stop(reason: string): never {
  process.stderr.write(`No Chromium for the browser tests and ${reason}: ${HELP}\n`);
  process.exit(1);
}

if (!found()) {
  const prefix = path.resolve('node_modules/.cache/hindsight-chromium');
  const npm = (args: string[], timeout: number) =>
    spawnSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error', '--fetch-retries=0', '--fetch-timeout=5000'], { encoding: 'utf8', timeout });
  const entry = path.join(prefix, 'node_modules/@sparticuz/chromium/package.json');
  if (!existsSync(entry)) {
    // Can the registry be reached at all? Asked first, so an offline machine stops within 10 seconds.
    if (npm(['view', PACKAGE, 'version'], 6_000).status !== 0) stop(`the npm registry is out of reach to fetch ${PACKAGE}`);
    process.stderr.write(`No Chromium installed: fetching ${PACKAGE} from the npm registry (about 60 MB, once)…\n`);
    const install = npm(['install', '--prefix', prefix, '--no-save', '--no-package-lock', '--engine-strict=false', PACKAGE], 600_000);
    if (install.status !== 0) stop(`fetching ${PACKAGE} failed (${(install.stderr || install.error?.message || '').trim().split('\n')[0]})`);
  }
  const packageDir = path.join(prefix, 'node_modules/@sparticuz/chromium');
  const { default: sparticuz, inflate } = (await import(pathToFileURL(path.join(packageDir, 'build/index.js')).href)) as {
    default: { executablePath: () => Promise<string> };
    inflate: (file: string) => Promise<string>;
  };
  const binary = await sparticuz.executablePath();
  // Its libraries (NSS, NSPR, ALSA) are unpacked by the package only on AWS Lambda; a fresh machine needs them too.
  await inflate(path.join(packageDir, 'bin/al2023.tar.br'));
  if (!found()) stop(`${PACKAGE} extracted its binary to \`${binary}\`, where it cannot be found`);
  // Started once here, so a binary that cannot run stops the tests now, not after the unit suites.
  const started = spawnSync(binary, ['--version'], { encoding: 'utf8', timeout: 30_000, env: chromiumEnv(binary) });
  if (started.status !== 0) stop(`${PACKAGE}'s binary does not start (${(started.stderr || started.error?.message || '').trim().split('\n')[0]})`);
  process.stderr.write(`Browser tests use the Chromium from ${PACKAGE} (${binary}, ${started.stdout.trim()}).\n`);
}
