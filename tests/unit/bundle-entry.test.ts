/**
 * A bundle runs its own command only: a CLI module bundled into another command (the bench
 * bundles migrate-cli for its relevance set) must not take the bundle for its own entry point
 * (scripts/bundle-command.mjs gives every module but the entry its own source URL for runIfMain).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runProcess } from './helpers/run-process.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('a bundled command', () => {
  it('bench --help prints the bench usage alone, not migrate’s too', async () => {
    const result = await runProcess(process.execPath, ['scripts/launch.mjs', 'bench', '--help'], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout.startsWith('Usage: npm run bench')).toBe(true);
    expect(result.stdout).not.toContain('npm run migrate');
    expect(result.stderr).toBe('');
  }, 120_000);
});
