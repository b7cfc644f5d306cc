import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hindsightSite, privateModules, REPO_ROOT } from '../../scripts/bench/sites.ts';

const made: string[] = [];
function benchDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-sites-'));
  made.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("the bench's Hindsight build folder", () => {
  it('links every package of the repository but not its caches', () => {
    const modules = privateModules(benchDir());
    expect(lstatSync(modules).isSymbolicLink()).toBe(false);
    const shared = readdirSync(path.join(REPO_ROOT, 'node_modules')).filter((name) => name !== '.cache');
    expect(readdirSync(modules).sort()).toEqual(shared.sort());
    expect(existsSync(path.join(modules, 'astro', 'package.json'))).toBe(true);
    expect(existsSync(path.join(modules, '.cache'))).toBe(false);
  });

  it("starts each cold build with an empty validation cache of its own, leaving the repository's alone", () => {
    const dir = benchDir();
    const stale = path.join(dir, 'node_modules', '.cache', 'hindsight');
    const repositoryCache = path.join(REPO_ROOT, 'node_modules', '.cache');
    const marker = path.join(repositoryCache, `bench-sites-test-${process.pid}`);
    mkdirSync(repositoryCache, { recursive: true });
    writeFileSync(marker, '');
    try {
      hindsightSite(dir, '/nowhere', 'first');
      mkdirSync(stale, { recursive: true });
      writeFileSync(path.join(stale, 'results.json'), '{}');
      hindsightSite(dir, '/nowhere', 'second');
      expect(existsSync(stale)).toBe(false);
      expect(existsSync(marker)).toBe(true);
    } finally {
      rmSync(marker, { force: true });
    }
  });

  it('replaces a link to the whole folder, made by an older bench, without touching its target', () => {
    const dir = benchDir();
    const target = path.join(dir, 'elsewhere');
    mkdirSync(path.join(target, 'kept'), { recursive: true });
    symlinkSync(target, path.join(dir, 'node_modules'), 'dir');
    privateModules(dir);
    expect(lstatSync(path.join(dir, 'node_modules')).isSymbolicLink()).toBe(false);
    expect(existsSync(path.join(target, 'kept'))).toBe(true);
  });
});
