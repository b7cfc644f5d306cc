import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATE_USAGE, runMigrate } from '../../scripts/cli/migrate-cli.ts';
import type { CliContext } from '../../scripts/lib/cli.ts';
import { unifiedDiff } from '../../scripts/lib/unified-diff.ts';
import { migratePlainForm, PROPOSAL_COMMENT, type MigrateOptions } from '../../src/lib/postmortem/migrate/migrate-plain-form.ts';
import { readImpactWindow, readTenants } from '../../src/lib/postmortem/migrate/impact-bullets.ts';
import { readDurationMinutes, readLooseDate, readLooseMoment } from '../../src/lib/postmortem/migrate/loose-time.ts';
import { readHeaderField, readNames, readTitleLine } from '../../src/lib/postmortem/migrate/plain-header.ts';
import { proposeCategory } from '../../src/lib/postmortem/migrate/propose-category.ts';
import { parsePostmortem } from '../../src/lib/postmortem/parsing/parse.ts';
import { validatePostmortems } from '../../src/lib/postmortem/validation/validate.ts';

const PLAIN = 'tests/fixtures/plain';
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function copyFixtures(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hindsight-migrate-'));
  dirs.push(dir);
  // The agent-written and agent-drift fixtures have their own tests (migrate-agent-written.test.ts, migrate-agent-drift.test.ts).
  cpSync(PLAIN, dir, { recursive: true, filter: (source) => !/agent-(?:written|drift)/.test(source) });
  return dir;
}

function context(argv: string[], cwd = process.cwd()) {
  const out = { stdout: '', stderr: '' };
  const ctx: CliContext = { argv, cwd, env: {}, stdout: (text) => void (out.stdout += text), stderr: (text) => void (out.stderr += text), interactive: false };
  return { ctx, out };
}

/** Each fixture, what it needs on the command line, and the rules validate may still report afterwards (stated, intended). */
const CASES: { file: string; options?: MigrateOptions; fileName?: string; remaining?: string[] }[] = [
  { file: 'postmortem-2026-03-14-report-export-timeouts.md' },
  { file: 'postmortem-2026-01-31-billing-double-charge.md' },
  { file: 'postmortem-2026-04-05-saml-login-failures.md' },
  // The file name says 2026-06-10, the Date: line 2026-06-09: the Date: line wins and the file is renamed.
  { file: 'postmortem-2026-06-10-zahlungsabgleich.md', fileName: 'postmortem-2026-06-09-zahlungsabgleich.md' },
  // --date-from-file-name keeps the name's date; the start on 2026-06-09 then moves the date back (the impact's UTC day).
  { file: 'postmortem-2026-06-10-zahlungsabgleich.md', options: { dateFromFileName: true }, fileName: 'postmortem-2026-06-09-zahlungsabgleich.md' },
  { file: 'outage-notes-search.md', options: { overrides: { authors: ['Kofi Mensah'] } }, fileName: 'postmortem-2026-08-18-search-results-stale-afternoon.md' },
  { file: 'postmortem-2026-07-21-stale-assets-after-deploy.md' },
  { file: 'postmortem-2026-09-03-reminder-emails-sent-twice.md', options: { overrides: { severity: 'SEV-3', services: ['reminder-scheduler'], category: 'code-bug' } } },
];

function migrateFixture(file: string, options?: MigrateOptions) {
  const raw = readFileSync(path.join(PLAIN, file), 'utf8');
  return { raw, result: migratePlainForm(raw, path.join(PLAIN, file), options) };
}

