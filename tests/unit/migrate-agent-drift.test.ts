/**
 * Plain-form post-mortems written the way different agents drift from the
 * skill's template (bold `**Date:**` lines, 12-hour and `HH:MM:SS` times,
 * local times beside UTC, a DST day, free-text statuses, due targets that are
 * not dates, sections missing, extra or a level off, tables without leading
 * pipes, 5 Whys as a table or bold Q&A, reviewers, negated services, stated
 * totals and shares of something else). Each is migrated and compared field by
 * field with tests/fixtures/plain/agent-drift/expected.json, values read off the
 * text by a person. Then, over every plain-form fixture, old and new: no word
 * the author wrote is missing from the migrated file.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cpuMs } from './helpers/cpu-time.ts';
import { expectAsTabled } from './helpers/migrate-expectations.ts';
import type { CliContext } from '../../scripts/lib/cli.ts';
import { runMigrate } from '../../scripts/cli/migrate-cli.ts';
import { parseStatusCell, statusWords } from '../../src/lib/postmortem/model/action-status.ts';
import { normaliseActionItems, statusSynonym } from '../../src/lib/postmortem/migrate/action-item-cells.ts';
import { proposeServices } from '../../src/lib/postmortem/migrate/propose-services.ts';
import { milestoneOfEvent } from '../../src/lib/postmortem/scaffold/milestone-events.ts';
import { ADDED_SECTION_NOTE } from '../../src/lib/postmortem/migrate/body-gaps.ts';
import { migratePlainForm } from '../../src/lib/postmortem/migrate/migrate-plain-form.ts';
import { readLooseDate, readLooseMoment } from '../../src/lib/postmortem/migrate/loose-time.ts';
import { readHeaderField, readNames, readReviewers, readTitleLine } from '../../src/lib/postmortem/migrate/plain-header.ts';
import { textWords as wordsOf } from '../../src/lib/search/words.ts';
import { parsePostmortem } from '../../src/lib/postmortem/parsing/parse.ts';
import { validatePostmortems } from '../../src/lib/postmortem/validation/validate.ts';

const DIR = 'tests/fixtures/plain/agent-drift';
const EXPECTED = JSON.parse(readFileSync(path.join(DIR, 'expected.json'), 'utf8')) as Record<string, Record<string, unknown> & { fileName: string; proposed: string[]; draft_because: string[] }>;
const FILES = readdirSync(DIR).filter((file) => file.endsWith('.md')).sort();
const FIELDS = ['date', 'severity', 'status', 'authors', 'services', 'root_cause_category', 'contributing_categories', 'started_at', 'resolved_at', 'tenants_affected', 'tenants_total', 'tenants_affected_percent'] as const;
/** Every plain-form fixture, old and new. */
const ALL = ['tests/fixtures/plain', 'tests/fixtures/plain/agent-written', DIR].flatMap((dir) => readdirSync(dir).filter((file) => file.endsWith('.md')).map((file) => path.join(dir, file)));

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function migrate(file: string) {
  const raw = readFileSync(file, 'utf8');
  const result = migratePlainForm(raw, file);
  if (result.kind !== 'migrated') throw new Error(`${file} not migrated: ${JSON.stringify(result)}`);
  return { raw, result };
}

const count = (words: string[]) => words.reduce((map, word) => map.set(word, (map.get(word) ?? 0) + 1), new Map<string, number>());

function cli(argv: string[]) {
  const out = { stdout: '', stderr: '' };
  // No archive folder: only the files given are read.
  const ctx: CliContext = { argv, cwd: process.cwd(), env: { POSTMORTEM_DIR: 'tests/fixtures/no-such-archive' }, stdout: (text) => void (out.stdout += text), stderr: (text) => void (out.stderr += text), interactive: false };
  return { ctx, out };
}

