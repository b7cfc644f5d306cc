/**
 * Large archives are checked on several threads: the report must be the same,
 * problem for problem and in the same order, as checking on one thread.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/lib/settings/load-config.ts';

const config = loadConfig(process.env, process.cwd());
import { displayPath, listPostmortemFiles, readPostmortems } from '../../src/lib/postmortem/archive/archive.ts';
import { validatePostmortems } from '../../src/lib/postmortem/validation/validate.ts';
import { checkFiles } from '../../scripts/lib/parallel-check.ts';
import { FIXTURES } from './helpers/validate-files.ts';
import { runProcess } from './helpers/run-process.ts';
import { DEFAULT_CHECK_SETTINGS } from '../../src/lib/postmortem/safety/limits.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const archive = mkdtempSync(path.join(os.tmpdir(), 'hindsight-parallel-'));
afterAll(() => rmSync(archive, { recursive: true, force: true }));

describe('validate on a large archive', () => {
  const examples = readdirSync(config.archiveDir);
  for (let copy = 0; copy < 25; copy += 1) {
    for (const name of examples) {
      // Each copy is renamed, and so are its `recurrence_of` slugs (the only list items that start with a date), so references stay inside the copy.
      const text = readFileSync(path.join(config.archiveDir, name), 'utf8').replace(/^(  - \d{4}-\d{2}-\d{2}-)/gm, `$1c${copy}-`);
      writeFileSync(path.join(archive, name.replace(/^(postmortem-\d{4}-\d{2}-\d{2}-)/, `$1c${copy}-`)), text);
    }
  }
  // Problems in the middle of the list land in a worker's share.
  for (const name of ['postmortem-2026-03-14-severity-sev5.md', 'postmortem-2026-03-14-timeline-out-of-order.md']) copyFileSync(path.join(FIXTURES, 'invalid', name), path.join(archive, name));

  it('reports exactly what a single-threaded check reports', async () => {
    const files = listPostmortemFiles(archive).map((file) => displayPath(file, ROOT));
    expect(files.length).toBe(examples.length * 25 + 2);
    const expected = validatePostmortems(readPostmortems(files, ROOT));
    const run = await runProcess(process.execPath, ['scripts/launch.mjs', 'validate', displayPath(archive, ROOT), '--format', 'json', '--jobs', '3', '--no-cache'], { cwd: ROOT, env: process.env });
    expect(run.status, run.stderr).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual(expected);
    expect(expected.summary.invalid).toBe(2);
  });

  it('stops on the first file in order that cannot be read, whichever share holds it', async () => {
    const [one, two] = listPostmortemFiles(archive);
    const missing = (name: string) => path.join(archive, `${name}.md`);
    // First share: one, missing-a; second share: two, missing-b. And both missing files in the second share.
    await expect(checkFiles([one!, missing('missing-a'), two!, missing('missing-b')], ROOT, DEFAULT_CHECK_SETTINGS, 2)).rejects.toThrow(/missing-a/);
    await expect(checkFiles([one!, two!, missing('missing-a'), missing('missing-b')], ROOT, DEFAULT_CHECK_SETTINGS, 2)).rejects.toThrow(/missing-a/);
    await expect(checkFiles([one!, two!], ROOT, DEFAULT_CHECK_SETTINGS, 2)).resolves.toHaveLength(2);
  });
});
