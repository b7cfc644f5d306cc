/**
 * A real `astro build` to a folder outside the checkout (as the Pages workflow does):
 * the published folder holds the site and nothing of the server build.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runProcess } from './helpers/run-process.ts';
import { FIXTURES } from './helpers/validate-files.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const temp = mkdtempSync(path.join(os.tmpdir(), 'hindsight-outdir-'));
// Astro builds server code for an outside folder in <checkout>/.astro/ and copies what is there:
// a chunk left by an earlier build that died is planted to prove it is not published.
const stale = path.join(ROOT, '.astro/chunks/stale-server-chunk_test.mjs');
afterAll(() => {
  rmSync(temp, { recursive: true, force: true });
  rmSync(stale, { force: true });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

describe('HINDSIGHT_OUT_DIR outside the checkout', () => {
  it('builds, and publishes no server chunks or .mjs modules', async () => {
    mkdirSync(path.dirname(stale), { recursive: true });
    writeFileSync(stale, 'export const secret = "server only";\n');
    const out = path.join(temp, 'site');
    mkdirSync(out);
    writeFileSync(path.join(out, 'left-from-last-time.html'), 'old');
    const result = await runProcess(process.execPath, [path.join(ROOT, 'node_modules/astro/astro.js'), 'build'], {
      cwd: ROOT,
      env: { ...process.env, POSTMORTEM_DIR: path.join(FIXTURES, 'valid'), HINDSIGHT_OUT_DIR: out, NO_COLOR: '1' },
    });
    expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
    const files = filesUnder(out);
    expect(files).toContain('index.html');
    expect(files).toContain('incidents/2026-03-14-report-export-timeouts/index.html');
    expect(files).toContain('sitemap-index.xml');
    expect(files.filter((file) => /\.mjs(\.map)?$/.test(file) || file.split(path.sep)[0] === 'chunks')).toEqual([]);
    expect(files).not.toContain('left-from-last-time.html');
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('Content-Security-Policy');
    expect(existsSync(stale)).toBe(true);
  });
});
