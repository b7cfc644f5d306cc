/**
 * Input shaped to hurt: alias bombs, oversized files and tables, links out of
 * the folder, bytes of another encoding. Each is reported by `validate` with
 * its rule and line, and none costs unbounded work (the bounds are counts:
 * the error arises before anything is expanded or read).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runValidate } from '../../scripts/cli/validate-cli.ts';
import type { CliContext } from '../../scripts/lib/cli.ts';
import { LIMIT_SETTINGS } from '../../src/lib/postmortem/safety/limits.ts';

const DEFAULT_FILE_KIB = LIMIT_SETTINGS.fileBytes.fallback;
import { loadArchive } from '../../src/lib/postmortem/archive/archive.ts';
import { splitFrontmatter } from '../../src/lib/postmortem/parsing/frontmatter.ts';
import { parsePostmortem } from '../../src/lib/postmortem/parsing/parse.ts';
import type { Problem } from '../../src/lib/postmortem/rules/all-rules.ts';
import { checkFile } from '../../src/lib/postmortem/validation/validate.ts';
import { runProcess } from './helpers/run-process.ts';
import { FIXTURES } from './helpers/validate-files.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const P = 'postmortem-2026-03-14-';
const VALID_TEXT = readFileSync(path.join(FIXTURES, 'valid', `${P}report-export-timeouts.md`), 'utf8');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'hindsight-hostile-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface JsonReport { files: { path: string; problems: Problem[] }[] }

async function validate(args: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const ctx: CliContext = { argv: [...args, '--format', 'json', '--no-cache'], cwd: ROOT, env, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), interactive: false };
  const code = await runValidate(ctx);
  return { code, stderr, report: JSON.parse(stdout) as JsonReport };
}

/** `rule@line` of every problem, per file name. */
function byFile(report: JsonReport): Record<string, string[]> {
  return Object.fromEntries(report.files.map((file) => [path.basename(file.path), file.problems.map((p) => `${p.rule}@${p.line}`)]));
}

