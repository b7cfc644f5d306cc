/**
 * The launcher inside an installed package (a folder under node_modules):
 * it runs the bundles `npm pack` shipped and never compiles there; without
 * them it stops with one line saying how to install properly.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const temp = mkdtempSync(path.join(os.tmpdir(), 'hindsight-launch-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('scripts/launch.mjs in node_modules/hindsight', () => {
  it('without shipped bundles: exit 2, one line naming the fix, nothing written in the package', () => {
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
});
