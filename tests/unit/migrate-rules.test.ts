/** The rules and messages that help agents' post-mortems land right: hints for near misses, proposals left unreviewed, one incident written twice. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/lib/postmortem/archive/archive.ts';
import { toApiIncident } from '../../src/lib/postmortem/exports/incident-api.ts';
import { proposeServices } from '../../src/lib/postmortem/migrate/propose-services.ts';
import { readStatedCategory } from '../../src/lib/postmortem/migrate/stated-category.ts';
import { eventDay } from '../../src/lib/postmortem/migrate/timeline.ts';
import { parsePostmortem } from '../../src/lib/postmortem/parsing/parse.ts';
import { validatePostmortems } from '../../src/lib/postmortem/validation/validate.ts';

const VALID_PATH = 'tests/fixtures/valid/postmortem-2026-03-14-report-export-timeouts.md';
const VALID = readFileSync(VALID_PATH, 'utf8');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function problems(text: string, file = VALID_PATH) {
  return validatePostmortems([parsePostmortem(file, text)]).files[0]!.problems;
}
const withField = (line: string) => VALID.replace('severity: SEV-2\n', `severity: SEV-2\n${line}\n`);

describe('schema messages for the mistakes agents make', () => {
  it.each(['duration_minutes: 113', 'mttr: 113', 'time_to_resolve: 1h53m'])('`%s`: durations are computed, remove it', (line) => {
    const [problem] = problems(withField(line)).filter((p) => p.rule === 'schema');
    expect(problem!.message).toBe(`unknown field \`${line.split(':')[0]}\``);
    expect(problem!.hint).toMatch(/^Durations are computed from `started_at` and `resolved_at`.*remove it\./);
  });

  it('names the field to use for other near misses, and still suggests spellings', () => {
    expect(problems(withField('start_time: 2026-03-14T09:12:00Z')).find((p) => p.rule === 'schema')!.hint).toContain('`started_at`');
    expect(problems(withField('serverity: SEV-2')).find((p) => p.rule === 'schema')!.hint).toContain('Did you mean `severity`?');
  });

  it('`null` in an optional field: remove the line', () => {
    const [problem] = problems(VALID.replace('detected_at: 2026-03-14T09:19:00Z', 'detected_at: null')).filter((p) => p.rule === 'schema');
    expect(problem).toMatchObject({ message: '`detected_at` is empty (`null`)', line: 15 });
    expect(problem!.hint).toMatch(/^Remove the line/);
  });
});

describe('file-name hint', () => {
  it("uses the file's own date: its Date: line, or the date in its name", () => {
    const plain = '## Post-Mortem: Sign-in fails\n\n### Date: 2021-03-15\n### Severity: SEV-1\n';
    const fromLine = problems(plain, 'notes/outage-notes.md').find((p) => p.rule === 'file-name')!;
    expect(fromLine.hint).toContain('`postmortem-2021-03-15-');
    const fromName = problems('## Post-Mortem: x\n', 'notes/incident_2023-09-07_dns.md').find((p) => p.rule === 'file-name')!;
    expect(fromName.hint).toContain('`postmortem-2023-09-07-');
    const none = problems('## Post-Mortem: x\n', 'notes/x.md').find((p) => p.rule === 'file-name')!;
    expect(none.hint).toContain('`postmortem-YYYY-MM-DD-');
    expect(none.hint).not.toContain('2026-03-14');
  });
});

describe('one incident written twice', () => {
  it('names differing only by `_` versus `-` are reported on both files', () => {
    const a = parsePostmortem('a/postmortem-2026-03-14-report-export-timeouts.md', VALID);
    const b = parsePostmortem('a/postmortem-2026-03-14-report_export_timeouts.md', VALID);
    const result = validatePostmortems([a, b]);
    for (const file of result.files) {
      const duplicate = file.problems.filter((p) => p.rule === 'duplicate-slug');
      expect(duplicate).toHaveLength(1);
      expect(duplicate[0]!.message).toContain('differ only by `_` versus `-`: one incident written twice');
    }
  });
});

describe('proposed-values', () => {
  it('warns on an inline mark and on a mark above a list, from the text lines', () => {
    const text = VALID.replace('root_cause_category: deployment', 'root_cause_category: deployment # proposed by migrate from the Root Cause text: review')
      .replace('services:\n', '# proposed by migrate from the text: review\nservices:\n');
    const found = problems(text).filter((p) => p.rule === 'proposed-values');
    expect(found.map((p) => [p.level, p.message])).toEqual([
      ['warning', '`services` was proposed by migrate and not yet reviewed'],
      ['warning', '`root_cause_category` `deployment` was proposed by migrate and not yet reviewed'],
    ]);
    expect(found[0]!.hint).toContain('delete the `# proposed by migrate` comment');
    expect(problems(VALID).filter((p) => p.rule === 'proposed-values')).toEqual([]);
  });

  it('ignores the words in the body', () => {
    expect(problems(`${VALID}\nA value # proposed by migrate in prose.\n`).filter((p) => p.rule === 'proposed-values')).toEqual([]);
  });
});

describe('tenant share', () => {
  it('the API reports the written share where counts are absent', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hindsight-share-'));
    dirs.push(dir);
    writeFileSync(path.join(dir, 'postmortem-2026-03-14-report-export-timeouts.md'), VALID.replace('tenants_affected: 42\ntenants_total: 310\n', 'tenants_affected_percent: 12.5\n'));
    const [pm] = loadArchive(dir).postmortems;
    expect(pm!.meta.tenants_affected_percent).toBe(12.5);
    expect(toApiIncident(pm!, { urlOf: (slug) => `/incidents/${slug}/`, asOf: '2026-04-01' }).tenant_share).toBe(0.125);
  });

  it('rejects a share outside 0–100', () => {
    const text = VALID.replace('tenants_total: 310\n', 'tenants_total: 310\ntenants_affected_percent: 140\n');
    expect(problems(text).find((p) => p.rule === 'schema')!.message).toContain('must be a percentage from 0 to 100');
  });
});

describe('migrate readers for stated facts', () => {
  it('a stated category wins, in any emphasis, section and spelling; others in its sentence contribute', () => {
    const read = (line: string) => readStatedCategory(['text', line]).stated;
    expect(read('**Category**: Code bug (an unbounded regex), with Deployment as a contributing factor')).toMatchObject({ category: 'code-bug', contributing: ['deployment'] });
    expect(read('- **Root cause category:** CONFIGURATION')).toMatchObject({ category: 'configuration', contributing: [] });
    expect(read('Category: code-bug')).toMatchObject({ category: 'code-bug' });
    expect(read('### Category: Infra / configuration')).toMatchObject({ category: 'infrastructure', contributing: ['configuration'] });
    // A lower-case word in the explanation is prose, not a category.
    expect(read('**Category**: Code bug (triggered by a valid customer configuration; no data loss)')).toMatchObject({ category: 'code-bug', contributing: [] });
    // Stated in a code block is stated (outside one wins); a Contributing line beside it adds to it.
    expect(readStatedCategory(['```', 'Category: Data', 'Contributing: configuration', '```']).stated).toMatchObject({ category: 'data', contributing: ['configuration'] });
    expect(readStatedCategory(['```', 'Category: Data', '```', 'Category: deployment']).stated).toMatchObject({ category: 'deployment' });
    expect(readStatedCategory(['Category: Human error']).unreadable).toEqual([{ index: 0, value: 'Human error' }]);
    // Stated in a sentence rather than on a line of its own.
    expect(readStatedCategory(['This falls under the **Configuration** category.']).stated).toMatchObject({ category: 'configuration', inline: true });
    expect(readStatedCategory(['The root cause category is code bug.']).stated).toMatchObject({ category: 'code-bug' });
    expect(readStatedCategory(['We keep a data category of logs.']).stated).toBeNull();
    expect(read('**Category**: Configuration (a Data Center network setting)')).toMatchObject({ contributing: [] });
  });

  it('a Timeline row with a day and no time stands at 00:00, names no milestone, and a day before the incident does not move the rows after it', async () => {
    const { migratePlainForm } = await import('../../src/lib/postmortem/migrate/migrate-plain-form.ts');
    const file = 'tests/fixtures/plain/agent-written/postmortem-2021-06-08-edge-cdn-software-bug.md';
    const result = migratePlainForm(readFileSync(file, 'utf8'), file);
    if (result.kind !== 'migrated') throw new Error('not migrated');
    expect(result.text).toContain('| 2021-05-12 00:00 (May 12) | Software release ships the latent bug |\n| 09:47 | Customer configuration change pushed');
    expect(result.frontmatter).toMatchObject({ started_at: '2021-06-08T09:47:00Z', detected_at: '2021-06-08T09:48:00Z' });
  });

  it('a day at the start of a Timeline event', () => {
    expect(eventDay('Apr 8: first sites restored', '2022-04-05')).toBe('2022-04-08');
    expect(eventDay('**Feb 1** — restore started', '2017-01-31')).toBe('2017-02-01');
    expect(eventDay('2023-11-08, routers restarted', '2023-11-07')).toBe('2023-11-08');
    expect(eventDay('Alert fired: April sales report slow', '2022-04-05')).toBeNull();
  });

  it('services: the archive\'s names first, then names in the text', () => {
    const text = 'The Report Export workers timed out against postgres; report-export retried. Postgres CPU hit 100%.';
    expect(proposeServices(text, ['report-export', 'billing-api'])).toEqual({ services: ['report-export'], known: ['report-export'] });
    expect(proposeServices(text)).toEqual({ services: ['postgres'], known: [] });
    expect(proposeServices('Nothing here names a component.')).toEqual({ services: [], known: [] });
  });
});

describe('migrate CLI and the archive', () => {
  it('proposes the service names the archive already uses, and reports a Duration line that disagrees', async () => {
    const { runMigrate } = await import('../../scripts/cli/migrate-cli.ts');
    const dir = mkdtempSync(path.join(tmpdir(), 'hindsight-archive-services-'));
    dirs.push(dir);
    const archive = path.join(dir, 'archive');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(archive);
    writeFileSync(path.join(archive, 'postmortem-2026-03-14-report-export-timeouts.md'), VALID);
    const plain = readFileSync('tests/fixtures/plain/agent-written/postmortem-2021-01-04-messaging-degraded-after-holidays.md', 'utf8')
      .replace('### Duration: 1 hour 40 minutes', '### Duration: 3 hours')
      .replace('Users could not load channels or send messages.', 'Users could not load channels; the Report Export jobs and Postgres backed up.');
    writeFileSync(path.join(dir, 'postmortem-2021-01-04-messaging-degraded.md'), plain);
    let stdout = '';
    const code = runMigrate({ argv: ['postmortem-2021-01-04-messaging-degraded.md', '--write'], cwd: dir, env: { POSTMORTEM_DIR: 'archive' }, stdout: (text) => void (stdout += text), stderr: (text) => void (stdout += text), interactive: false });
    expect(code, stdout).toBe(0);
    expect(stdout).toContain('PROPOSED services [postgres, report-export] from the text (names the archive already uses)');
    expect(stdout).toContain('the Duration line says 3 hours (180 min) but started_at to resolved_at is 100 min');
    const written = readFileSync(path.join(dir, 'postmortem-2021-01-04-messaging-degraded.md'), 'utf8');
    expect(written).toContain('# proposed by migrate from the text, names the archive already uses: review\nservices:\n  - postgres\n  - report-export\n');
    expect(written).toContain('### Duration: 3 hours');
  });
});