describe('migrate on plain-form post-mortems', () => {
  it.each(CASES)('$file $options: validates afterwards (or fails only on the stated rules)', ({ file, options, fileName, remaining = [] }) => {
    const { result } = migrateFixture(file, options);
    if (result.kind !== 'migrated') throw new Error(`not migrated: ${JSON.stringify(result)}`);
    expect(result.fileName).toBe(fileName ?? file);
    const report = validatePostmortems([parsePostmortem(path.join(PLAIN, result.fileName), result.text)]).files[0]!;
    expect(report.problems.filter((problem) => problem.level === 'error').map((problem) => problem.rule)).toEqual(remaining);
    expect(result.frontmatter.status).toBe('in-review');
  });

  it.each(CASES)('$file $options: never loses a line of the original', ({ file, options }) => {
    const { raw, result } = migrateFixture(file, options);
    if (result.kind !== 'migrated') throw new Error('not migrated');
    const original = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
    const output = result.text.split('\n');
    const moved = new Map(result.moved.map((line) => [line.line, line]));
    const rewritten = new Map(result.rewritten.map((line) => [line.line, line]));
    const meta = parsePostmortem(result.fileName, result.text).fields;
    original.forEach((line, index) => {
      if (!line.trim()) return;
      const move = moved.get(index + 1);
      const rewrite = rewritten.get(index + 1);
      if (rewrite) {
        // A Timeline time given its full date (the cell as written kept after it in parentheses when it had other words): the rest of the row is unchanged.
        expect(rewrite.before).toBe(line);
        expect(output).toContain(rewrite.after);
        expect(rewrite.after.replace(/^\| [^|]+?(?= \|)/, '')).toBe(line.replace(/^\| [^|]+?(?= \|)/, ''));
        return;
      }
      if (!move) {
        expect(output, `line ${index + 1}`).toContain(line);
        return;
      }
      // A moved metadata line: its information is in the frontmatter.
      for (const field of move.fields) {
        const value = readHeaderField(line)?.value ?? readTitleLine(line) ?? line.replace(/^#+\s*/, '');
        if (field === 'title') expect(meta.title).toBe(value);
        if (field === 'date') expect(meta.date).toBe(readLooseDate(value));
        if (field === 'severity') expect(meta.severity).toBe(`SEV-${/sev[\s-]*([1-4])/i.exec(value)![1]}`);
        if (field === 'authors') expect(meta.authors).toEqual(readNames(value));
        if (field === 'services') expect(meta.services!.join(',')).toBe(value.replace(/\s+/g, ''));
        if (field === 'root_cause_category') expect(meta.root_cause_category).toBe(value.toLowerCase().replace(/\s+/g, '-'));
        if (field === 'started_at' || field === 'resolved_at') {
          expect((Date.parse(meta.resolved_at!) - Date.parse(meta.started_at!)) / 60_000).toBeCloseTo(readDurationMinutes(value)!, -1);
        }
      }
    });
  });

  it('reads the messy forms: midnight rollover, dates in times, CRLF and BOM', () => {
    const { result } = migrateFixture('postmortem-2026-01-31-billing-double-charge.md');
    if (result.kind !== 'migrated') throw new Error('not migrated');
    expect(result.original).toEqual({ crlf: true, bom: true });
    expect(result.text).not.toMatch(/\r|\uFEFF/);
    expect(result.frontmatter).toMatchObject({
      severity: 'SEV-1',
      authors: ['Priya Raman', 'Tom Becker'],
      services: ['billing-worker', 'payments-api'],
      root_cause_category: 'code-bug',
      started_at: '2026-01-31T23:27:00Z',
      detected_at: '2026-01-31T23:41:00Z',
      acknowledged_at: '2026-01-31T23:55:00Z',
      mitigated_at: '2026-02-01T02:15:00Z',
      resolved_at: '2026-02-01T18:00:00Z',
      tenants_affected: 37,
      tenants_total: 412,
    });
    expect(result.text).toContain('| 2026-02-01 00:40 | Root cause identified: retry loop ignores the captured flag |');
    expect(result.text).not.toContain(PROPOSAL_COMMENT);

    const saml = migrateFixture('postmortem-2026-04-05-saml-login-failures.md').result;
    if (saml.kind !== 'migrated') throw new Error('not migrated');
    expect(saml.frontmatter).toMatchObject({ date: '2026-04-05', authors: ['@lena', '@marco'], started_at: '2026-04-05T07:38:00Z', resolved_at: '2026-04-05T09:41:00Z', tenants_affected: 23 });
    // `All 23 tenants on the provider`: all of a group, not the archive's total.
    expect(saml.frontmatter.tenants_total).toBeUndefined();
    expect(saml.text).toContain('| 07:38 (07:38 on Apr 5) | First failed SAML assertion: signature mismatch |');
    // `~2 hours` agrees with the window, but its words are not in the frontmatter: the line stays as written.
    expect(saml.moved.map((line) => line.text)).not.toContain('**Duration:** ~2 hours');
    expect(saml.text).toContain('**Duration:** ~2 hours');
  });

  it('marks proposals in the file for the reviewer', () => {
    const { result } = migrateFixture('postmortem-2026-03-14-report-export-timeouts.md');
    if (result.kind !== 'migrated') throw new Error('not migrated');
    expect(result.text).toContain(`root_cause_category: deployment # ${PROPOSAL_COMMENT}`);
    expect(result.text).toMatch(/# proposed by migrate from the text: review\nservices:\n {2}- report-export\n/);
    expect(result.notes.filter((note) => note.kind === 'proposed')).toHaveLength(2);
  });

  it('follows the Date: line over the file name, renames the file, and says so', () => {
    const kept = migrateFixture('postmortem-2026-06-10-zahlungsabgleich.md').result;
    if (kept.kind !== 'migrated') throw new Error('not migrated');
    expect(kept.frontmatter.date).toBe('2026-06-09');
    expect(kept.fileName).toBe('postmortem-2026-06-09-zahlungsabgleich.md');
    expect(kept.renameReason).toBe('the file name said 2026-06-10, the incident date is 2026-06-09');
    expect(kept.text).not.toContain('### Date: 2026-06-09');
    expect(kept.notes.some((note) => note.kind === 'warning' && note.message.includes('the Date: line wins'))).toBe(true);
    // The heading inside the code block is body text, not metadata.
    expect(kept.text).toContain('### Date: this line is inside a code block and must stay');
  });

  it('fails only without a severity (never guessed); other missing fields make a valid draft that names them', () => {
    const { result } = migrateFixture('postmortem-2026-09-03-reminder-emails-sent-twice.md');
    expect(result.kind).toBe('failed');
    if (result.kind !== 'failed') return;
    expect(result.missing.map((what) => what.split(' ')[0])).toEqual(['severity']);
    const withSeverity = migrateFixture('postmortem-2026-09-03-reminder-emails-sent-twice.md', { overrides: { severity: 'SEV-3' } }).result;
    if (withSeverity.kind !== 'migrated') throw new Error('not migrated');
    expect(withSeverity.frontmatter.status).toBe('draft');
    expect(withSeverity.problems.filter((problem) => problem.level === 'error')).toEqual([]);
    const noAuthor = migrateFixture('outage-notes-search.md').result;
    if (noAuthor.kind !== 'migrated') throw new Error('not migrated');
    expect(noAuthor.frontmatter).toMatchObject({ status: 'draft', authors: [] });
    expect(noAuthor.draftBecause).toContain('authors');
    expect(noAuthor.text).toMatch(/status: draft # migrate: the text does not hold authors/);
    expect(noAuthor.problems.filter((problem) => problem.level === 'error')).toEqual([]);
  });

  it('reads a priority (`P1` … `P4`) as that severity, marked as a proposal to review; another word stays unread', () => {
    const file = path.join(PLAIN, 'postmortem-2026-03-14-report-export-timeouts.md');
    const raw = readFileSync(file, 'utf8');
    const priority = migratePlainForm(raw.replace('### Severity: SEV-2', '### Severity: P2 (customer-facing)'), file);
    if (priority.kind !== 'migrated') throw new Error('not migrated');
    expect(priority.frontmatter.severity).toBe('SEV-2');
    expect(priority.text).toMatch(/^severity: SEV-2 # proposed by migrate from the priority `P2`: review$/m);
    expect(priority.text).toContain('P2 (customer-facing)');
    const unread = migratePlainForm(raw.replace('### Severity: SEV-2', '### Severity: Pretty bad'), file);
    expect(unread.kind === 'migrated' && unread.frontmatter.severity).not.toBe('SEV-2');
  });

  it('skips a file that already has frontmatter', () => {
    const file = 'tests/fixtures/valid/postmortem-2026-03-14-report-export-timeouts.md';
    expect(migratePlainForm(readFileSync(file, 'utf8'), file)).toEqual({ kind: 'skipped', reason: 'already has frontmatter' });
  });
});

describe('migrate readers', () => {
  it('read times the way agents write them', () => {
    expect(readLooseMoment('23:27 (Jan 31)', '2026-01-31')).toEqual({ date: '2026-01-31', hour: 23, minute: 27, second: 0 });
    expect(readLooseMoment('07:38 on Apr 5', '2026-04-05')).toMatchObject({ date: '2026-04-05', hour: 7, minute: 38 });
    expect(readLooseMoment('2026-03-15 00:10 UTC')).toMatchObject({ date: '2026-03-15', hour: 0, minute: 10 });
    expect(readLooseMoment('Jan 2, 11:05 pm', '2025-12-31')).toMatchObject({ date: '2026-01-02', hour: 23, minute: 5 });
    // The UTC value is the value: a known zone is converted, a local time in parentheses is a note.
    expect(readLooseMoment('09:12 CET')).toMatchObject({ hour: 8, minute: 12 });
    expect(readLooseMoment('14:05 (16:05 CEST)')).toMatchObject({ hour: 14, minute: 5 });
    expect(readLooseMoment('16:05 CEST (14:05 UTC)')).toMatchObject({ hour: 14, minute: 5 });
    expect(readLooseMoment('2:05 PM')).toMatchObject({ hour: 14, minute: 5 });
    expect(readLooseMoment('06:02:10')).toMatchObject({ hour: 6, minute: 2, second: 10 });
    expect(readLooseMoment('00:30 CEST')).toBeNull();
    expect(readLooseMoment('00:30 CEST on Oct 31', '2027-10-31')).toMatchObject({ date: '2027-10-30', hour: 22, minute: 30 });
    expect(readLooseMoment('09:12 XYZT')).toBeNull();
    expect(readLooseDate('April 5, 2026')).toBe('2026-04-05');
    expect(readLooseDate('5th April 2026')).toBe('2026-04-05');
    expect(readDurationMinutes('2 hours 15 minutes')).toBe(135);
    expect(readDurationMinutes('1d 2h')).toBe(1560);
  });

  it('read the Impact window and tenant figures', () => {
    expect(readImpactWindow('23:27 (Jan 31) to 18:00 (Feb 1) UTC', '2026-01-31')).toEqual({ started: '2026-01-31T23:27:00Z', resolved: '2026-02-01T18:00:00Z' });
    expect(readImpactWindow('22:50 to 00:55 UTC', '2026-07-21')).toEqual({ started: '2026-07-21T22:50:00Z', resolved: '2026-07-22T00:55:00Z' });
    expect(readImpactWindow('09:12–11:05 UTC', '2026-03-14')).toEqual({ started: '2026-03-14T09:12:00Z', resolved: '2026-03-14T11:05:00Z' });
    expect(readImpactWindow('about two hours', '2026-03-14')).toBeNull();
    expect(readTenants('42 (14% of total)')).toEqual({ affected: 42, percent: 14 });
    expect(readTenants('42 (14% of 310)')).toEqual({ affected: 42, total: 310 });
    expect(readTenants('All users (100% of total)')).toEqual({ percent: 100 });
    expect(readTenants('All Atlassian Cloud customers')).toEqual({ percent: 100 });
    expect(readTenants('All customers in us-east-1').percent).toBeUndefined();
    // A number after All that is not a count of tenants (`Office 365`, `3 regions`) is not one.
    expect(readTenants('All Office 365 customers')).toEqual({ percent: 100 });
    expect(readTenants('All 3 regions').affected).toBeUndefined();
    expect(readTenants('775 customers (about 0.4% of over 200,000 cloud customers)')).toEqual({ affected: 775, percent: 0.4 });
    expect(readTenants('8.5 million Windows hosts (less than 1% of all Windows machines)')).toEqual({ problem: expect.stringContaining('no count') });
    expect(readTenants('120 out of 410 tenants')).toEqual({ affected: 120, total: 410 });
    expect(readTenants('1,204/5,000')).toEqual({ affected: 1204, total: 5000 });
    // All of a group is a count, not the total: only `All 310 tenants` states the total.
    expect(readTenants('All 23 tenants on the provider')).toEqual({ affected: 23 });
    expect(readTenants('All 120 tenants in one region (~8% of total)')).toEqual({ affected: 120, percent: 8 });
    expect(readTenants('All 310 tenants')).toEqual({ affected: 310, total: 310 });
    expect(readTenants('37 of 2,150 workspaces')).toEqual({ affected: 37, total: 2150 });
    // A share of a part of the users is not a share of tenants; N/A says there is no figure.
    expect(readTenants("N/A (about 6% of one platform's users, Android only)")).toEqual({ problem: expect.stringContaining('no tenant figure') });
    expect(readTenants('12 (3% of Android users)')).toEqual({ affected: 12 });
    expect(readTenants('12 (3% of all customers)')).toEqual({ affected: 12, percent: 3 });
    expect(readTenants('None')).toEqual({ affected: 0 });
    expect(readTenants('~40').problem).toContain('estimate');
    expect(readImpactWindow('13:30 to 14:15 UTC (09:30 to 10:15 New York time)', '2026-03-14')).toEqual({ started: '2026-03-14T13:30:00Z', resolved: '2026-03-14T14:15:00Z' });
    expect(readImpactWindow('07:38 on Apr 5 to 02:00 on Apr 18 UTC', '2022-04-05')).toEqual({ started: '2022-04-05T07:38:00Z', resolved: '2022-04-18T02:00:00Z' });
    expect(readImpactWindow('04:09 to 05:27 UTC for the faulty content; hosts recovered over days', '2024-07-19')).toEqual({ started: '2024-07-19T04:09:00Z', resolved: '2024-07-19T05:27:00Z' });
    expect(readImpactWindow('Apr 5 07:38 – Apr 18 02:00 UTC', '2022-04-05')).toEqual({ started: '2022-04-05T07:38:00Z', resolved: '2022-04-18T02:00:00Z' });
    expect(readImpactWindow('2017-01-31 23:27 to 2017-02-01 18:00 UTC', '2017-01-31')).toEqual({ started: '2017-01-31T23:27:00Z', resolved: '2017-02-01T18:00:00Z' });
    // A range in one known zone is converted; in a zone not known, it is not read.
    expect(readImpactWindow('09:30 to 10:15 EDT', '2026-03-14')).toEqual({ started: '2026-03-14T13:30:00Z', resolved: '2026-03-14T14:15:00Z' });
    expect(readImpactWindow('9:30 AM to 10:15 AM ET', '2026-01-14')).toEqual({ started: '2026-01-14T14:30:00Z', resolved: '2026-01-14T15:15:00Z' });
    expect(readImpactWindow('09:30 to 10:15 AST', '2026-03-14')).toBeNull();
    expect(readImpactWindow('09:30 to 10:15 local time', '2026-03-14')).toBeNull();
    // A local time in parentheses beside each UTC time is a note, not the range.
    expect(readImpactWindow('14:05 UTC (16:05 CEST) to 15:15 UTC (17:15 CEST)', '2027-03-03')).toEqual({ started: '2027-03-03T14:05:00Z', resolved: '2027-03-03T15:15:00Z' });
    expect(readImpactWindow('14:05 (16:05 CEST) to 15:15 (17:15 CEST)', '2027-03-03')).toEqual({ started: '2027-03-03T14:05:00Z', resolved: '2027-03-03T15:15:00Z' });
    expect(readImpactWindow('16:05–17:15 CEST (14:05–15:15 UTC)', '2027-03-03')).toEqual({ started: '2027-03-03T14:05:00Z', resolved: '2027-03-03T15:15:00Z' });
    expect(readImpactWindow('2:05 PM – 4:30 PM UTC (9:05 AM – 11:30 AM EST)', '2027-03-03')).toEqual({ started: '2027-03-03T14:05:00Z', resolved: '2027-03-03T16:30:00Z' });
  });

  it('proposes a category from the Root Cause text', () => {
    expect(proposeCategory('Root Cause: an expired credential in the config')!.category).toBe('configuration');
    expect(proposeCategory('Why? -> the disk was full; out of memory on the node')!.category).toBe('infrastructure');
    expect(proposeCategory('a bad deploy shipped an incompatible version')!.category).toBe('deployment');
    expect(proposeCategory('schema drift in the feed, corrupt data')!.category).toBe('data');
    expect(proposeCategory('a race condition in the retry logic')!.category).toBe('code-bug');
    expect(proposeCategory('nothing to see')).toBeNull();
  });
});

describe('migrate CLI', () => {
  it('without --write prints a diff and changes nothing', () => {
    const dir = copyFixtures();
    const before = readdirSync(dir).map((file) => readFileSync(path.join(dir, file), 'utf8'));
    const { ctx, out } = context([path.join(dir, 'postmortem-2026-03-14-report-export-timeouts.md')], dir);
    expect(runMigrate(ctx)).toBe(0);
    expect(out.stdout).toContain('--- a/postmortem-2026-03-14-report-export-timeouts.md');
    expect(out.stdout).toContain('+root_cause_category: deployment # proposed by migrate');
    expect(out.stdout).toContain('-### Date: 2026-03-14');
    expect(out.stdout).toContain('Nothing was changed');
    expect(readdirSync(dir).map((file) => readFileSync(path.join(dir, file), 'utf8'))).toEqual(before);
  });

  it('--write converts a folder; files it cannot migrate make it exit 1 and stay as they were', () => {
    const dir = copyFixtures();
    const untouched = readFileSync(path.join(dir, 'postmortem-2026-09-03-reminder-emails-sent-twice.md'), 'utf8');
    const { ctx, out } = context([dir, '--write'], dir);
    expect(runMigrate(ctx)).toBe(1);
    expect(out.stdout).toContain('could not migrate');
    expect(readFileSync(path.join(dir, 'postmortem-2026-09-03-reminder-emails-sent-twice.md'), 'utf8')).toBe(untouched);
    const written = readFileSync(path.join(dir, 'postmortem-2026-01-31-billing-double-charge.md'), 'utf8');
    expect(written.startsWith('---\ntitle: Nightly billing run')).toBe(true);
    expect(readdirSync(dir).filter((file) => file.endsWith('.tmp'))).toEqual([]);
  });

  it('--write with the flags a file needs renames it to the convention and it validates', () => {
    const dir = copyFixtures();
    const { ctx, out } = context([path.join(dir, 'outage-notes-search.md'), '--write', '--author', 'Kofi Mensah'], dir);
    expect(runMigrate(ctx)).toBe(0);
    expect(out.stdout).toContain('written: postmortem-2026-08-18-search-results-stale-afternoon.md');
    expect(existsSync(path.join(dir, 'outage-notes-search.md'))).toBe(false);
    const target = path.join(dir, 'postmortem-2026-08-18-search-results-stale-afternoon.md');
    const report = validatePostmortems([parsePostmortem(target, readFileSync(target, 'utf8'))]).files[0]!;
    expect(report.valid).toBe(true);
    // Run again: the file now has frontmatter and is skipped.
    const again = context([target], dir);
    expect(runMigrate(again.ctx)).toBe(0);
    expect(again.out.stdout).toContain('skipped (already has frontmatter)');
  });

  it('never clobbers an existing file when renaming', () => {
    const dir = copyFixtures();
    const target = path.join(dir, 'postmortem-2026-08-18-search-results-stale-afternoon.md');
    writeFileSync(target, 'someone else\n');
    const { ctx, out } = context([path.join(dir, 'outage-notes-search.md'), '--write', '--author', 'Kofi'], dir);
    expect(runMigrate(ctx)).toBe(1);
    expect(out.stdout).toContain('already exists (left untouched)');
    expect(readFileSync(target, 'utf8')).toBe('someone else\n');
    expect(existsSync(path.join(dir, 'outage-notes-search.md'))).toBe(true);
  });

  it('usage errors exit 2; --help exits 0', () => {
    expect(runMigrate(context([]).ctx)).toBe(2);
    expect(runMigrate(context(['nope.md']).ctx)).toBe(2);
    expect(runMigrate(context([PLAIN, '--category', 'gremlins']).ctx)).toBe(2);
    expect(runMigrate(context([PLAIN, '--write', '--dry-run']).ctx)).toBe(2);
    const help = context(['--help']);
    expect(runMigrate(help.ctx)).toBe(0);
    expect(help.out.stdout).toBe(MIGRATE_USAGE);
  });
});

describe('the preview diff (the diff package)', () => {
  it('is a standard unified diff with three lines of context, and empty when nothing changes', () => {
    const before = Array.from({ length: 12 }, (_, at) => `line ${at + 1}`).join('\n') + '\n';
    const after = before.replace('line 2\n', 'line two\n').replace('line 12\n', 'line 12\nline 13\n');
    expect(unifiedDiff(before, after, { from: 'a/x.md', to: 'b/y.md' })).toBe(
      ['--- a/x.md', '+++ b/y.md', '@@ -1,5 +1,5 @@', ' line 1', '-line 2', '+line two', ' line 3', ' line 4', ' line 5', '@@ -10,3 +10,4 @@', ' line 10', ' line 11', ' line 12', '+line 13', ''].join('\n'),
    );
    expect(unifiedDiff(before, before, { from: 'a/x.md', to: 'b/x.md' })).toBe('');
  });
});
