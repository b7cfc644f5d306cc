/**
 * Plain-form post-mortems of real public incidents, written as an agent
 * following the skill's Step 7 writes them, migrated and compared field by
 * field with tests/fixtures/plain/agent-written/expected.json (values read off
 * each file's text by a person, not copied from migrate's output).
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { expectAsTabled } from './helpers/migrate-expectations.ts';
import type { CliContext } from '../../scripts/lib/cli.ts';
import { runMigrate } from '../../scripts/cli/migrate-cli.ts';
import { readHeaderField, readTitleLine } from '../../src/lib/postmortem/migrate/plain-header.ts';
import { migratePlainForm } from '../../src/lib/postmortem/migrate/migrate-plain-form.ts';
import { parsePostmortem } from '../../src/lib/postmortem/parsing/parse.ts';
import { validatePostmortems } from '../../src/lib/postmortem/validation/validate.ts';

const DIR = 'tests/fixtures/plain/agent-written';
interface Expected {
  fileName: string;
  status: string;
  date: string;
  severity: string;
  root_cause_category: string;
  contributing_categories: string[];
  started_at: string | null;
  resolved_at: string | null;
  tenants_affected: number | null;
  tenants_total: number | null;
  tenants_affected_percent: number | null;
  services: string[];
  /** Fields whose value is marked `# proposed by migrate`. */
  proposed: string[];
  /** Fields the text does not hold, which make the file a draft. */
  draft_because: string[];
}
const EXPECTED = JSON.parse(readFileSync(path.join(DIR, 'expected.json'), 'utf8')) as Record<string, Expected>;
const FILES = readdirSync(DIR).filter((file) => file.endsWith('.md')).sort();
const FIELDS = ['date', 'severity', 'status', 'root_cause_category', 'contributing_categories', 'started_at', 'resolved_at', 'tenants_affected', 'tenants_total', 'tenants_affected_percent', 'services'] as const;

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function migrate(file: string) {
  const raw = readFileSync(path.join(DIR, file), 'utf8');
  const result = migratePlainForm(raw, path.join(DIR, file));
  if (result.kind !== 'migrated') throw new Error(`${file} not migrated: ${JSON.stringify(result)}`);
  return { raw, result };
}

describe('agent-written plain-form post-mortems', () => {
  it('has at least 20 fixtures, each with a row in the expectations table', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(20);
    expect(Object.keys(EXPECTED).sort()).toEqual(FILES);
  });

  it.each(FILES)('%s: every field as the table expects', (file) => {
    const { result } = migrate(file);
    expectAsTabled(result, EXPECTED[file]!, FIELDS);
  });

  it.each(FILES)('%s: validates, with no error left', (file) => {
    const { result } = migrate(file);
    const report = validatePostmortems([parsePostmortem(path.join(DIR, result.fileName), result.text)]).files[0]!;
    expect(report.problems.filter((problem) => problem.level === 'error')).toEqual([]);
    // Only unreviewed proposals are left as warnings: `--strict` keeps them out of final post-mortems.
    expect(new Set(report.problems.map((problem) => problem.rule))).toEqual(new Set(EXPECTED[file]!.proposed.length ? ['proposed-values'] : []));
  });

  it.each(FILES)('%s: keeps every line of prose; only metadata lines move, only Timeline times change', (file) => {
    const { raw, result } = migrate(file);
    const output = new Set(result.text.split('\n'));
    const moved = new Map(result.moved.map((line) => [line.line, line]));
    const rewritten = new Map(result.rewritten.map((line) => [line.line, line]));
    raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n').forEach((line, index) => {
      if (!line.trim()) return;
      if (moved.has(index + 1)) {
        expect(readTitleLine(line) !== null || readHeaderField(line) !== null, `moved line ${index + 1} is metadata: ${line}`).toBe(true);
        return;
      }
      const rewrite = rewritten.get(index + 1);
      if (rewrite) {
        // A table row: only cells the validator reads (a time, a status, a due date) change, to the template's form.
        const [before, after] = [line.split('|'), rewrite.after.split('|')];
        expect(after).toHaveLength(before.length);
        after.forEach((cell, column) => {
          // A time keeps the cell as written after it in parentheses; a due target that is not a date keeps its words after the placeholder.
          if (cell !== before[column]) expect(cell.trim()).toMatch(/^(?:\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2}(?::\d{2})?)?|\d{2}:\d{2}(?::\d{2})?|TODO|IN PROGRESS|DONE|WON'T DO|YYYY-MM-DD)(?: \(.*\)| — .*)?$/);
        });
        expect(output.has(rewrite.after)).toBe(true);
        return;
      }
      expect(output.has(line), `line ${index + 1} kept: ${line}`).toBe(true);
    });
  });

  it('one `migrate --write` of the folder, no other flags: every file written, renamed where the Date line says so, and the folder validates', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hindsight-agent-written-'));
    dirs.push(dir);
    cpSync(DIR, dir, { recursive: true });
    const out = { stdout: '', stderr: '' };
    const ctx: CliContext = { argv: [dir, '--write'], cwd: dir, env: {}, stdout: (text) => void (out.stdout += text), stderr: (text) => void (out.stderr += text), interactive: false };
    expect(runMigrate(ctx), out.stdout + out.stderr).toBe(0);
    for (const [file, expected] of Object.entries(EXPECTED)) {
      expect(existsSync(path.join(dir, expected.fileName)), expected.fileName).toBe(true);
      if (expected.fileName !== file) {
        expect(existsSync(path.join(dir, file))).toBe(false);
        expect(out.stdout).toContain(`renamed to ${expected.fileName}`);
      }
    }
    const written = readdirSync(dir).filter((file) => file.endsWith('.md'));
    const report = validatePostmortems(written.map((file) => parsePostmortem(path.join(dir, file), readFileSync(path.join(dir, file), 'utf8'))));
    expect(report.files.flatMap((entry) => entry.problems.filter((problem) => problem.level === 'error').map((problem) => `${entry.path}: ${problem.message}`))).toEqual([]);
  });
});
