import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { List } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { afterEach, describe, expect, it } from 'vitest';
import { NEW_POSTMORTEM_USAGE, runNewPostmortem } from '../../scripts/cli/new-postmortem-cli.ts';
import type { CliContext } from '../../scripts/lib/cli.ts';
import type { Prompter } from '../../scripts/lib/prompter.ts';
import { parsePostmortem } from '../../src/lib/postmortem/parsing/parse.ts';
import { PLACEHOLDERS } from '../../src/lib/postmortem/parsing/placeholder-text.ts';
import { IMPACT_QUESTIONS, proposeSeverity } from '../../src/lib/postmortem/scaffold/severity-questions.ts';
import { MILESTONE_EVENTS } from '../../src/lib/postmortem/scaffold/milestone-events.ts';
import { readTemplate, TEMPLATE_ANCHORS } from '../../src/lib/postmortem/scaffold/template.ts';
import { SECTIONS, sectionKeyOf } from '../../src/lib/postmortem/parsing/sections.ts';
import { SEVERITY_IDS } from '../../src/lib/postmortem/model/severity.ts';
import { validatePostmortems } from '../../src/lib/postmortem/validation/validate.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hindsight-new-'));
  dirs.push(dir);
  return dir;
}

function context(argv: string[], cwd: string, extra: Partial<CliContext> = {}) {
  const out = { stdout: '', stderr: '' };
  const ctx: CliContext = {
    argv,
    cwd,
    env: {},
    stdout: (text) => void (out.stdout += text),
    stderr: (text) => void (out.stderr += text),
    interactive: false,
    ...extra,
  };
  return { ctx, out };
}

const BASE = ['--title', 'Report exports time out for large tenants', '--date', '2026-03-14', '--severity', 'SEV-2', '--services', 'report-export,postgres', '--author', 'Dana Kim'];
const FILE = 'postmortem-2026-03-14-report-exports-time-out-large-tenants.md';

/** Validates a written file with the real validator, as `npm run validate` would. */
function validateFile(file: string) {
  return validatePostmortems([parsePostmortem(file, readFileSync(file, 'utf8'))]).files[0]!;
}

describe('the template', () => {
  const template = readTemplate();
  const headings = template.split('\n').filter((line) => /^#{1,6} /.test(line));

  it('has exactly the spec sections as its ## headings, in order', () => {
    const level2 = headings.filter((line) => line.startsWith('## ')).map((line) => sectionKeyOf(line.slice(3)));
    expect(level2).toEqual(SECTIONS.map((section) => section.key));
  });

  it('uses only placeholders that placeholders.ts knows', () => {
    const bracketed = [...template.matchAll(/\[([^\]]+)\](?!\()/g)].map((match) => match[0]).filter((text) => !/^\[[ xX]\]$/.test(text));
    expect(bracketed.length).toBeGreaterThan(0);
    for (const text of bracketed) expect(PLACEHOLDERS.some((placeholder) => placeholder.pattern.test(text)), text).toBe(true);
  });

  it('holds the milestone rows, the 5 Whys, both checklists and the anchors the scaffold fills', () => {
    for (const milestone of MILESTONE_EVENTS) expect(template).toContain(`| HH:MM | ${milestone.templateEvent} |`);
    // A numbered list, so each step renders on its own line (plain lines ran together as one paragraph).
    expect(template.match(/^\d\. Why\? -> /gm)).toHaveLength(5);
    expect(template).toContain('### Fix Checklist');
    expect(template).toContain('### Deployment Checklist');
    expect(template).toContain(TEMPLATE_ANCHORS.duration);
    expect(template).toContain(TEMPLATE_ANCHORS.recentChanges);
    expect(template).toMatch(TEMPLATE_ANCHORS.watch);
  });

  it('renders the 5 Whys as five separate steps, which the five-whys rule counts', () => {
    const rootCause = parsePostmortem(FILE, template).sections.find((section) => section.key === 'root-cause')!;
    const tree = unified().use(remarkParse).parse(rootCause.text);
    const lists = tree.children.filter((node): node is List => node.type === 'list' && Boolean(node.ordered));
    expect(lists.map((list) => list.children.length)).toEqual([5]);
    expect(tree.children.filter((node) => node.type === 'paragraph' && /Why\?/.test(JSON.stringify(node)))).toEqual([]);
    // Without `status: draft` the rule runs: the template's chain satisfies it as written.
    const problems = validatePostmortems([parsePostmortem(FILE, template)]).files[0]!.problems;
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.filter((problem) => problem.rule === 'five-whys')).toEqual([]);
  });
});

