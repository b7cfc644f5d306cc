/**
 * The launcher inside an installed package (a folder under node_modules):
 * it runs the bundles `npm pack` shipped and never compiles there; without
 * them it stops with one line saying how to install properly.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const temp = mkdtempSync(path.join(os.tmpdir(), 'hindsight-launch-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('the package scripts as npm runs them', () => {
  it('scripts/launch.mjs in node_modules/hindsight without shipped bundles: exit 2, one line naming the fix, nothing written in the package', () => {
    const installed = path.join(temp, 'node_modules', 'hindsight');
    mkdirSync(installed, { recursive: true });
    cpSync(path.join(ROOT, 'scripts'), path.join(installed, 'scripts'), { recursive: true });
    const before = readdirSync(installed, { recursive: true }).sort();
    const run = spawnSync(process.execPath, [path.join(installed, 'scripts/hindsight.mjs'), 'validate'], { cwd: temp, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('npm install-scripts approve hindsight');
    expect(readdirSync(installed, { recursive: true }).sort()).toEqual(before);
  });

  it('scripts/prepack.mjs, as `npx hindsight` runs it in a checkout, writes nothing and loads no bundler', () => {
    const checkout = path.join(temp, 'checkout');
    mkdirSync(checkout);
    cpSync(path.join(ROOT, 'scripts'), path.join(checkout, 'scripts'), { recursive: true });
    writeFileSync(path.join(checkout, 'package.json'), '{"type":"module"}');
    // The environment npm 11 gave the `prepare` of `npx hindsight` in a checkout's docs/ folder.
    const env = { ...process.env, npm_package_resolved: 'null', npm_command: 'exec', npm_lifecycle_event: 'prepare', INIT_CWD: path.join(checkout, 'docs') };
    const run = spawnSync(process.execPath, [path.join(checkout, 'scripts/prepack.mjs'), '--if-git-dependency'], { cwd: checkout, env, encoding: 'utf8' });
    // Without node_modules here, loading the bundler would fail: exit 0 shows it was never loaded.
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(existsSync(path.join(checkout, 'cli-bundles'))).toBe(false);
  });
});