describe('plain-form post-mortems as agents drift from the template', () => {
  it('has at least 15 fixtures, each with a row in the expectations table', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(15);
    expect(Object.keys(EXPECTED).sort()).toEqual(FILES);
  });

  it.each(FILES)('%s: every field as the table expects', (file) => {
    const { result } = migrate(path.join(DIR, file));
    expectAsTabled(result, EXPECTED[file]!, FIELDS);
  });

  it.each(FILES)('%s: validates, with no error left; a draft names what it lacks', (file) => {
    const { result } = migrate(path.join(DIR, file));
    const report = validatePostmortems([parsePostmortem(path.join(DIR, result.fileName), result.text)]).files[0]!;
    expect(report.problems.filter((problem) => problem.level === 'error')).toEqual([]);
    // A draft names what it lacks: fields or sections the text does not hold, or the rules the text still fails.
    if (result.frontmatter.status === 'draft') expect(result.text).toMatch(/^status: draft # migrate: (?:the text does not hold .+; fill in|validate found .+ in review; fix them)/m);
    for (const section of result.draftBecause.filter((what) => what.startsWith('section '))) {
      expect(result.text).toContain(`${section.slice('section '.length)}\n\n${ADDED_SECTION_NOTE}`);
    }
  });

  it.each(ALL)('%s: no word the author wrote is lost', (file) => {
    const raw = readFileSync(file, 'utf8');
    const result = migratePlainForm(raw, file);
    // A file that cannot be migrated (no severity) is left as it is: nothing to lose.
    if (result.kind === 'failed') return expect(result.missing.join()).toMatch(/^severity/);
    if (result.kind !== 'migrated') throw new Error(`${file}: ${result.kind}`);
    const original = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
    const have = count(wordsOf(result.text));
    // Allowed to go: a moved line's label (`### Date:`, `## Post-Mortem:`: the YAML key holds it), and a
    // status that is only a synonym of the template's word (`Completed` → `DONE`).
    const allowed = new Set<string>();
    for (const line of result.moved) {
      const value = readTitleLine(line.text) ?? readHeaderField(line.text)?.value ?? '';
      const label = count(wordsOf(line.text));
      for (const word of wordsOf(value)) label.set(word, label.get(word)! - 1);
      for (const [word, left] of label) if (left > 0) allowed.add(word);
    }
    for (const line of result.rewritten) {
      for (const text of line.normalised ?? []) {
        expect(statusSynonym(statusWords(text)), `\`${text}\` is a status synonym`).not.toBeNull();
        for (const word of wordsOf(text)) allowed.add(word);
      }
    }
    const lost = [...count(wordsOf(original))].filter(([word, times]) => (have.get(word) ?? 0) < times && !allowed.has(word)).map(([word]) => word);
    expect(lost).toEqual([]);
  });

  it('one `migrate --write` of the folder: every file written and valid, exit 0', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hindsight-drift-'));
    dirs.push(dir);
    cpSync(DIR, dir, { recursive: true, filter: (source) => !source.endsWith('.json') });
    const { ctx, out } = cli([dir, '--write']);
    expect(runMigrate(ctx), out.stdout).toBe(0);
    const files = readdirSync(dir).filter((file) => file.endsWith('.md'));
    expect(files.sort()).toEqual(FILES.map((file) => EXPECTED[file]!.fileName).sort());
    const report = validatePostmortems(files.map((file) => parsePostmortem(path.join(dir, file), readFileSync(path.join(dir, file), 'utf8'))));
    expect(report.summary.invalid).toBe(0);
  });

  it('a Time column named in a zone: each time is converted to UTC, the cell as written kept after it', () => {
    const file = path.join(DIR, 'postmortem-2027-03-03-checkout-latency-bold-lines.md');
    const text = readFileSync(file, 'utf8').replace('| Time | Event |', '| Time (CET) | Event |').replace(/\| (\d\d:\d\d) \((\d\d:\d\d) CET\) \|/g, '| $2 |').replace('| 15:12 |', '| 3:12 PM |');
    const result = migratePlainForm(text, file);
    if (result.kind !== 'migrated') throw new Error('not migrated');
    expect(result.text).toContain('| 14:05 (15:05 CET) | First error logged');
    expect(result.text).toContain('| 14:12 (3:12 PM CET) | Investigation started');
    expect(result.frontmatter).toMatchObject({ started_at: '2027-03-03T14:05:00Z', resolved_at: '2027-03-03T15:15:00Z' });
  });

  it('a Timeline said to be in local time, in no zone any line names: no time of it is read as UTC, and the draft says so', () => {
    const file = path.join(DIR, 'postmortem-2027-05-18-webhook-missing-section.md');
    const result = migratePlainForm(readFileSync(file, 'utf8').replace('### Timeline (UTC)', '### Timeline (local time)').replace('- **Duration**: 10:10 to 11:02 UTC\n', ''), file);
    if (result.kind !== 'migrated') throw new Error('not migrated');
    expect(result.frontmatter.started_at).toBeUndefined();
    expect(result.draftBecause).toContain('Timeline times in UTC (the Timeline says they are local)');
    expect(result.text).toContain('| 10:10 | First error logged');
    // `Date/Time` is a column name, not a zone.
    const dated = migratePlainForm(readFileSync(file, 'utf8').replace('| Time | Event |', '| Date/Time | Event |'), file);
    expect(dated).toMatchObject({ frontmatter: { started_at: '2027-05-18T10:10:00Z' } });
  });

  it('local times in a zone the heading, the column or another line names: converted on the day, daylight saving included', () => {
    const file = path.join(DIR, 'postmortem-2027-05-18-webhook-missing-section.md');
    const source = readFileSync(file, 'utf8').replace('- **Duration**: 10:10 to 11:02 UTC\n', '');
    const startedAt = (text: string) => {
      const result = migratePlainForm(text, file);
      if (result.kind !== 'migrated') throw new Error('not migrated');
      return result.frontmatter.started_at;
    };
    // 2027-05-18: Berlin is on summer time (UTC+2), New York on EDT (UTC−4), India always UTC+05:30.
    expect(startedAt(source.replace('### Timeline (UTC)', '### Timeline (local time, Europe/Berlin)'))).toBe('2027-05-18T08:10:00Z');
    expect(startedAt(source.replace('### Timeline (UTC)', '### Timeline (all times ET)'))).toBe('2027-05-18T14:10:00Z');
    expect(startedAt(source.replace('| Time | Event |', '| Time (IST) | Event |').replace('### Timeline (UTC)', '### Timeline'))).toBe('2027-05-18T04:40:00Z');
    expect(startedAt(source.replace('### Timeline (UTC)', '### Timeline (local)').replace('### Summary', '**Time zone:** America/Los_Angeles\n\n### Summary'))).toBe('2027-05-18T17:10:00Z');
    // The same wall-clock time in January: standard time.
    const winter = source.replaceAll('2027-05-18', '2027-01-18');
    expect(startedAt(winter.replace('### Timeline (UTC)', '### Timeline (local time, Europe/Berlin)'))).toBe('2027-01-18T09:10:00Z');
    expect(startedAt(winter.replace('### Timeline (UTC)', '### Timeline (all times ET)'))).toBe('2027-01-18T15:10:00Z');
    // Both of a zone's abbreviations: its clocks on the day decide; one abbreviation states its offset, a season's slip is reported, not corrected.
    expect(startedAt(source.replace('### Timeline (UTC)', '### Timeline (all times CET/CEST)'))).toBe('2027-05-18T08:10:00Z');
    expect(startedAt(winter.replace('### Timeline (UTC)', '### Timeline (all times CET/CEST)'))).toBe('2027-01-18T09:10:00Z');
    const slip = migratePlainForm(source.replace('### Timeline (UTC)', '### Timeline (all times CET)'), file);
    expect(slip).toMatchObject({ frontmatter: { started_at: '2027-05-18T09:10:00Z' } });
    expect(slip.kind === 'migrated' ? slip.notes.map((note) => note.message) : []).toContain('Timeline zone CET (UTC+1) is not what Europe/Berlin clocks read on 2027-05-18 (UTC+2): the times are read as written; check that the zone is right');
    // A city the tz database knows, where the text says it gives a time.
    expect(startedAt(source.replace('### Timeline (UTC)', '### Timeline (local time, New York)'))).toBe('2027-05-18T14:10:00Z');
    // The Time column's zone, not another column's.
    const twoColumns = source.replace('| Time | Event |\n|------|-------|', '| Time (UTC) | Time (PT) | Event |\n|---|---|---|').replace(/^\| (\d\d:\d\d) \|/gm, '| $1 | x |');
    expect(twoColumns).toContain('| 10:10 | x |');
    expect(startedAt(twoColumns.replace('### Timeline (UTC)', '### Timeline'))).toBe('2027-05-18T10:10:00Z');
    // Prose that mentions a zone says nothing about the Timeline's times.
    expect(startedAt(source.replace('### Timeline (UTC)', '### Timeline').replace('### Summary', 'Most customers in the PST time zone were asleep.\n\n### Summary'))).toBe('2027-05-18T10:10:00Z');
    // Two lines naming two zones: which one is meant is not known.
    const twoZones = source.replace('### Timeline (UTC)', '### Timeline (local)').replace('### Summary', 'Time zone: America/Los_Angeles\n\nAll times are in Europe/Berlin.\n\n### Summary');
    expect(startedAt(twoZones)).toBeUndefined();
  });

  it('times written as agents write them: 14h05, 14.05, 1405Z, 14:05:09Z, ISO, 2:05pm', () => {
    for (const written of ['14h05', '14.05', '1405Z', '1405 UTC', '14:05:09Z', '2027-03-03T14:05Z', '2:05pm', '2:05 p.m.']) {
      expect(readLooseMoment(written, '2027-03-03'), written).toMatchObject({ hour: 14, minute: 5 });
    }
    // Numbers that are not times stay numbers.
    for (const written of ['1.50 hours', '99.95%', 'build 2027', 'v14.05.1']) expect(readLooseMoment(written, '2027-03-03'), written).toBeNull();
  });

  it('an added section is a placeholder: promoted without filling it in, validate says so', () => {
    const file = path.join(DIR, 'postmortem-2027-05-18-webhook-missing-section.md');
    const result = migratePlainForm(readFileSync(file, 'utf8'), file);
    if (result.kind !== 'migrated') throw new Error('not migrated');
    const promoted = result.text.replace(/^status: draft.*$/m, 'status: final');
    const problems = validatePostmortems([parsePostmortem(path.join(DIR, result.fileName), promoted)]).files[0]!.problems;
    expect(problems.filter((problem) => problem.rule === 'placeholders').map((problem) => problem.message)).toEqual(['template placeholder `Not in the original post-mortem: added by migrate` is still in the text']);
  });

  it('reads a severity written as a word on the four levels in order, as a proposal that keeps the line; another word stops the file with a hint', () => {
    const file = path.join(DIR, 'postmortem-2027-03-03-checkout-latency-bold-lines.md');
    const withSeverity = (severity: string) => migratePlainForm(readFileSync(file, 'utf8').replace('**Severity:** SEV-2', `**Severity:** ${severity}`), file);
    const words: [string, string][] = [['Critical', 'SEV-1'], ['critical', 'SEV-1'], ['Major (checkout degraded)', 'SEV-2'], ['High', 'SEV-2'], ['high (customer-facing)', 'SEV-2'], ['Medium', 'SEV-3'], ['Moderate', 'SEV-3'], ['Minor', 'SEV-3'], ['Low', 'SEV-4'], ['Cosmetic', 'SEV-4']];
    for (const [written, severity] of words) {
      const result = withSeverity(written);
      if (result.kind !== 'migrated') throw new Error(`${written}: ${result.kind}`);
      expect(result.frontmatter.severity, written).toBe(severity);
      expect(result.text, written).toMatch(new RegExp(`^severity: ${severity} # proposed by migrate from the words \`${written.split(' ')[0]}\`: review$`, 'm'));
      expect(result.text, written).toContain(`**Severity:** ${written}`);
    }
    // A digit wins over a word beside it, and is a fact, not a proposal.
    const digit = withSeverity('sev2 – High');
    expect(digit).toMatchObject({ kind: 'migrated', frontmatter: { severity: 'SEV-2' } });
    expect(digit.kind === 'migrated' ? digit.text : '').not.toContain('# proposed by migrate from the words');
    expect(withSeverity('S3 (Medium)')).toMatchObject({ kind: 'migrated', frontmatter: { severity: 'SEV-3' } });
    for (const word of ['Urgent', 'Medium-High', 'Low/Medium', 'Significant']) {
      expect(withSeverity(word), word).toMatchObject({ kind: 'failed', missing: [expect.stringContaining('--severity')] });
    }
  });

  it('writes a service as the archive spells it', () => {
    const file = path.join(DIR, 'postmortem-2027-03-03-checkout-latency-bold-lines.md');
    const result = migratePlainForm(readFileSync(file, 'utf8').replace('checkout-api, redis', 'Checkout API, Redis'), file, { archiveServices: new Map([['checkout-api', 4], ['redis', 2], ['Redis', 1]]) });
    if (result.kind !== 'migrated') throw new Error('not migrated');
    expect(result.frontmatter.services).toEqual(['checkout-api', 'redis']);
    expect(result.notes.map((note) => note.message)).toContain('service `Redis` written `redis`, as the archive spells it (one spelling per service keeps facets and counts whole)');
  });

  it('a result that still fails validate: exit 1, and the file is named', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hindsight-drift-'));
    dirs.push(dir);
    const file = 'postmortem-2027-05-18-webhook-missing-section.md';
    // A time nobody can read: even a draft fails `timeline-time`.
    writeFileSync(path.join(dir, file), readFileSync(path.join(DIR, file), 'utf8').replace('| 10:18 |', '| shortly after |'));
    const { ctx, out } = cli([dir, '--write']);
    expect(runMigrate(ctx)).toBe(1);
    expect(out.stdout).toMatch(/1 written still fails validate \(exit 1\): .*postmortem-2027-05-18-webhook-missing-section\.md/);
  });
});