describe('impact questions', () => {
  it('propose the worst severity answered yes, SEV-4 when none', () => {
    expect(proposeSeverity({ 'data-loss': true, cosmetic: true })).toBe('SEV-1');
    expect(proposeSeverity({ 'significant-subset': true })).toBe('SEV-2');
    expect(proposeSeverity({ 'minor-degradation': true })).toBe('SEV-3');
    expect(proposeSeverity({})).toBe('SEV-4');
    expect(new Set(IMPACT_QUESTIONS.map((question) => question.severity))).toEqual(new Set(SEVERITY_IDS));
  });
});

describe('new-postmortem, non-interactive', () => {
  it('creates a draft that passes validate and says what to do next', async () => {
    const dir = tempDir();
    const { ctx, out } = context([...BASE, '--dir', dir, '--started-at', '09:12', '--detected-at', '09:19', '--resolved-at', '11:05'], dir);
    expect(await runNewPostmortem(ctx)).toBe(0);
    const file = path.join(dir, FILE);
    expect(out.stdout).toContain(`Created ${FILE}`);
    expect(out.stdout).toContain('Next:');
    expect(out.stdout).toContain('updates every 30 min');
    const report = validateFile(file);
    expect(report.problems).toEqual([]);
    const pm = parsePostmortem(file, readFileSync(file, 'utf8'));
    expect(pm.meta).toMatchObject({ title: 'Report exports time out for large tenants', severity: 'SEV-2', status: 'draft', authors: ['Dana Kim'], services: ['report-export', 'postgres'], started_at: '2026-03-14T09:12:00Z', detected_at: '2026-03-14T09:19:00Z', resolved_at: '2026-03-14T11:05:00Z' });
    expect(pm.timeline!.rows.find((row) => row.event === 'Alert fired')!.time).toBe('09:19');
    expect(pm.text).toMatch(/^root_cause_category: \w[\w-]* # not known yet/m);
    expect(pm.text).toContain('Watch for 15 minutes post-deploy (minimum for SEV-2)');
    expect(readdirSync(dir)).toEqual([FILE]);
  });

  it('writes a service as the archive spells it, and says so', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'postmortem-2026-01-10-older.md'), '---\ntitle: Older\nservices:\n  - report-export\n  - postgres\n---\n');
    const { ctx, out } = context([...BASE.slice(0, -4), '--services', 'Report Export,PostgreSQL,Postgres', '--author', 'Dana Kim', '--dir', dir], dir);
    expect(await runNewPostmortem(ctx)).toBe(0);
    const pm = parsePostmortem(FILE, readFileSync(path.join(dir, FILE), 'utf8'));
    // `PostgreSQL` is another name, not another spelling: kept as given.
    expect(pm.meta!.services).toEqual(['report-export', 'PostgreSQL', 'postgres']);
    expect(out.stderr).toContain('Service `Report Export` written `report-export`, as the archive spells it');
  });

  it('writes fields in FRONTMATTER_FIELDS order with unquoted timestamps', async () => {
    const dir = tempDir();
    const { ctx } = context([...BASE, '--dir', dir, '--category', 'Deployment', '--started-at', '2026-03-14T09:12:00Z'], dir);
    expect(await runNewPostmortem(ctx)).toBe(0);
    const text = readFileSync(path.join(dir, FILE), 'utf8');
    expect(text.split('\n---\n')[0]).toBe(
      ['---', 'title: Report exports time out for large tenants', 'date: 2026-03-14', 'severity: SEV-2', 'status: draft', 'authors:', '  - Dana Kim', 'services:', '  - report-export', '  - postgres', 'root_cause_category: deployment', 'started_at: 2026-03-14T09:12:00Z'].join('\n'),
    );
  });

  it('puts a time past midnight on the next day', async () => {
    const dir = tempDir();
    const { ctx } = context([...BASE, '--dir', dir, '--started-at', '23:50', '--resolved-at', '00:40'], dir);
    expect(await runNewPostmortem(ctx)).toBe(0);
    const file = path.join(dir, FILE);
    const pm = parsePostmortem(file, readFileSync(file, 'utf8'));
    expect(pm.meta!.resolved_at).toBe('2026-03-15T00:40:00Z');
    expect(pm.timeline!.rows.at(-1)!.time).toBe('2026-03-15 00:40');
    expect(validateFile(file).valid).toBe(true);
  });

  it('is a usage error (exit 2, where the usage is, nothing written) when required answers are missing', async () => {
    const dir = tempDir();
    const { ctx, out } = context(['--title', 'Something broke', '--dir', dir], dir);
    expect(await runNewPostmortem(ctx)).toBe(2);
    expect(out.stderr).toContain('Missing --severity, --services, --author');
    expect(out.stderr).toContain('Run `npm run new-postmortem -- --help` for usage.');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('rejects bad values as usage errors', async () => {
    const dir = tempDir();
    for (const bad of [['--date', '2026-02-30'], ['--severity', 'critical'], ['--category', 'gremlins'], ['--started-at', '9am CET'], ['--slug', 'Not A Slug'], ['--nope']]) {
      const { ctx } = context([...BASE, '--dir', dir, ...bad], dir);
      expect(await runNewPostmortem(ctx), bad.join(' ')).toBe(2);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('never overwrites: exit 1, the existing file untouched, its path named', async () => {
    const dir = tempDir();
    const file = path.join(dir, FILE);
    writeFileSync(file, 'existing\n');
    const { ctx, out } = context([...BASE, '--dir', dir], dir);
    expect(await runNewPostmortem(ctx)).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe('existing\n');
    expect(out.stderr).toContain(`${FILE} already exists`);
    expect(readdirSync(dir)).toEqual([FILE]);
  });

  it('--dry-run prints the file and writes nothing', async () => {
    const dir = tempDir();
    const { ctx, out } = context([...BASE, '--dir', path.join(dir, 'not-yet'), '--dry-run'], dir);
    expect(await runNewPostmortem(ctx)).toBe(0);
    expect(out.stdout).toMatch(/^---\ntitle: Report exports/);
    expect(out.stderr).toContain('Dry run');
    expect(existsSync(path.join(dir, 'not-yet'))).toBe(false);
  });

  it('refuses a status the template placeholders cannot meet', async () => {
    const dir = tempDir();
    const { ctx, out } = context([...BASE, '--dir', dir, '--status', 'final'], dir);
    expect(await runNewPostmortem(ctx)).toBe(1);
    expect(out.stderr).toContain('would not pass validate');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('--help prints the usage', async () => {
    const { ctx, out } = context(['--help'], tempDir());
    expect(await runNewPostmortem(ctx)).toBe(0);
    expect(out.stdout).toBe(NEW_POSTMORTEM_USAGE);
  });

  it('pre-fills the evidence note with recent commits inside a git repository', async () => {
    const repo = tempDir();
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { cwd: repo, stdio: 'pipe' });
    git('init', '-q');
    writeFileSync(path.join(repo, 'app.txt'), 'v2\n');
    git('add', '.');
    git('commit', '-q', '-m', 'Add index on exports.tenant_id');
    const dir = path.join(repo, 'docs', 'postmortems');
    const { ctx } = context([...BASE, '--dir', dir], repo);
    expect(await runNewPostmortem(ctx)).toBe(0);
    const file = path.join(dir, FILE);
    const text = readFileSync(file, 'utf8');
    // No start time: the 24 h before the draft was created.
    expect(text).toMatch(/- Recent changes in the 24 h before this draft was created \(`git log --oneline --since="[^"]+"`\):\n\n {2}```text\n {2}[0-9a-f]{7,} Add index on exports\.tenant_id\n {2}```\n/);
    expect(text).not.toContain('Recent changes: TBD');
    expect(validateFile(file).valid).toBe(true);
  });

  it('keeps the evidence to the 24 h before the start, newest 15 commits, and says what it cut', async () => {
    const repo = tempDir();
    const commitAt = (iso: string, message: string) => {
      writeFileSync(path.join(repo, 'app.txt'), `${message}\n`);
      execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', 'commit', '-q', '-a', '--allow-empty', '-m', message], {
        cwd: repo,
        stdio: 'pipe',
        env: { ...process.env, GIT_AUTHOR_DATE: iso, GIT_COMMITTER_DATE: iso },
      });
    };
    execFileSync('git', ['init', '-q'], { cwd: repo });
    writeFileSync(path.join(repo, 'app.txt'), 'v1\n');
    execFileSync('git', ['add', '.'], { cwd: repo });
    commitAt('2026-03-12T12:00:00Z', 'Two days before: not evidence');
    for (let n = 1; n <= 17; n++) commitAt(`2026-03-14T0${Math.floor(n / 2)}:${String((n % 2) * 30).padStart(2, '0')}:00Z`, `Change ${n}`);
    commitAt('2026-03-14T10:00:00Z', 'After the start: the fix, not the cause');
    const dir = path.join(repo, 'docs');
    const { ctx } = context([...BASE, '--started-at', '09:12', '--dir', dir], repo);
    expect(await runNewPostmortem(ctx)).toBe(0);
    const text = readFileSync(path.join(dir, FILE), 'utf8');
    expect(text).toContain('- Recent changes in the 24 h before the incident started (`git log --oneline --since="2026-03-13T09:12:00Z" --until="2026-03-14T09:12:00Z"`):');
    const listed = [...text.matchAll(/^ {2}[0-9a-f]{7,} (.+)$/gm)].map((match) => match[1]);
    expect(listed).toEqual(Array.from({ length: 15 }, (_, index) => `Change ${17 - index}`));
    expect(text).toContain('The 15 newest of 17 commits; 2 older ones are not shown (run the command above for all).');
    expect(text).not.toContain('not evidence');
    expect(text).not.toContain('the fix, not the cause');
    expect(validateFile(path.join(dir, FILE)).valid).toBe(true);
  });
});

describe('new-postmortem, interactive (stubbed prompts)', () => {
  function stub(answers: { text: Record<string, string>; yesTo: string[] }) {
    const asked: string[] = [];
    const notes: string[] = [];
    const placeholders: string[] = [];
    const prompter: Prompter = {
      // Like the terminal: an unanswered field gives its initial value or '' (never the placeholder), and must pass validate.
      text: async ({ message, initialValue, placeholder, validate }) => {
        asked.push(message);
        if (placeholder !== undefined) placeholders.push(placeholder);
        const key = Object.keys(answers.text).find((start) => message.startsWith(start));
        const answer = key !== undefined ? answers.text[key]! : (initialValue ?? '');
        const problem = validate?.(answer);
        if (problem) throw new Error(`"${message}" refused ${JSON.stringify(answer)}: ${problem}`);
        return answer;
      },
      confirm: async ({ message }) => {
        asked.push(message);
        return answers.yesTo.some((start) => message.startsWith(start));
      },
      select: async <Value extends string>({ message, initialValue }: { message: string; initialValue?: Value }) => {
        asked.push(message);
        return initialValue as Value;
      },
      note: (message, title) => void notes.push(`${title}: ${message}`),
    };
    return { prompter, asked, notes, placeholders };
  }

  it('asks, proposes the severity from the impact answers with its cadence, and writes a valid draft', async () => {
    const dir = tempDir();
    const { prompter, asked, notes } = stub({
      text: { 'Incident title': 'Invoices lost after failover', 'Incident date': '2026-05-02', 'Affected services': 'billing-api, postgres', 'Author': 'Ana Lima', 'When did it start': '04:10' },
      yesTo: ['Was data lost?', 'Create '],
    });
    const { ctx, out } = context(['--dir', dir], dir, { interactive: true, prompt: prompter });
    expect(await runNewPostmortem(ctx)).toBe(0);
    expect(asked.slice(0, 4)).toEqual(['Incident title (a short phrase)', 'Incident date (UTC, YYYY-MM-DD)', 'Is the service down?', 'Was data lost?']);
    expect(asked).not.toContain('Are all tenants affected?');
    expect(notes[0]).toContain('Proposed: SEV-1');
    expect(notes[0]).toContain('continuous updates every 15 min');
    expect(notes[0]).toContain('15 minutes');
    const file = path.join(dir, 'postmortem-2026-05-02-invoices-lost-failover.md');
    expect(out.stdout).toContain('Created');
    const pm = parsePostmortem(file, readFileSync(file, 'utf8'));
    expect(pm.meta).toMatchObject({ severity: 'SEV-1', services: ['billing-api', 'postgres'], authors: ['Ana Lima'], started_at: '2026-05-02T04:10:00Z' });
    expect(validateFile(file).valid).toBe(true);
  });

  it('takes an empty start time as not known, and shows only examples as grey text', async () => {
    const dir = tempDir();
    const { prompter, asked, placeholders } = stub({ text: { 'Incident title': 'Invoices lost', 'Affected services': 'billing-api', Author: 'Ana Lima', 'When did it start': '' }, yesTo: ['Create '] });
    const { ctx } = context(['--date', '2026-05-02', '--severity', 'SEV-3', '--dir', dir], dir, { interactive: true, prompt: prompter });
    expect(await runNewPostmortem(ctx)).toBe(0);
    expect(asked).toContain('When did it start? (HH:MM UTC; leave empty if not known)');
    expect(placeholders.length).toBeGreaterThan(0);
    for (const placeholder of placeholders) expect(placeholder).toMatch(/^e\.g\. /);
    const pm = parsePostmortem('x.md', readFileSync(path.join(dir, readdirSync(dir)[0]!), 'utf8'));
    expect(pm.meta!.started_at).toBeUndefined();
  });

  it('asks only what the flags left out, and writes nothing when the person declines', async () => {
    const dir = tempDir();
    const { prompter, asked } = stub({ text: { Author: 'Ana Lima' }, yesTo: [] });
    const { ctx, out } = context([...BASE.slice(0, 8), '--dir', dir], dir, { interactive: true, prompt: prompter });
    expect(await runNewPostmortem(ctx)).toBe(1);
    expect(asked).toEqual(['Root-cause category', 'Author(s) (comma-separated)', 'When did it start? (HH:MM UTC; leave empty if not known)', `Create ${FILE}?`]);
    expect(out.stderr).toContain('nothing was written');
    expect(readdirSync(dir)).toEqual([]);
  });
});
