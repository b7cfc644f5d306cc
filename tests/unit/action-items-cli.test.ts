import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ACTION_ITEMS_USAGE, runActionItems } from '../../scripts/cli/action-items-cli.ts';
import type { CliContext } from '../../scripts/lib/cli.ts';
import { CSV_COLUMNS } from '../../src/lib/postmortem/ledger/ledger-export.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SITE = 'tests/fixtures/site';
const TODAY = '2026-04-15';

function run(argv: string[], env: NodeJS.ProcessEnv = { POSTMORTEM_DIR: SITE }, cwd = ROOT) {
  let stdout = '';
  let stderr = '';
  const ctx: CliContext = { argv, cwd, env, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), interactive: false };
  const code = runActionItems(ctx);
  return { code, stdout, stderr };
}

/** Table rows (after the counts line, blank line and header). */
function tableRows(stdout: string): string[] {
  return stdout.trimEnd().split('\n').slice(3);
}

function json(argv: string[]) {
  const result = run([...argv, '--format', 'json', '--today', TODAY]);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as { today: string; counts: Record<string, number>; items: { action: string; owner: string; status: string; due: string | null; overdue: boolean }[] };
}

const scratch = mkdtempSync(path.join(os.tmpdir(), 'hindsight-action-items-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('npm run action-items', () => {
  it('--help prints the usage and exits 0', () => {
    const { code, stdout, stderr } = run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toBe(ACTION_ITEMS_USAGE);
    expect(stdout).toContain('--fail-on-overdue');
    expect(stderr).toBe('');
  });

  it('leaves drafts out by default; --include-drafts lists their items, marked', () => {
    const { stdout } = run(['--today', TODAY]);
    expect(stdout.split('\n')[0]).toBe('As of 2026-04-15: 7 open, 2 overdue, 1 due in the next 14 days, 8 done in the last 90 days.');
    expect(tableRows(stdout)).toHaveLength(7);
    expect(stdout).not.toContain('webhook-signature-drift');
    const withDrafts = run(['--today', TODAY, '--include-drafts']).stdout;
    const draftRows = tableRows(withDrafts).filter((row) => row.includes('2026-11-02-webhook-signature-drift (draft)'));
    expect(draftRows).toHaveLength(2);
    expect(tableRows(withDrafts)).toHaveLength(9);
    expect(json(['--status', 'all']).items).toHaveLength(35);
    expect(ACTION_ITEMS_USAGE).toContain('--include-drafts');
  });

  it('lists the open items as a table, soonest due first, overdue ones flagged', () => {
    const { code, stdout, stderr } = run(['--today', TODAY, '--include-drafts']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout.split('\n')[0]).toBe('As of 2026-04-15: 9 open, 2 overdue, 1 due in the next 14 days, 8 done in the last 90 days.');
    const rows = tableRows(stdout);
    expect(rows).toHaveLength(9);
    expect(rows[0]).toMatch(/^OVERDUE\s+2025-09-30\s+IN PROGRESS\s+@sre\s+371d\s+Inventory remaining/);
    expect(rows[1]).toMatch(/^OVERDUE\s+2026-03-31\s+IN PROGRESS\s+@platform-team/);
    // Due today: listed, not flagged.
    expect(rows[2]).toMatch(/^\s+2026-04-15\s+IN PROGRESS\s+@platform-team\s+32d\s+Add EXPLAIN ANALYZE/);
    // No due date: shown as a dash, never flagged, listed last.
    expect(rows[8]).toMatch(/^\s+—\s+TODO\s+@platform-team\s+-201d\s+Decide the overlap window for signing keys\s+2026-11-02-webhook-signature-drift \(draft\)/);
    expect(rows.every((row) => /IN PROGRESS|TODO/.test(row))).toBe(true);
  });

  it('--status selects open, overdue, done, closed or all', () => {
    expect(json(['--include-drafts', '--status', 'open']).items).toHaveLength(9);
    expect(json(['--include-drafts', '--status', 'overdue']).items.map((i) => i.due)).toEqual(['2025-09-30', '2026-03-31']);
    expect(json(['--include-drafts', '--status', 'done']).items.every((i) => i.status === 'DONE')).toBe(true);
    expect(json(['--include-drafts', '--status', 'done']).items).toHaveLength(21);
    expect(json(['--include-drafts', '--status', 'closed']).items).toHaveLength(28);
    expect(json(['--include-drafts', '--status', 'all']).items).toHaveLength(37);
    expect(json(['--include-drafts', '--status', 'wont-do']).items).toHaveLength(7);
  });

  it('--owner matches with or without @, in any case', () => {
    const items = json(['--owner', 'SRE', '--status', 'all']).items;
    expect(items).toHaveLength(7);
    expect(items.every((i) => i.owner === '@sre')).toBe(true);
    expect(json(['--owner', '@sre']).items).toHaveLength(3);
    expect(json(['--owner', '@nobody']).items).toEqual([]);
    expect(run(['--owner', '@nobody', '--today', TODAY]).stdout).toContain('No action items match.');
  });

  it('--severity and --service narrow by the post-mortem', () => {
    expect(json(['--severity', 'sev-1', '--status', 'all']).items).toHaveLength(5);
    expect(json(['--service', 'postgres']).items.map((i) => i.owner).sort()).toEqual(['@ingest-team', '@platform-team', '@sre']);
    // The .mdx post-mortem is read too: its open item first, then its done one.
    expect(json(['--service', 'search', '--status', 'all']).items.map((i) => i.owner)).toEqual(['@sre', '@tom']);
  });

  it('--format json prints today, the counts of every status and the selected records', () => {
    const body = json([]);
    expect(body.today).toBe(TODAY);
    expect(body.counts).toEqual({ open: 7, overdue: 2, due_soon: 1, done_recently: 8 });
    expect(json(['--include-drafts']).counts).toEqual({ open: 9, overdue: 2, due_soon: 1, done_recently: 8 });
    expect(json(['--owner', '@sre']).counts).toEqual({ open: 3, overdue: 1, due_soon: 0, done_recently: 0 });
    expect(body.items[0]).toMatchObject({ owner: '@sre', due: '2025-09-30', overdue: true, postmortem: { slug: '2025-04-09-expired-tls-certificate', url: null } });
  });

  it('--format csv prints the header and one quoted, formula-safe row per item', () => {
    const { code, stdout } = run(['--format', 'csv', '--today', TODAY, '--include-drafts']);
    expect(code).toBe(0);
    const lines = stdout.split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(11);
    expect(lines[1]).toContain(`"Inventory remaining manually issued certificates (SAML signing, partner mTLS) and assign owners",'@sre,2025-09-30,IN PROGRESS,true,true,371,`);
    // A formula-looking action is defused with ' and quoted; so are the @owner and the negative age of a future-dated incident.
    expect(lines[7]).toMatch(/^Webhook signatures rejected after key rotation,SEV-3,2026-11-02,webhooks,,/);
    expect(lines[7]).toContain(`,"'=HYPERLINK(""https://evil.example"",""Publish both keys during rotation"")",'@mei,2026-11-20,TODO,true,false,-201,,`);
    // No due date: an empty cell.
    expect(lines[9]).toContain(`,Decide the overlap window for signing keys,'@platform-team,,TODO,true,false,-201,,`);
    expect(lines[10]).toBe('');
  });

  it('--sort orders by due date or age, either way', () => {
    expect(json(['--include-drafts', '--sort', 'due-desc']).items.map((i) => i.due)[0]).toBe('2026-12-15');
    expect(json(['--include-drafts', '--sort', 'age-desc']).items[0]!.due).toBe('2025-09-30');
    expect(json(['--include-drafts', '--sort', 'age']).items[0]!.action).toMatch(/^(=HYPERLINK\(|Decide the overlap window)/);
  });

  it('--today moves the overdue line: an item due that day is not overdue yet', () => {
    expect(json(['--include-drafts', '--owner', '@platform-team']).items.map((i) => i.overdue)).toEqual([true, false, false]);
    const dayBefore = JSON.parse(run(['--include-drafts', '--owner', '@platform-team', '--format', 'json', '--today', '2026-03-31']).stdout);
    expect(dayBefore.items.map((i: { overdue: boolean }) => i.overdue)).toEqual([false, false, false]);
    // The draft's item without a due date is overdue once past its SEV-3 target (8 weeks from 2026-11-02).
    const farLater = JSON.parse(run(['--include-drafts', '--owner', '@platform-team', '--format', 'json', '--today', '2099-01-01']).stdout);
    expect(farLater.items.map((i: { due: string | null; overdue: boolean }) => [i.due, i.overdue])).toEqual([['2026-03-31', true], ['2026-04-15', true], [null, true]]);
  });

  it('--fail-on-overdue exits 1 and says so when something is overdue, 0 otherwise', () => {
    const late = run(['--fail-on-overdue', '--today', TODAY]);
    expect(late.code).toBe(1);
    expect(late.stderr).toBe("2 action items are overdue as of 2026-04-15 (past the due date, or without one the severity's completion target).\n");
    expect(late.stdout).toContain('OVERDUE');

    expect(run(['--fail-on-overdue', '--owner', '@platform-team', '--today', '2026-03-31']).code).toBe(0);
    expect(run(['--fail-on-overdue', '--owner', '@platform-team', '--today', '2026-04-01']).code).toBe(1);
    expect(run(['--fail-on-overdue', '--owner', '@ingest-team', '--today', TODAY]).code).toBe(0);
    // The gate looks at every status: listing only DONE items still fails on an overdue one.
    expect(run(['--fail-on-overdue', '--status', 'done', '--today', TODAY]).code).toBe(1);
    expect(run(['--today', TODAY]).code).toBe(0);
  });

  it('reads POSTMORTEM_DIR, and --dir over it', () => {
    expect(run(['--today', TODAY], {}).stdout).not.toBe(run(['--today', TODAY]).stdout);
    expect(run(['--today', TODAY, '--dir', SITE], { POSTMORTEM_DIR: 'tests/fixtures/valid' }).stdout).toBe(run(['--today', TODAY]).stdout);
    const valid = JSON.parse(run(['--status', 'all', '--format', 'json', '--today', TODAY], { POSTMORTEM_DIR: 'tests/fixtures/valid' }).stdout);
    expect(valid.items).toHaveLength(4);
  });

  it('uses the local date as today by default', () => {
    const body = JSON.parse(run(['--format', 'json']).stdout);
    expect(body.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('lists the valid files of an archive with invalid ones, warning on stderr', () => {
    const dir = path.join(scratch, 'mixed');
    mkdirSync(dir);
    copyFileSync(path.join(ROOT, SITE, 'postmortem-2026-03-14-report-export-timeouts.md'), path.join(dir, 'postmortem-2026-03-14-report-export-timeouts.md'));
    // The post-mortem shows this image: without it, it would be invalid (image-asset).
    copyFileSync(path.join(ROOT, SITE, 'report-export-latency.svg'), path.join(dir, 'report-export-latency.svg'));
    copyFileSync(path.join(ROOT, 'tests/fixtures/invalid/postmortem-2026-03-14-unknown-status.md'), path.join(dir, 'postmortem-2026-03-14-unknown-status.md'));
    const { code, stdout, stderr } = run(['--status', 'all', '--format', 'json', '--today', TODAY, '--dir', dir], {});
    expect(code).toBe(0);
    expect(JSON.parse(stdout).items).toHaveLength(4);
    expect(stderr).toMatch(/^warning: 1 of 2 post-mortems are invalid and their action items are not listed: .*postmortem-2026-03-14-unknown-status\.md\n/);
    expect(stderr).toContain('npm run validate');
  });

  it('exits 1 on a folder without post-mortems', () => {
    const empty = path.join(scratch, 'empty');
    mkdirSync(empty);
    const { code, stderr } = run(['--dir', empty], {});
    expect(code).toBe(1);
    expect(stderr).toMatch(/^No post-mortems/);
  });

  it.each([
    [['--status', 'late'], 'Unknown --status `late`'],
    [['--format', 'xml'], 'Unknown --format `xml`'],
    [['--sort', 'owner'], 'Unknown --sort `owner`'],
    [['--severity', 'SEV-5'], 'Unknown --severity `SEV-5`'],
    [['--today', '2026-02-30'], '--today `2026-02-30` is not a date'],
    [['--today', 'tomorrow'], '--today `tomorrow` is not a date'],
    [['--owner', ' '], '--owner needs a name'],
    [['--owner'], 'Option `--owner <value>` argument missing'],
    [['--verbose'], 'Unknown option `--verbose`'],
    [['extra'], 'Unexpected argument `extra`'],
    [['--dir', 'no/such/folder'], 'No such folder: no/such/folder'],
  ])('exits 2 with one line and where the usage is on %j', (argv, message) => {
    const { code, stdout, stderr } = run(argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
    expect(stderr).not.toContain(ACTION_ITEMS_USAGE);
    expect(stderr.trim().split('\n')).toHaveLength(2);
  });

  it('runs as a real process with npx tsx and sets the exit code', async () => {
    // Asynchronously: a worker blocked on a child process misses vitest's heartbeat on a busy machine.
    const spawn = async (args: string[], env: NodeJS.ProcessEnv) => {
      try {
        const { stdout, stderr } = await promisify(execFile)('npx', ['tsx', 'scripts/cli/action-items-cli.ts', ...args], { cwd: ROOT, env, encoding: 'utf8' });
        return { status: 0, stdout, stderr };
      } catch (error) {
        const failed = error as { code: number; stdout: string; stderr: string };
        return { status: failed.code, stdout: failed.stdout, stderr: failed.stderr };
      }
    };
    const result = await spawn(['--today', TODAY, '--format', 'json', '--fail-on-overdue'], { ...process.env, POSTMORTEM_DIR: SITE });
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout).counts).toMatchObject({ open: 7, overdue: 2 });
    expect(result.stderr).toContain('2 action items are overdue');

    const usage = await spawn(['--format', 'yaml'], process.env);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('npm run action-items -- --help');
  });
});
