/**
 * Installs a packed Hindsight into a repository without the network, as
 * `npm install --save-dev <tarball>` would. That command resolves Hindsight's
 * dependency ranges from the registry's package documents, which `npm ci`
 * never caches; so the repository gets the lockfile npm would write (Hindsight
 * from the tarball, its dependencies at the versions Hindsight's own lockfile
 * pins), and `npm ci --offline` installs it from the tarballs `npm ci` of
 * Hindsight left in npm's cache.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

interface LockEntry {
  dev?: boolean;
  devOptional?: boolean;
  [key: string]: unknown;
}

/** Writes package.json and package-lock.json into `repo` and installs `tarball` offline. Returns npm's output. */
export async function installOffline(hindsightRoot: string, repo: string, tarball: string): Promise<string> {
  const manifest = JSON.parse(readFileSync(path.join(hindsightRoot, 'package.json'), 'utf8')) as Record<string, unknown> & { version: string; overrides?: Record<string, string>; allowScripts?: Record<string, boolean> };
  const lock = JSON.parse(readFileSync(path.join(hindsightRoot, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const spec = `file:${path.relative(repo, tarball).split(path.sep).join('/')}`;
  // npm reads overrides and install-script decisions from the root package only: an adopter copies Hindsight's (the README says so).
  const pkg = { name: 'acme-service', version: '1.0.0', private: true, devDependencies: { hindsight: spec }, overrides: manifest.overrides, allowScripts: manifest.allowScripts };
  const packages: Record<string, unknown> = {
    '': { name: pkg.name, version: pkg.version, devDependencies: pkg.devDependencies },
    'node_modules/hindsight': {
      version: manifest.version,
      resolved: spec,
      integrity: `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`,
      dev: true,
      dependencies: manifest.dependencies,
      bin: manifest.bin,
      engines: manifest.engines,
    },
  };
  for (const [key, entry] of Object.entries(lock.packages)) {
    if (!key || entry.dev) continue;
    const { devOptional: _devOptional, ...rest } = entry;
    packages[key] = { ...rest, dev: true };
  }
  writeFileSync(path.join(repo, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  writeFileSync(path.join(repo, 'package-lock.json'), `${JSON.stringify({ name: pkg.name, version: pkg.version, lockfileVersion: 3, requires: true, packages }, null, 2)}\n`);
  const { stdout, stderr } = await promisify(execFile)('npm', ['ci', '--offline', '--no-audit', '--no-fund'], { cwd: repo, encoding: 'utf8' });
  return `${stdout}${stderr}`;
}
