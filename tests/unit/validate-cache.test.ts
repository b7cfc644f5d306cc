/**
 * validate's result cache: unchanged files are taken from it, changed ones are
 * checked again, and the report is always what checking everything reports.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkFilesWithCache } from '../../scripts/lib/cached-check.ts';
import { ResultCache, resultCacheFromEnv } from '../../scripts/lib/result-cache.ts';
import { config } from '../../src/lib/config.ts';
import { combineChecks } from '../../src/lib/postmortem/validate.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'hindsight-cache-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function archiveCopy(name: string): { dir: string; files: string[] } {
  const dir = path.join(scratch, name);
  execFileSync('mkdir', ['-p', dir]);
  for (const file of readdirSync(config.archiveDir)) copyFileSync(path.join(config.archiveDir, file), path.join(dir, file));
  return { dir, files: readdirSync(dir).map((file) => path.join(dir, file)) };
}

describe('ResultCache', () => {
  it('keys on path and text, keeps results across instances of one version only', () => {
    const dir = path.join(scratch, 'store');
    const cache = new ResultCache(dir, 'v1');
    expect(cache.keyOf('a.md', 'x')).not.toBe(cache.keyOf('b.md', 'x'));
    expect(cache.keyOf('a.md', 'x')).not.toBe(cache.keyOf('a.md', 'y'));
    const problem = { rule: 'r', level: 'error' as const, message: 'm', hint: 'h', line: 1, column: 1 };
    cache.set(cache.keyOf('a.md', 'x'), [problem]);
    cache.save();
    expect(new ResultCache(dir, 'v1').get(cache.keyOf('a.md', 'x'))).toEqual([problem]);
    expect(new ResultCache(dir, 'v2').get(cache.keyOf('a.md', 'x'))).toBeUndefined();
  });

  it('treats a corrupt cache as empty and never throws when it cannot write', () => {
    const dir = path.join(scratch, 'corrupt');
    new ResultCache(dir, 'v1').save();
    const [file] = readdirSync(dir);
    writeFileSync(path.join(dir, file!), '{"version": "v1", "entries": ');
    expect(new ResultCache(dir, 'v1').get('anything')).toBeUndefined();
    // A cache folder that cannot be created (a file is in the way; root ignores permissions).
    const blocked = path.join(scratch, 'not-a-folder');
    writeFileSync(blocked, '');
    const cache = new ResultCache(blocked, 'v1');
    cache.set('k', []);
    expect(() => cache.save()).not.toThrow();
    expect(readFileSync(blocked, 'utf8')).toBe('');
  });

  it('is on only when the launcher names the code version and the folder', () => {
    expect(resultCacheFromEnv({})).toBeNull();
    expect(resultCacheFromEnv({ HINDSIGHT_CODE_VERSION: 'abc123', HINDSIGHT_CACHE_DIR: path.join(scratch, 'env') })).toBeInstanceOf(ResultCache);
    expect(resultCacheFromEnv({ HINDSIGHT_CODE_VERSION: '../x', HINDSIGHT_CACHE_DIR: scratch })).toBeNull();
  });
});

describe('checkFilesWithCache', () => {
  it('checks only changed files and reports what a full check reports', async () => {
    const { dir, files } = archiveCopy('archive');
    const cacheDir = path.join(scratch, 'check-cache');
    const first = await checkFilesWithCache(files, ROOT, new ResultCache(cacheDir, 'v1'));
    expect(first.cached).toBe(0);
    expect(combineChecks(first.checked).summary.invalid).toBe(0);

    const second = await checkFilesWithCache(files, ROOT, new ResultCache(cacheDir, 'v1'));
    expect(second.cached).toBe(files.length);
    expect(second.checked).toEqual(first.checked);

    // Break one file: it alone is checked again, and its new problem is reported.
    const broken = files[3]!;
    writeFileSync(broken, readFileSync(broken, 'utf8').replace(/^severity: .*$/m, 'severity: SEV-9'));
    const third = await checkFilesWithCache(files, ROOT, new ResultCache(cacheDir, 'v1'));
    expect(third.cached).toBe(files.length - 1);
    const uncached = await checkFilesWithCache(files, ROOT, null);
    expect(third.checked).toEqual(uncached.checked);
    expect(third.checked.find((file) => file.path === broken)!.problems.map((problem) => problem.rule)).toContain('schema');
    expect(readdirSync(dir)).toHaveLength(files.length);
  });

  it('works through the real command: a file changed between runs is reported', () => {
    const { dir, files } = archiveCopy('process');
    const run = (...args: string[]) => {
      try {
        return { status: 0, stdout: execFileSync(process.execPath, ['scripts/launch.mjs', 'validate', dir, '--format', 'json', ...args], { cwd: ROOT, encoding: 'utf8' }) };
      } catch (error) {
        return error as { status: number; stdout: string };
      }
    };
    expect(run().status).toBe(0);
    expect(run().status).toBe(0);
    writeFileSync(files[0]!, readFileSync(files[0]!, 'utf8').replace(/^severity: .*$/m, 'severity: SEV-9'));
    const cachedRun = run();
    const fullRun = run('--no-cache');
    expect(cachedRun.status).toBe(1);
    expect(JSON.parse(cachedRun.stdout)).toEqual(JSON.parse(fullRun.stdout));
  });
});

describe('the code version the cache is kept under', () => {
  it('survives a checkout that only changes file times (the launcher hashes contents)', () => {
    const bundles = () => readdirSync(path.join(ROOT, 'node_modules/.cache/hindsight')).filter((name) => /^validate-[0-9a-f]+\.mjs$/.test(name));
    execFileSync(process.execPath, ['scripts/launch.mjs', 'validate', '--help'], { cwd: ROOT });
    const before = bundles();
    expect(before).toHaveLength(1);
    const source = path.join(ROOT, 'src/lib/postmortem/sections.ts');
    const { atime, mtime } = statSync(source);
    utimesSync(source, new Date(), new Date(Date.now() + 60_000));
    try {
      execFileSync(process.execPath, ['scripts/launch.mjs', 'validate', '--help'], { cwd: ROOT });
      expect(bundles()).toEqual(before);
    } finally {
      utimesSync(source, atime, mtime);
    }
  });
});
