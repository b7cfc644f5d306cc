/**
 * Settings kept in the user's repository (package.json's `hindsight` key or
 * hindsight.config.json): read into the configuration, overridden by the
 * environment, and refused with one line naming the file, key and value.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HindsightError } from '../../src/lib/errors.ts';
import { loadConfig } from '../../src/lib/settings/load-config.ts';

// Every repository a test made: some tests make several.
const repos: string[] = [];
afterEach(() => {
  for (const repo of repos.splice(0)) rmSync(repo, { recursive: true, force: true });
});
function repoWith(files: Record<string, unknown>): string {
  const repo = mkdtempSync(path.join(os.tmpdir(), 'hindsight-settings-'));
  repos.push(repo);
  for (const [name, value] of Object.entries(files)) writeFileSync(path.join(repo, name), typeof value === 'string' ? value : JSON.stringify(value));
  return repo;
}

describe('settings in the repository', () => {
  it("reads package.json's hindsight key, relative to the repository", () => {
    const cwd = repoWith({ 'package.json': { name: 'acme', hindsight: { postmortemDir: 'docs/pm', title: 'Acme incidents', pageSize: 20 } } });
    const config = loadConfig({}, cwd);
    expect(config.archiveDir).toBe(path.join(cwd, 'docs/pm'));
    expect(config.siteTitle).toBe('Acme incidents');
    expect(config.pageSize).toBe(20);
  });

  it('reads hindsight.config.json, and the environment overrides it', () => {
    const cwd = repoWith({ 'package.json': { name: 'acme' }, 'hindsight.config.json': { postmortemDir: 'incidents', outDir: 'public/site' } });
    expect(loadConfig({}, cwd).outDir).toBe(path.join(cwd, 'public/site'));
    expect(loadConfig({ POSTMORTEM_DIR: 'elsewhere' }, cwd).archiveDir).toBe(path.join(cwd, 'elsewhere'));
    // An empty variable does not count as set.
    expect(loadConfig({ POSTMORTEM_DIR: '' }, cwd).archiveDir).toBe(path.join(cwd, 'incidents'));
  });

  it('refuses an unknown key, a wrong value, bad JSON and settings in two places, in one line', () => {
    const errors = [
      repoWith({ 'package.json': { hindsight: { folder: 'x' } } }),
      repoWith({ 'hindsight.config.json': { pageSize: 'ten' } }),
      repoWith({ 'hindsight.config.json': '{ "title": ' }),
      repoWith({ 'package.json': { hindsight: {} }, 'hindsight.config.json': {} }),
    ].map((cwd) => {
      try {
        loadConfig({}, cwd);
        return null;
      } catch (error) {
        expect(error).toBeInstanceOf(HindsightError);
        return (error as Error).message;
      }
    });
    expect(errors[0]).toMatch(/unknown setting `folder`; the settings are `postmortemDir`/);
    expect(errors[1]).toMatch(/hindsight\.config\.json: `pageSize` is `"ten"`: .*; write e\.g\. `"pageSize": 50`\./);
    expect(errors[2]).toMatch(/hindsight\.config\.json is not valid JSON/);
    expect(errors[3]).toMatch(/keep one of them/);
    for (const message of errors) expect(message).not.toContain('\n');
  });
});