describe('hostile fixtures (tests/fixtures/hostile-input)', () => {
  const expected: Record<string, string[]> = {
    [`${P}yaml-alias-bomb.md`]: ['frontmatter-yaml@3'],
    [`${P}yaml-alias-expansion.md`]: ['frontmatter-yaml@22'],
    [`${P}yaml-colon-in-title.md`]: ['frontmatter-yaml@2'],
    [`${P}yaml-duplicate-field.md`]: ['frontmatter-yaml@6'],
    [`${P}latin-1-body.md`]: ['file-encoding@31'],
    [`${P}table-too-many-rows.md`]: ['table-size@76'],
    [`${P}table-cell-too-long.md`]: ['table-size@46'],
    [`${P}table-too-many-columns.md`]: ['table-size@64'],
    // Dates outside the documented range, each end with its own message.
    ['postmortem-2999-03-14-far-future.md']: ['date-range@3', 'date-range@14', 'date-range@15', 'date-range@16', 'date-range@17', 'date-range@18'],
    ['postmortem-1999-03-14-last-century.md']: ['date-range@3', 'date-range@14', 'date-range@15', 'date-range@16', 'date-range@17', 'date-range@18'],
    // Frontmatter the site's reader would split or read differently.
    [`${P}frontmatter-dot-closer.md`]: ['frontmatter-reader@27'],
    [`${P}frontmatter-lone-cr.md`]: ['frontmatter-reader@26'],
    [`${P}frontmatter-dash-line.md`]: ['frontmatter-reader@21', 'schema@21'],
    [`${P}title-escape-character.md`]: ['frontmatter-reader@2'],
    [`${P}yaml-custom-tag.md`]: ['frontmatter-reader@10'],
    [`${P}names-invisible.md`]: ['invisible-characters@2', 'invisible-characters@10'],
    [`${P}proto-key.md`]: ['schema@21'],
    // Nesting that would overflow the renderer's stack.
    [`${P}quote-nesting.md`]: ['nesting-depth@40'],
    [`${P}list-nesting.md`]: ['nesting-depth@72'],
    [`${P}lazy-list-nesting.md`]: ['nesting-depth@104'],
    // Thousands of `]` in one block: Markdown's parser would take quadratic time.
    [`${P}bracket-run.md`]: ['bracket-density@40'],
    // Runs that made rules backtrack: accepted, and cheap (see rule-linearity.test.ts).
    [`${P}space-run-after-blame.md`]: ['blameless-language@40'],
    [`${P}backtick-run.md`]: [],
  };

  it('each is reported with its rule and line, and nothing else', async () => {
    const { code, report } = await validate(['tests/fixtures/hostile-input']);
    expect(code).toBe(1);
    expect(byFile(report)).toEqual(expected);
    expect(readdirSync(path.join(FIXTURES, 'hostile-input')).sort()).toEqual(Object.keys(expected).sort());
  });

  it('messages name the end of the date range that was passed, and odd keys get a readable hint', async () => {
    const { report } = await validate(['tests/fixtures/hostile-input/postmortem-2999-03-14-far-future.md', 'tests/fixtures/hostile-input/postmortem-1999-03-14-last-century.md', `tests/fixtures/hostile-input/${P}proto-key.md`]);
    const [late, early, proto] = report.files.map((file) => file.problems[0]!);
    expect(late!.message).toMatch(/^`date` is `2999-03-14`, which is after \d{4}, more than a year ahead$/);
    expect(early!.message).toBe('`date` is `1999-03-14`, which is before 2000, the first year Hindsight accepts');
    expect(proto!.message).toBe('unknown field `__proto__`');
    expect(proto!.hint).not.toContain('[object');
  });

  it('an alias bomb is refused before any alias is expanded, naming the line of the first alias', () => {
    const text = readFileSync(path.join(FIXTURES, 'hostile-input', `${P}yaml-alias-bomb.md`), 'utf8');
    const block = splitFrontmatter(text).frontmatter;
    expect(block).toMatchObject({ kind: 'invalid', code: 'TOO_MANY_ALIASES', line: 3 });
    expect(text.split('\n')[2]).toMatch(/^b: &b \[\*a,/);
  });

  it('a nested alias under the count cap is stopped by the expansion bound', () => {
    const text = readFileSync(path.join(FIXTURES, 'hostile-input', `${P}yaml-alias-expansion.md`), 'utf8');
    expect(splitFrontmatter(text).frontmatter).toMatchObject({ kind: 'invalid', code: 'ALIAS_EXPANSION' });
  });

  it('many aliases of one scalar (quadratic to resolve) are refused by count', () => {
    const aliases = Array.from({ length: 5_000 }, () => '  - *x').join('\n');
    const text = VALID_TEXT.replace('tags:\n', `anchor: &x hello\nmany:\n${aliases}\ntags:\n`);
    const problems = checkFile(parsePostmortem(`${P}aliases.md`, text));
    expect(problems.map((p) => `${p.rule}@${p.line}`)).toEqual(['frontmatter-yaml@23']);
    expect(problems[0]!.message).toContain('5000 YAML aliases');
  });

  it.each([
    ['flow brackets', `tags: ${'['.repeat(5000)}${']'.repeat(5000)}`],
    ['brackets behind a quote', `title: "don't ${'['.repeat(40)}"`],
    ['stacked block indicators', `tags:\n${'- '.repeat(5000)}x`],
    ['deep indentation', `tags:\n${Array.from({ length: 100 }, (_, i) => `${' '.repeat(i * 2)}- x`).join('\n')}`],
  ])('nesting too deep for a recursive parser (%s) is refused before parsing, with its line', (_, block) => {
    const text = VALID_TEXT.replace('---\n', `---\n${block}\n`);
    const frontmatter = splitFrontmatter(text).frontmatter;
    expect(frontmatter).toMatchObject({ kind: 'invalid', code: 'TOO_DEEP' });
    expect((frontmatter as { line: number }).line).toBeGreaterThanOrEqual(2);
  });

  it('a frontmatter block over 64 K characters is not parsed', () => {
    const tags = Array.from({ length: 8000 }, (_, i) => `  - tag-number-${i}`).join('\n');
    const text = VALID_TEXT.replace('tags:\n', `tags:\n${tags}\n`);
    expect(splitFrontmatter(text).frontmatter).toMatchObject({ kind: 'invalid', code: 'TOO_LARGE', line: 2 });
  });

  it('the colon hint says to quote the title, and a plain syntax error keeps the general hint', async () => {
    const { report } = await validate([`tests/fixtures/hostile-input/${P}yaml-colon-in-title.md`, `tests/fixtures/invalid/${P}yaml-syntax.md`]);
    const [colon, syntax] = report.files.map((file) => file.problems[0]!);
    expect(colon!.hint).toContain('Quote the title');
    expect(colon!.hint).toContain('`title: "Outage: report exports time out"`');
    expect(syntax!.hint).not.toContain('Quote the title');
  });

  it('frontmatter values that pages repeat are bounded', () => {
    const text = VALID_TEXT.replace('title: Report exports time out for large tenants', `title: ${'Exports time out '.repeat(20)}`).replace('  - postgres\n', `${Array.from({ length: 25 }, (_, i) => `  - service-${i}\n`).join('')}`);
    const problems = checkFile(parsePostmortem(`${P}report-export-timeouts.md`, text));
    expect(problems.map((p) => `${p.rule}@${p.line}`)).toEqual(['field-size@2', 'field-size@8']);
    expect(problems[0]!.message).toMatch(/^`title` `Exports time out .{40,}…` is 339 characters long, over the limit of 200$/);
  });

  it('values are cut before they are quoted', () => {
    const long = 'x'.repeat(5000);
    const text = VALID_TEXT.replace('severity: SEV-2', `severity: ${long}`).replace('| 2026-03-21 |', `| ${'9'.repeat(450)} |`);
    const problems = checkFile(parsePostmortem(`${P}report-export-timeouts.md`, text));
    expect(problems.map((p) => p.rule)).toEqual(['schema', 'action-item-due']);
    for (const problem of problems) expect(problem.message.length, problem.message.slice(0, 100)).toBeLessThan(250);
  });
});

describe('the folder is what it says', () => {
  const folder = path.join(scratch, 'archive');
  const outside = path.join(scratch, 'outside');
  mkdirSync(folder);
  mkdirSync(outside);
  writeFileSync(path.join(folder, `${P}report-export-timeouts.md`), VALID_TEXT);
  writeFileSync(path.join(outside, `${P}kept-elsewhere.md`), VALID_TEXT.replace('title: Report exports', 'title: Elsewhere: report exports'.replace(': r', ' r')));
  symlinkSync('/etc/passwd', path.join(folder, `${P}passwd.md`));
  symlinkSync(path.join(outside, `${P}kept-elsewhere.md`), path.join(folder, `${P}kept-elsewhere.md`));
  symlinkSync(path.join(outside, 'gone.md'), path.join(folder, `${P}dangling.md`));
  symlinkSync(outside, path.join(folder, `${P}a-folder.md`));
  execFileSync('mkfifo', [path.join(folder, `${P}fifo.md`)]);
  // One byte over the default limit.
  writeFileSync(path.join(folder, `${P}huge.md`), VALID_TEXT + `\n${'A log line. '.repeat(12_000)}`.slice(0, DEFAULT_FILE_KIB * 1024 + 1 - Buffer.byteLength(VALID_TEXT)));

  it('a link, a FIFO and an oversized file are each an error naming the file, and none is read', async () => {
    const { code, report } = await validate([folder]);
    expect(code).toBe(1);
    expect(byFile(report)).toEqual({
      [`${P}a-folder.md`]: ['file-regular@1'],
      [`${P}dangling.md`]: ['file-regular@1'],
      [`${P}fifo.md`]: ['file-regular@1'],
      [`${P}huge.md`]: ['file-size@1'],
      [`${P}kept-elsewhere.md`]: ['file-regular@1'],
      [`${P}passwd.md`]: ['file-regular@1'],
      [`${P}report-export-timeouts.md`]: [],
    });
    const messages = report.files.flatMap((file) => file.problems.map((p) => p.message));
    expect(messages).toContain(`\`${P}passwd.md\` is a symbolic link (to \`/etc/passwd\`); Hindsight does not read through links`);
    expect(messages.join('\n')).not.toContain('root:');
    expect(messages).toContain(`file is ${DEFAULT_FILE_KIB + 1} KiB, over the ${DEFAULT_FILE_KIB} KiB limit (it was not read)`);
  });

  it('a link named on the command line is refused too', async () => {
    const { report } = await validate([path.join(folder, `${P}passwd.md`)]);
    expect(report.files[0]!.problems.map((p) => p.rule)).toEqual(['file-regular']);
  });

  it('the site reads only the regular file', () => {
    const { postmortems, result } = loadArchive(folder);
    expect(postmortems.map((pm) => pm.slug)).toEqual(['2026-03-14-report-export-timeouts']);
    expect(result.summary.invalid).toBe(6);
  });

  it('the file size limit has an override, read from the environment by the real CLI', async () => {
    const run = (env: NodeJS.ProcessEnv) => runProcess(process.execPath, ['scripts/launch.mjs', 'validate', '--no-cache', path.join(folder, `${P}huge.md`)], { cwd: ROOT, env: { ...process.env, ...env } });
    const refused = await run({});
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain('(file-size)');
    const raised = await run({ HINDSIGHT_MAX_FILE_KB: String(DEFAULT_FILE_KIB * 2) });
    expect(raised.stdout).not.toContain('(file-size)');
    const wrong = await run({ HINDSIGHT_MAX_FILE_KB: 'lots' });
    expect(wrong.status).toBe(2);
    expect(wrong.stderr.trim()).toBe('HINDSIGHT_MAX_FILE_KB must be a whole number above 0, not `lots`.');
  });

  it('a cached result is not reused when a file is replaced by a link to the same text', async () => {
    const cached = path.join(scratch, 'cached');
    mkdirSync(cached);
    const file = path.join(cached, `${P}report-export-timeouts.md`);
    copyFileSync(path.join(FIXTURES, 'valid', `${P}report-export-timeouts.md`), file);
    const env = {}; // validate's own result cache is on: the link must not be answered from it
    const run = async () => {
      let stdout = '';
      await runValidate({ argv: [cached, '--format', 'json'], cwd: ROOT, env, stdout: (t) => (stdout += t), stderr: () => {}, interactive: false });
      return byFile(JSON.parse(stdout) as JsonReport);
    };
    expect(await run()).toEqual({ [`${P}report-export-timeouts.md`]: [] });
    rmSync(file);
    symlinkSync(path.join(FIXTURES, 'valid', `${P}report-export-timeouts.md`), file);
    expect(await run()).toEqual({ [`${P}report-export-timeouts.md`]: ['file-regular@1'] });
  });
});

describe('slugs that would name another page', () => {
  it('a file whose slug is `.`, `..` or not [a-z0-9-] is refused by validate and never becomes a page', async () => {
    const folder = path.join(scratch, 'slugs');
    mkdirSync(folder);
    writeFileSync(path.join(folder, `${P}report-export-timeouts.md`), VALID_TEXT);
    for (const name of ['postmortem-..md', 'postmortem-.md', 'postmortem-2026-03-14-Über.md', 'postmortem-2026-03-14-a.b.md']) writeFileSync(path.join(folder, name), VALID_TEXT);
    const { report } = await validate([folder]);
    for (const file of report.files.filter((entry) => !entry.path.endsWith('timeouts.md'))) expect(file.problems.map((p) => p.rule), file.path).toContain('file-name');
    expect(loadArchive(folder).postmortems.map((pm) => pm.slug)).toEqual(['2026-03-14-report-export-timeouts']);
  });
});
