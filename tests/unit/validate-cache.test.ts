/**
 * validate's result cache: unchanged files are taken from it, changed ones are
 * checked again, and the report is always what checking everything reports.
 * The CLI and the build gate open the same cache under the same code version.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/lib/settings/load-config.ts';

const config = loadConfig(process.env, process.cwd());
import { loadArchive } from '../../src/lib/postmortem/archive/archive.ts';
import { readSource } from '../../src/lib/postmortem/parsing/source.ts';
import { cacheKey, validateFiles, type ValidationCache } from '../../src/lib/postmortem/validation/validate.ts';
import { checkerVersion, FileValidationCache, openValidationCache } from '../../src/lib/postmortem/validation/validation-cache.ts';
import { DEFAULT_SIZE_LIMITS } from '../../src/lib/postmortem/safety/limits.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'hindsight-cache-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function archiveCopy(name: string): { dir: string; files: string[] } {
  const dir = path.join(scratch, name);
  mkdirSync(dir, { recursive: true });
  for (const file of readdirSync(config.archiveDir)) copyFileSync(path.join(config.archiveDir, file), path.join(dir, file));
  return { dir, files: readdirSync(dir).map((file) => path.join(dir, file)) };
}

/** A cache that counts the files it answered for. */
function counting(cache: ValidationCache): ValidationCache & { answered: number } {
  const counted = {
    answered: 0,
    get: (key: string) => {
      const problems = cache.get(key);
      if (problems) counted.answered += 1;
      return problems;
    },
    set: (key: string, problems: Parameters<ValidationCache['set']>[1]) => cache.set(key, problems),
    save: () => cache.save(),
  };
  return counted;
}

const read = (files: readonly string[]) => files.map((file) => ({ path: file, source: readSource(file, DEFAULT_SIZE_LIMITS.fileBytes.value) }));
const SOURCE = (text: string) => ({ text, bytes: text.length, problem: null });

describe('FileValidationCache', () => {
  it('keys on path and text, keeps results across instances of one version only', () => {
    const dir = path.join(scratch, 'store');
    const cache = new FileValidationCache(dir, 'v1');
    expect(cacheKey('a.md', SOURCE('x'))).not.toBe(cacheKey('b.md', SOURCE('x')));
    expect(cacheKey('a.md', SOURCE('x'))).not.toBe(cacheKey('a.md', SOURCE('y')));
    const problem = { rule: 'r', level: 'error' as const, message: 'm', hint: 'h', line: 1, column: 1 };
    const spellings = [{ kind: 'service' as const, value: 'redis', line: 9 }];
    cache.set(cacheKey('a.md', SOURCE('x')), { problems: [problem], spellings });
    cache.save();
    expect(new FileValidationCache(dir, 'v1').get(cacheKey('a.md', SOURCE('x')))).toEqual({ problems: [problem], spellings });
    expect(new FileValidationCache(dir, 'v2').get(cacheKey('a.md', SOURCE('x')))).toBeUndefined();
  });

  it('treats a corrupt cache as empty and never throws when it cannot write', () => {
    const dir = path.join(scratch, 'corrupt');
    new FileValidationCache(dir, 'v1').save();
    const [file] = readdirSync(dir);
    writeFileSync(path.join(dir, file!), '{"version": "v1", "entries": ');
    expect(new FileValidationCache(dir, 'v1').get('anything')).toBeUndefined();
    // A cache folder that cannot be created (a file is in the way; root ignores permissions).
    const blocked = path.join(scratch, 'not-a-folder');
    writeFileSync(blocked, '');
    const cache = new FileValidationCache(blocked, 'v1');
    cache.set('k', { problems: [] });
    expect(() => cache.save()).not.toThrow();
    expect(readFileSync(blocked, 'utf8')).toBe('');
  });
});

describe('validateFiles with a cache', () => {
  it('checks only changed files and reports what a full check reports', () => {
    const { files } = archiveCopy('archive');
    const store = () => counting(new FileValidationCache(path.join(scratch, 'check-cache'), 'v1'));
    const firstCache = store();
    const first = validateFiles(read(files), { cache: firstCache });
    expect(firstCache.answered).toBe(0);
    expect(first.summary.invalid).toBe(0);

    const secondCache = store();
    expect(validateFiles(read(files), { cache: secondCache })).toEqual(first);
    expect(secondCache.answered).toBe(files.length);

    // Break one file: it alone is checked again, and its new problem is reported.
    const broken = files[3]!;
    writeFileSync(broken, readFileSync(broken, 'utf8').replace(/^severity: .*$/m, 'severity: SEV-9'));
    const thirdCache = store();
    const third = validateFiles(read(files), { cache: thirdCache });
    expect(thirdCache.answered).toBe(files.length - 1);
    expect(third).toEqual(validateFiles(read(files)));
    expect(third.files.find((file) => file.path === broken)!.problems.map((problem) => problem.rule)).toContain('schema');
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

  it('is shared by the CLI and the build gate: what `validate` stored, loadArchive (the gate) reads', () => {
    const { dir, files } = archiveCopy('shared');
    // The bundled CLI stores every file's result under the version it computes from the sources…
    execFileSync(process.execPath, ['scripts/launch.mjs', 'validate', dir, '--format', 'json'], { cwd: ROOT, encoding: 'utf8' });
    // …and the gate's call, from the sources, finds every one that does not show an image.
    const cache = counting(openValidationCache());
    const { result } = loadArchive(dir, undefined, cache);
    const withoutImages = files.filter((file) => !/!\[|<img/i.test(readFileSync(file, 'utf8')));
    expect(withoutImages.length).toBeGreaterThan(0);
    expect(cache.answered).toBe(withoutImages.length);
    expect(result.summary.files).toBe(files.length);
  });
});

describe('the code version the cache is kept under', () => {
  it('hashes contents: a checkout that only changes file times keeps it, an edit changes it', () => {
    const root = path.join(scratch, 'repo');
    mkdirSync(path.join(root, 'src/lib/postmortem'), { recursive: true });
    const rule = path.join(root, 'src/lib/postmortem/rule.ts');
    writeFileSync(rule, 'export const x = 1;\n');
    writeFileSync(path.join(root, 'package-lock.json'), '{}');
    const before = checkerVersion(root);
    const { atime } = statSync(rule);
    utimesSync(rule, atime, new Date(Date.now() + 60_000));
    expect(checkerVersion(root)).toBe(before);
    writeFileSync(rule, 'export const x = 2;\n');
    expect(checkerVersion(root)).not.toBe(before);
  });

  it('does not depend on how the code was started: no launcher variables are read', () => {
    const version = checkerVersion();
    const saved = { ...process.env };
    try {
      process.env.HINDSIGHT_CODE_VERSION = 'something-else';
      process.env.HINDSIGHT_CACHE_DIR = scratch;
      expect(checkerVersion()).toBe(version);
    } finally {
      process.env = saved;
    }
  });
});
