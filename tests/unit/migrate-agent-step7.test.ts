/**
 * docs/agents/STEP-7.md, followed literally: only the commands it names, its
 * template with the placeholders filled in, the validate loop it prescribes
 * (apply each hint, run again) — ending with a valid file. Real processes
 * through npm, in a workspace laid out like a repository root.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runProcess, type ProcessResult } from './helpers/run-process.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const GUIDE = readFileSync(path.join(ROOT, 'docs/agents/STEP-7.md'), 'utf8');
const blocks = (lang: string) => [...GUIDE.matchAll(new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``, 'g'))].map((match) => match[1]!);
/** The commands the guide names, as written (placeholders included). */
const COMMANDS = blocks('sh').flatMap((block) => block.split('\n').filter((line) => line.startsWith('npx hindsight')));
const TEMPLATE = blocks('markdown')[0]!;
const FILE_PATTERN = /`(docs\/spec\/\.llm\/completed\/postmortem-YYYY-MM-DD-short-description\.md)`/.exec(GUIDE)![1]!;

/** What an agent knows about its incident, one value per placeholder of the guide. */
const KNOWN: Record<string, string> = {
  title: 'Report exports time out: large tenants',
  'SEV-N': 'SEV-2',
  category: 'deployment',
  'service-a,service-b': 'report-export,postgres',
  service: 'report-export',
  'your name': 'Incident Agent',
  'YYYY-MM-DD': '2026-03-14',
  'HH:MM': '09:12',
  'started ISO': '2026-03-14T09:12:00Z',
  'detected ISO': '2026-03-14T09:19:00Z',
  'resolved ISO': '2026-03-14T11:05:00Z',
  'tenants affected': '42',
  'tenants total': '310',
  share: '14',
  'HH:MM start': '09:12',
  'HH:MM detected': '09:19',
  'HH:MM end': '11:05',
  '1-2 sentences: what happened': 'A migration added a query without an index; exports of large tenants timed out.',
  'what users experienced': 'Exports over 10,000 rows failed with a timeout.',
  'data lost or corrupted, or None': 'None',
  symptom: 'Exports timed out.',
  'cause of the symptom': 'The export query scanned the whole table.',
  'cause of that': 'Migration 0142 added a filter on a column without an index.',
  'the cause the last why found': 'a migration shipped a query on an unindexed column.',
  factor: 'The migration review has no EXPLAIN step.',
  'what helped': 'The alert fired within seven minutes.',
  'what to improve': 'Test migrations against production-sized data.',
  action: 'Add the missing index',
  '@owner': '@dana',
  'YYYY-MM-DD due': '2026-03-21',
  'key takeaway': 'Review the plan of every new query, not only its result.',
};
const fill = (text: string) => text.replace(/<([^<>\n]+)>/g, (whole, name: string) => {
  if (!(name in KNOWN)) throw new Error(`the guide has a placeholder the test does not know: ${whole}`);
  return KNOWN[name]!;
});

const temp = mkdtempSync(path.join(os.tmpdir(), 'hindsight-step7-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A checkout's root: the package, its scripts and sources; post-mortems go in its own docs/spec/.llm/completed. */
function workspace(name: string): string {
  const dir = path.join(temp, name);
  mkdirSync(dir, { recursive: true });
  copyFileSync(path.join(ROOT, 'package.json'), path.join(dir, 'package.json'));
  for (const entry of ['node_modules', 'scripts', 'src', 'content', 'tsconfig.json']) symlinkSync(path.join(ROOT, entry), path.join(dir, entry));
  return dir;
}

/** Runs one of the guide's commands as a shell would: its placeholders filled, its example path replaced by the file's. */
function run(named: string, cwd: string, file?: string): Promise<ProcessResult> {
  expect(COMMANDS).toContain(named);
  const command = file ? fill(named).replace(FILE_PATTERN, file) : fill(named);
  return runProcess('bash', ['-c', command], { cwd, env: { ...process.env, POSTMORTEM_DIR: '' } });
}

interface Report { files: { problems: { rule: string; level: string; message: string; hint: string; line: number }[] }[] }

/** The guide's loop: validate as JSON, apply every hint, run again, until it exits 0. */
async function validateUntilValid(file: string, cwd: string): Promise<{ rounds: number; rules: string[] }> {
  const validate = COMMANDS.find((command) => command.includes(' validate '))!;
  const rules: string[] = [];
  for (let round = 1; round <= 3; round += 1) {
    const result = await run(validate, cwd, file);
    if (result.status === 0) return { rounds: round, rules };
    expect(result.status, result.stderr).toBe(1);
    const report = JSON.parse(result.stdout) as Report;
    const lines = readFileSync(path.join(cwd, file), 'utf8').split('\n');
    const remove = new Set<number>();
    for (const problem of report.files[0]!.problems.filter((p) => p.level === 'error')) {
      rules.push(problem.rule);
      // The hints this test knows how to apply: both say to delete the line.
      expect(problem.hint, problem.message).toMatch(/^Remove the line|remove it\./);
      remove.add(problem.line);
    }
    writeFileSync(path.join(cwd, file), lines.filter((_, index) => !remove.has(index + 1)).join('\n'));
  }
  throw new Error('still invalid after 3 rounds');
}

describe('docs/agents/STEP-7.md followed literally', () => {
  it('names the scaffold and the JSON validate commands, and a template with every section', () => {
    // `npx hindsight …`: the commands as they run in a repository that installed Hindsight (and in this checkout).
    expect(COMMANDS.map((command) => command.split(' ').slice(0, 3).join(' '))).toEqual(['npx hindsight new-postmortem', 'npx hindsight validate']);
    expect(COMMANDS[1]).toContain('--format json');
    for (const section of ['Summary', 'Impact', 'Timeline (UTC)', 'Root Cause', 'Contributing Factors', 'What Went Well', 'What Could Be Improved', 'Action Items', 'Lessons Learned']) {
      expect(TEMPLATE).toContain(`## ${section}\n`);
    }
  });

  it('the template, filled in (with two mistakes agents make), becomes valid by applying the hints', async () => {
    const cwd = workspace('template');
    const file = FILE_PATTERN.replace('YYYY-MM-DD', KNOWN['YYYY-MM-DD']!).replace('short-description', 'report-export-timeouts');
    mkdirSync(path.join(cwd, path.dirname(file)), { recursive: true });
    const written = fill(TEMPLATE).replace('resolved_at:', 'acknowledged_at: null\nduration_minutes: 113\nresolved_at:');
    writeFileSync(path.join(cwd, file), written);
    const { rounds, rules } = await validateUntilValid(file, cwd);
    expect(rules).toEqual(['schema', 'schema']);
    expect(rounds).toBe(2);
    const final = readFileSync(path.join(cwd, file), 'utf8');
    expect(final).toContain('title: "Report exports time out: large tenants"');
    expect(final).not.toMatch(/duration_minutes|acknowledged_at/);
  });

  it('the scaffold command, then the validate loop, gives a valid file where the guide says', async () => {
    const cwd = workspace('scaffold');
    const scaffold = await run(COMMANDS[0]!, cwd);
    expect(scaffold.status, scaffold.stderr).toBe(0);
    const created = /Created (\S+\.md)/.exec(scaffold.stdout + scaffold.stderr)![1]!;
    expect(created).toMatch(/^docs\/spec\/\.llm\/completed\/postmortem-2026-03-14-[a-z0-9-]+\.md$/);
    expect(existsSync(path.join(cwd, created))).toBe(true);
    expect(await validateUntilValid(created, cwd)).toEqual({ rounds: 1, rules: [] });
  });
});
