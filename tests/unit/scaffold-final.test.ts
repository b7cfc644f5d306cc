/**
 * A fresh scaffold switched to `status: final`, as a new user does: every
 * placeholder is reported once (by the placeholders rule, not also by the
 * timeline or due-date rules), and hints quote the file's own date and
 * timeline rather than a fixed example. Real commands on real files.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePostmortem } from '../../src/lib/postmortem/parsing/parse.ts';
import { PLACEHOLDER_PATTERN } from '../../src/lib/postmortem/parsing/placeholder-text.ts';
import { validatePostmortems } from '../../src/lib/postmortem/validation/validate.ts';
import { runProcess } from './helpers/run-process.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'hindsight-scaffold-final-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Problem { rule: string; message: string; hint: string; line: number }

describe('a fresh scaffold made final', async () => {
  const made = await runProcess(process.execPath, ['scripts/launch.mjs', 'new-postmortem', '--title', 'Exports time out', '--severity', 'SEV-3', '--services', 'api', '--author', 'Dana Kim', '--date', '2025-11-20', '--yes', '--dir', scratch], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
  const file = path.join(scratch, readdirSync(scratch).find((name) => name.endsWith('.md'))!);
  const text = readFileSync(file, 'utf8').replace(/^status: draft$/m, 'status: final');
  writeFileSync(file, text);
  const checked = await runProcess(process.execPath, ['scripts/launch.mjs', 'validate', '--format', 'json', file], { cwd: ROOT, env: process.env });
  const problems: Problem[] = JSON.parse(checked.stdout).files[0].problems;

  it('is scaffolded and fails validation as final', () => {
    expect(made.status, made.stderr).toBe(0);
    expect(checked.status).toBe(1);
  });

  it('reports each placeholder once', () => {
    const lines = text.split('\n');
    lines.forEach((line, index) => {
      const placeholders = [...line.matchAll(PLACEHOLDER_PATTERN)].map((match) => match[0]);
      if (index < 12 || placeholders.length === 0) return;
      const quoting = problems.filter((problem) => problem.line === index + 1 && placeholders.some((value) => problem.message.includes(`\`${value}\``)));
      expect(quoting.map((problem) => problem.rule), `line ${index + 1}: ${line}`).toEqual(placeholders.map(() => 'placeholders'));
    });
    expect(problems.filter((problem) => problem.rule === 'timeline-time' || problem.rule === 'action-item-due')).toEqual([]);
  });

  it("hints with the file's own date, not a fixed example", () => {
    const hints = problems.filter((problem) => problem.rule === 'timestamps-required').map((problem) => problem.hint);
    expect(hints).toEqual([
      'Add `started_at: 2025-11-20T09:12:00Z` (ISO 8601, UTC), or set `status: draft` until it is known.',
      'Add `resolved_at: 2025-11-20T11:05:00Z` (ISO 8601, UTC), or set `status: draft` until it is known.',
    ]);
    expect(problems.map((problem) => problem.hint).join('\n')).not.toMatch(/2026-03-1[45]/);
  });
});

describe('hints built from the file', () => {
  const base = readFileSync(path.join(ROOT, 'tests/fixtures/valid/postmortem-2026-03-14-report-export-timeouts.md'), 'utf8').replaceAll('2026-03-14', '2025-07-02');
  const problems = (text: string) => validatePostmortems([parsePostmortem('postmortem-2025-07-02-report-export-timeouts.md', text)]).files[0]!.problems;

  it('resolved_at: the last timeline time; started_at: the first', () => {
    const hints = problems(base.replace(/^(started_at|resolved_at): .*\n/gm, '')).filter((problem) => problem.rule === 'timestamps-required').map((problem) => problem.hint);
    expect(hints).toHaveLength(2);
    expect(hints[0]).toMatch(/^Add `started_at: 2025-07-02T\d\d:\d\d:00Z`/);
    expect(hints[1]).toMatch(/^Add `resolved_at: 2025-07-0[23]T\d\d:\d\d:00Z`/);
  });

  it('a bad due date: an example after the incident date', () => {
    const hint = problems(base.replace('| 2026-03-21 |', '| next week |')).find((problem) => problem.rule === 'action-item-due')?.hint;
    expect(hint).toBe('Write the due date as `YYYY-MM-DD`, e.g. `2025-07-16`.');
  });
});

describe('a placeholder left in a table cell while in review', () => {
  const base = readFileSync(path.join(ROOT, 'tests/fixtures/valid/postmortem-2026-03-14-report-export-timeouts.md'), 'utf8').replace('status: final', 'status: in-review');
  const problems = (text: string) => validatePostmortems([parsePostmortem('postmortem-2026-03-14-report-export-timeouts.md', text)]).files[0]!.problems;

  it('is one error (the table cannot be read), where placeholder prose is one warning', () => {
    const found = problems(base.replace('| 09:24 | Investigation started |', '| HH:MM | Investigation started |').replace('| 2026-05-01 |', '| YYYY-MM-DD |').replace('Alerting caught', 'Alerting (TBD) caught'));
    expect(found.map((problem) => `${problem.rule}:${problem.level}:${problem.message.match(/`([^`]+)`/)![1]}`).sort()).toEqual([
      'placeholders:error:HH:MM',
      'placeholders:error:YYYY-MM-DD',
      'placeholders:warning:TBD',
    ]);
  });
});

describe('recurrence_of naming a slug not in the archive', () => {
  const earlier = readFileSync(path.join(ROOT, 'tests/fixtures/valid/postmortem-2026-03-14-report-export-timeouts.md'), 'utf8');
  const later = (slug: string) => earlier.replaceAll('2026-03-14', '2026-05-02').replace(/^title: .*$/m, 'title: Exports time out again').replace(/^(severity: .*)$/m, `$1\nrecurrence_of: [${slug}]`);
  const hintFor = (slug: string) =>
    validatePostmortems([parsePostmortem('postmortem-2026-03-14-report-export-timeouts.md', earlier), parsePostmortem('postmortem-2026-05-02-exports-time-out-again.md', later(slug))])
      .files.flatMap((file) => file.problems)
      .find((problem) => problem.rule === 'recurrence-of')?.hint;

  it('suggests the nearest earlier slug of the archive for a typo', () => {
    expect(hintFor('2026-03-14-report-export-timeout')).toMatch(/^Did you mean `2026-03-14-report-export-timeouts`\?/);
  });

  it('gives an earlier slug of the archive as the example, not a fixed one', () => {
    const hint = hintFor('2025-01-01-something-else-entirely');
    expect(hint).not.toContain('Did you mean');
    expect(hint).toContain('e.g. `2026-03-14-report-export-timeouts`');
  });
});