describe('readers for the drifts', () => {
  it('statuses: emoji are decoration, a reason may follow, digits in a reason are not a closing date', () => {
    expect(parseStatusCell('Done ✅')).toEqual({ status: 'DONE', closedText: null });
    expect(parseStatusCell('🚧 In progress')).toEqual({ status: 'IN PROGRESS', closedText: null });
    expect(parseStatusCell("Won't do: superseded by the streaming indexer")).toEqual({ status: "WON'T DO", closedText: null });
    expect(parseStatusCell('TODO — Blocked (waiting on vendor)')).toEqual({ status: 'TODO', closedText: null });
    expect(parseStatusCell('Done (hotfix 2.3.1)')).toEqual({ status: 'DONE', closedText: null });
    expect(parseStatusCell('DONE 2026-03-02')).toEqual({ status: 'DONE', closedText: '2026-03-02' });
    expect(parseStatusCell('Blocked (waiting on vendor)').status).toBeNull();
  });

  it('statuses migrate maps: a synonym is replaced; more words are kept as the reason', () => {
    const text = ['## Action Items', '', '| Action | Owner | Due Date | Status |', '|---|---|---|---|', ...['Completed', 'Blocked (waiting on vendor)', 'Blocked on vendor', 'In review with security', 'Needs discussion'].map((status) => `| a | @x | 2027-01-01 | ${status} |`)].join('\n');
    const rows = normaliseActionItems(parsePostmortem('x.md', text), text.split('\n'), '2027-01-01').map((row) => row.after.split('|')[4]!.trim());
    expect(rows).toEqual(['DONE', 'TODO — Blocked (waiting on vendor)', 'TODO — Blocked on vendor', 'IN PROGRESS — In review with security']);
  });

  it('authors: one per name, a role in parentheses included; reviewers are not authors', () => {
    expect(readNames('Claude (incident commander & scribe)')).toEqual(['Claude (incident commander & scribe)']);
    expect(readNames('Dana Kim & Lee Park')).toEqual(['Dana Kim', 'Lee Park']);
    expect(readNames('Codex agent, reviewed by Priya Natarajan')).toEqual(['Codex agent']);
    expect(readReviewers('Codex agent, reviewed by Priya Natarajan')).toEqual(['Priya Natarajan']);
    expect(readNames('GPT-4o (drafted), Jane Doe (reviewer)')).toEqual(['GPT-4o (drafted)']);
    expect(readReviewers('GPT-4o (drafted), Jane Doe (reviewer)')).toEqual(['Jane Doe (reviewer)']);
  });

  it('dates: year first with slashes; day and month in numbers only when one is over 12', () => {
    expect(readLooseDate('2027/04/04')).toBe('2027-04-04');
    expect(readLooseDate('15/03/2027')).toBe('2027-03-15');
    expect(readLooseDate('03/15/2027')).toBe('2027-03-15');
    // Day first or month first: not known, so no date.
    expect(readLooseDate('03/04/2027')).toBeNull();
  });

  it('authors: who the author wrote for or with is not another author', () => {
    expect(readNames('Claude (AI assistant), for the API team')).toEqual(['Claude (AI assistant)']);
    expect(readNames('Claude, with input from Priya')).toEqual(['Claude']);
    expect(readNames('Claude on behalf of @payments-oncall')).toEqual(['Claude']);
    expect(readTitleLine('# Incident: Payment retries doubled')).toBe('Payment retries doubled');
    expect(readTitleLine('## Incident Report – Payment retries doubled')).toBe('Payment retries doubled');
  });

  it('a status written only as a mark gets the word in front and keeps the mark', () => {
    const text = ['## Action Items', '', '| Action | Owner | Due Date | Status |', '|---|---|---|---|', ...['✔️', '✅', '[x]', '⏳', '🔄', '[ ]', '❌', '✗', '🔴'].map((status) => `| a | @x | 2027-01-01 | ${status} |`)].join('\n');
    const rows = normaliseActionItems(parsePostmortem('x.md', text), text.split('\n'), '2027-01-01').map((row) => row.after.split('|')[4]!.trim());
    expect(rows).toEqual(['DONE ✔️', 'DONE ✅', 'DONE [x]', 'IN PROGRESS ⏳', 'IN PROGRESS 🔄', 'TODO [ ]', 'TODO ❌', 'TODO ✗', 'TODO 🔴']);
  });

  it('no service from a clause saying it was not affected', () => {
    const text = 'The `notification-worker` failed, but Redis kept working. Postgres was unaffected. The `billing-api` and `ledger-api` were unaffected. There was no impact on `search-api`; Kafka was not impacted.';
    expect(proposeServices(text).services).toEqual(['notification-worker']);
    expect(proposeServices('Redis and Postgres were fine; `checkout-api` timed out.').services).toEqual(['checkout-api']);
  });

  it('start and resolution in the words agents use for them', () => {
    for (const event of ['Error rate spiked to 30%', 'Users began seeing 502s', 'Latency rose above 2 s', 'Degradation began', 'Elevated 5xx errors observed', 'Outage start', 'Deploy of v2.3 begins; errors start']) expect(milestoneOfEvent(event), event).toBe('started_at');
    for (const event of ['Service fully recovered', 'All services restored', 'Recovery confirmed by monitoring', 'Metrics returned to normal', 'All systems operational', 'Monitoring confirms recovery', 'Full recovery', 'Outage end', 'Incident declared resolved']) expect(milestoneOfEvent(event), event).toBe('resolved_at');
    // Detection is not the start, and declaring the incident is acknowledging it.
    expect(milestoneOfEvent('Increased error rate detected')).toBe('detected_at');
    expect(milestoneOfEvent('Incident declared')).toBe('acknowledged_at');
    // Partial: not the resolution.
    expect(milestoneOfEvent('First sites restored')).toBeNull();
  });

  it('a long run of spaces anywhere costs linear time, not cubic (ratio of a 10x larger input)', () => {
    const file = path.join(DIR, 'postmortem-2027-05-18-webhook-list-timeline.md');
    const source = readFileSync(file, 'utf8');
    const cases: ((gap: string) => string)[] = [
      (gap) => source.replace('### Author: Claude', `### Author: Claude${gap}x`),
      (gap) => source.replace('## Post-Mortem: Webhook deliveries delayed', `## Post-Mortem: Webhook deliveries delayed${gap}x`),
      (gap) => source.replace('Category: data', `Category: data${gap}x`),
      (gap) => source.replace('- 10:21 UTC: Investigation started', `- 10:21${gap}: Investigation started`),
      (gap) => source.replace('| Blocked - vendor |', `| Blocked${gap}( |`),
      (gap) => source.replace('Retries had no limit.', `Retries${gap}but Redis had no limit.`),
      (gap) => source.replace('### Timeline (UTC)', `### Timeline (all times${gap}PT/${gap}PDT)`),
      (gap) => source.replace('### Summary', `All times are${gap}Europe/Berlin${gap}x\n\n### Summary`),
      (gap) => source.replace('### Severity: SEV-2', `### Severity: High${gap}-${gap}x`),
      (gap) => source.replace('### Author: Claude', `### Authors:${gap}\n-${gap}Claude on${gap}behalf${gap}x`),
      (gap) => source.replace('- 10:21 UTC: Investigation started', `- 10.21${gap}1021${gap}10h21${gap}: Investigation started`),
      (gap) => source.replace('- **Duration**: 10:10 to 11:02 UTC', `- **Duration**: 10:10${gap}to${gap}11:02${gap}ET${gap}x`),
      // A metadata line with no colon is read for `Start:` / `End:` too.
      (gap) => source.replace('### Author: Claude', `### Author: Claude\n**Start**${gap}x`),
      (gap) => source.replace('- **User-facing impact**', `- **User-facing${gap}impact**`),
      (gap) => source.replace('### Summary', `**Summary${gap}x**${gap}`),
    ];
    const median = (text: string) => {
      const runs = [0, 1, 2].map(() => cpuMs(() => migratePlainForm(text, file)));
      return runs.sort((a, b) => a - b)[1]!;
    };
    for (const make of cases) {
      const small = median(make(' '.repeat(3_000)));
      const large = median(make(' '.repeat(30_000)));
      // Linear: about 10x (less, with the fixed cost); quadratic would be 100x, cubic 1000x.
      expect(large / Math.max(small, 1)).toBeLessThan(40);
    }
  });
});
