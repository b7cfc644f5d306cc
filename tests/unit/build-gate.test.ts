/** A real `astro build` is the thing tested here: the gate must stop it with validate's messages. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES } from './helpers/validate-files.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const temp = mkdtempSync(path.join(os.tmpdir(), 'hindsight-gate-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function build(archive: string) {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/astro/astro.js'), 'build'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, POSTMORTEM_DIR: archive, HINDSIGHT_OUT_DIR: path.join(temp, 'dist'), NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

describe('astro build gate', () => {
  it('fails on malformed post-mortems, naming every file, line and rule as validate does', () => {
    const archive = path.join(temp, 'mixed');
    mkdirSync(archive);
    copyFileSync(path.join(FIXTURES, 'valid/postmortem-2026-03-14-report-export-timeouts.md'), path.join(archive, 'postmortem-2026-03-14-report-export-timeouts.md'));
    for (const name of ['postmortem-2026-03-14-severity-sev5.md', 'postmortem-2026-03-14-timeline-out-of-order.md']) {
      copyFileSync(path.join(FIXTURES, 'invalid', name), path.join(archive, name));
    }
    const { status, output } = build(archive);
    expect(status).not.toBe(0);
    expect(output).toContain('postmortem-2026-03-14-severity-sev5.md:4:1  error    `severity` is `SEV-5`, which must be one of SEV-1, SEV-2, SEV-3, SEV-4  (schema)');
    expect(output).toContain('postmortem-2026-03-14-timeline-out-of-order.md:47:1  error');
    expect(output).toContain('(timeline-order)');
    expect(output).toContain('2 of 3 post-mortems invalid');
  });

  it('fails loudly on an archive with no post-mortems', () => {
    const archive = path.join(temp, 'empty');
    mkdirSync(archive);
    const { status, output } = build(archive);
    expect(status).not.toBe(0);
    expect(output).toMatch(/no post-mortems \(\*\.md, \*\.mdx\) in/);
  });

  it('fails when the configured folder does not exist', () => {
    const { status, output } = build(path.join(temp, 'missing'));
    expect(status).not.toBe(0);
    expect(output).toMatch(/does not exist/);
  });
});
