/**
 * `search`, `similar` and `show`: their JSON is accepted by the schemas they
 * document (schema/*-output.schema.json), search ranks exactly as the site's
 * engine, similar ranks as the site's related incidents, and flags, help and
 * exit codes behave as the other commands'.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliContext } from '../../scripts/lib/cli.ts';
import { runSearch, SEARCH_USAGE } from '../../scripts/cli/search-cli.ts';
import { runShow, SHOW_USAGE } from '../../scripts/cli/show-cli.ts';
import { runSimilar, SIMILAR_USAGE } from '../../scripts/cli/similar-cli.ts';
import { readArchive } from '../../src/lib/agent/agent-archive.ts';
import type { SearchOutput, ShowOutput, SimilarOutput } from '../../src/lib/agent/schemas.ts';
import { createIncidentSearch } from '../../src/lib/search/engine.ts';
import { buildSearchData } from '../../src/lib/search/records.ts';
import { searchMeta } from '../../src/lib/site/search/pagefind-page.ts';
import { checkerFor, committedSchema } from './helpers/json-schema-check.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const EXAMPLES = 'docs/spec/.llm/completed';
const archive = readArchive(path.join(ROOT, EXAMPLES), ROOT);

type Command = (ctx: CliContext) => number;
function run(command: Command, argv: string[], env: NodeJS.ProcessEnv = { POSTMORTEM_DIR: EXAMPLES }) {
  let stdout = '';
  let stderr = '';
  const code = command({ argv, cwd: ROOT, env, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), interactive: false });
  return { code, stdout, stderr };
}

/** `run` for a command that answers asynchronously (search reads its snapshot or, failing that, the archive). */
async function runAsync(command: (ctx: CliContext) => Promise<number>, argv: string[], env: NodeJS.ProcessEnv = { POSTMORTEM_DIR: EXAMPLES }) {
  let stdout = '';
  let stderr = '';
  const code = await command({ argv, cwd: ROOT, env, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), interactive: false });
  return { code, stdout, stderr };
}

const searchSchema = checkerFor(committedSchema('schema/search-output.schema.json'));
const similarSchema = checkerFor(committedSchema('schema/similar-output.schema.json'));
const showSchema = checkerFor(committedSchema('schema/show-output.schema.json'));

describe('npm run search', () => {
  const queries = ['certificate', 'postgres pool', 'cdn cache', 'deploy', 'certficate', 'invoice email', 'zzzz-no-such-word'];

  it.each(queries)('ranks `%s` exactly as the site search engine, in JSON its schema accepts', async (query) => {
    const { code, stdout } = await runAsync(runSearch, [query, '--format', 'json', '--limit', '100']);
    expect(code).toBe(0);
    const output = JSON.parse(stdout) as SearchOutput;
    expect(searchSchema(output)).toBeNull();
    const engine = createIncidentSearch(buildSearchData(archive.postmortems, searchMeta));
    expect(output.results.map((result) => result.slug)).toEqual((engine.search(output.searched_for)?.hits ?? []).map((index) => archive.postmortems[index]!.slug));
    if (query === 'certficate') expect(output).toMatchObject({ searched_for: 'certificate', corrections: [{ from: 'certficate', to: 'certificate' }] });
  });

  it('explains matches and filters by service, severity, category and date', async () => {
    const { stdout } = await runAsync(runSearch, ['certificate', '--format', 'json']);
    const output = JSON.parse(stdout) as SearchOutput;
    expect(output.results[0]!.matched.some((match) => /certificate/i.test(match.text))).toBe(true);

    const filtered = JSON.parse((await runAsync(runSearch, ['--service', 'postgres', '--severity', 'sev-2', '--category', 'Code bug', '--since', '2025-01-01', '--format', 'json', '--limit', '100'])).stdout) as SearchOutput;
    expect(searchSchema(filtered)).toBeNull();
    expect(filtered.filters).toEqual({ service: 'postgres', severity: 'SEV-2', category: 'code-bug', since: '2025-01-01' });
    const expected = archive.postmortems.filter((pm) => pm.meta.services.includes('postgres') && pm.meta.severity === 'SEV-2' && pm.meta.root_cause_category === 'code-bug' && pm.meta.date >= '2025-01-01');
    expect(expected.length).toBeGreaterThan(0);
    expect(filtered.results.map((result) => result.slug)).toEqual(expected.map((pm) => pm.slug));

    const recent = JSON.parse((await runAsync(runSearch, ['--since', '2026-10-01', '--format', 'json', '--limit', '100'])).stdout) as SearchOutput;
    expect(recent.total).toBe(archive.postmortems.filter((pm) => pm.meta.date >= '2026-10-01').length);
    expect(recent.results.every((result) => result.date >= '2026-10-01')).toBe(true);
  });

  it('--limit caps the results but not the total; the table names the slugs', async () => {
    const limited = JSON.parse((await runAsync(runSearch, ['--format', 'json', '--limit', '3'])).stdout) as SearchOutput;
    expect(limited.results).toHaveLength(3);
    expect(limited.total).toBe(archive.postmortems.length);
    const table = await runAsync(runSearch, ['certificate']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('2025-04-09-expired-tls-certificate');
  });

  it('--help prints the usage (exit 0); bad flags are usage errors (exit 2) quoting the value', async () => {
    expect(await runAsync(runSearch, ['--help'])).toMatchObject({ code: 0, stdout: SEARCH_USAGE });
    for (const [argv, quoted] of [
      [['--severity', 'critical'], '`critical`'],
      [['--category', 'gremlins'], '`gremlins`'],
      [['--since', '2026-02-30'], '`2026-02-30`'],
      [['--limit', '0'], '`0`'],
      [['--format', 'xml'], '`xml`'],
      [['--colour'], '`--colour`'],
    ] as const) {
      const result = await runAsync(runSearch, [...argv]);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr).toContain(quoted);
      expect(result.stderr).toContain('Run `npm run search -- --help` for usage.');
    }
    expect((await runAsync(runSearch, ['x'], { POSTMORTEM_DIR: 'no/such/folder' })).code).toBe(2);
    expect((await runAsync(runSearch, ['x'], { POSTMORTEM_DIR: 'tests/unit' })).code).toBe(1);
  });
});

describe('npm run similar', () => {
  it('compares a post-mortem being written on every section, never with itself, with root causes and open items', () => {
    const file = `${EXAMPLES}/postmortem-2026-10-13-search-dns-ttl.md`;
    const { code, stdout } = run(runSimilar, [file, '--format', 'json', '--limit', '4']);
    expect(code).toBe(0);
    const output = JSON.parse(stdout) as SimilarOutput;
    expect(similarSchema(output)).toBeNull();
    const target = archive.postmortems.find((pm) => pm.slug === '2026-10-13-search-dns-ttl')!;
    expect(output.results.length).toBeGreaterThan(0);
    expect(output.results.map((result) => result.slug)).not.toContain(target.slug);
    expect(output.results.map((result) => result.score)).toEqual([...output.results.map((result) => result.score)].sort((a, b) => b - a));
    for (const result of output.results) {
      const pm = archive.postmortems.find((candidate) => candidate.slug === result.slug)!;
      expect(result.root_cause).toBe(pm.rootCause);
      expect(result.open_action_items.map((item) => item.action)).toEqual(pm.actionItems.filter((item) => item.status === 'TODO' || item.status === 'IN PROGRESS').map((item) => item.action));
    }
  });

  it('reads a description from standard input and says why each incident is similar', () => {
    let stdout = '';
    const ctx: CliContext = { argv: ['-', '--format', 'json'], cwd: ROOT, env: { POSTMORTEM_DIR: EXAMPLES }, stdout: (t) => (stdout += t), stderr: () => {}, interactive: false };
    expect(runSimilar(ctx, () => 'Expired TLS certificate on the api-gateway: browsers refuse the connection')).toBe(0);
    const output = JSON.parse(stdout) as SimilarOutput;
    expect(similarSchema(output)).toBeNull();
    expect(output.source).toBe('-');
    expect(output.compared_on.services).toEqual(['api-gateway']);
    expect(output.results[0]!.slug).toBe('2025-04-09-expired-tls-certificate');
    expect(output.results[0]!.shared.services).toEqual(['api-gateway']);
    expect(output.results[0]!.shared.words).toEqual(expect.arrayContaining(['certificate', 'tls']));
    expect(output.results[0]!.reasons[0]).toMatch(/^Shared wording: /);
    expect(output.results[0]!.shared.passage?.text).toMatch(/certificate/i);
  });

  it('finds the mechanism when the text names no service of the archive and shares no title word', () => {
    let stdout = '';
    const ctx: CliContext = { argv: ['-', '--format', 'json'], cwd: ROOT, env: { POSTMORTEM_DIR: EXAMPLES }, stdout: (t) => (stdout += t), stderr: () => {}, interactive: false };
    expect(runSimilar(ctx, () => 'The MySQL primary ran out of disk because binary logs were kept for a replica that no longer exists.')).toBe(0);
    const output = JSON.parse(stdout) as SimilarOutput;
    expect(output.compared_on.services).toEqual([]);
    expect(output.results.slice(0, 3).map((result) => result.slug)).toContain('2026-07-01-wal-disk-full');
  });

  it('exit codes: help 0, empty input 1, missing file or bad flag 2', () => {
    expect(run(runSimilar, ['--help'])).toMatchObject({ code: 0, stdout: SIMILAR_USAGE });
    let stderr = '';
    expect(runSimilar({ argv: ['-'], cwd: ROOT, env: { POSTMORTEM_DIR: EXAMPLES }, stdout: () => {}, stderr: (t) => (stderr += t), interactive: false }, () => '  \n')).toBe(1);
    expect(stderr).toContain('Nothing to compare');
    expect(run(runSimilar, ['no-such-file.md']).code).toBe(2);
    expect(run(runSimilar, []).code).toBe(2);
    expect(run(runSimilar, ['-', '--limit', 'many']).stderr).toContain('`many`');
  });

  it('reads only a regular file inside the repository or the archive, within the size limit', () => {
    expect(run(runSimilar, ['/dev/zero'])).toMatchObject({ code: 2, stderr: expect.stringContaining('`/dev/zero` is outside the repository') });
    expect(run(runSimilar, ['../../../../../etc/passwd']).stderr).toContain('is outside the repository');
    expect(run(runSimilar, ['docs'])).toMatchObject({ code: 2, stderr: expect.stringContaining('`docs` is not a regular file') });
    let stderr = '';
    const big = 'postgres pool exhausted '.repeat(6000);
    expect(runSimilar({ argv: ['-'], cwd: ROOT, env: { POSTMORTEM_DIR: EXAMPLES }, stdout: () => {}, stderr: (t) => (stderr += t), interactive: false }, () => big)).toBe(2);
    expect(stderr).toContain('standard input is 141 KiB, over the 128 KiB limit');
  });
});

describe('npm run show', () => {
  it.each(archive.postmortems.map((pm) => pm.slug))('prints %s as JSON its schema accepts', (slug) => {
    const { code, stdout } = run(runShow, [slug]);
    expect(code).toBe(0);
    const output = JSON.parse(stdout) as ShowOutput;
    expect(showSchema(output)).toBeNull();
    const pm = archive.postmortems.find((candidate) => candidate.slug === slug)!;
    expect(output.frontmatter).toEqual(JSON.parse(JSON.stringify(pm.meta)));
    expect(output.action_items.map((item) => item.action)).toEqual(pm.actionItems.map((item) => item.action));
    // Each section's text is the file's, below its heading.
    const file = readFileSync(path.join(ROOT, pm.path), 'utf8').replace(/\r\n?/g, '\n');
    for (const section of output.sections) expect(file).toContain(section.text.split('\n')[0]!);
  });

  it('accepts a file name, prints a table, and suggests slugs for an unknown one (exit 2)', () => {
    expect(run(runShow, [`${EXAMPLES}/postmortem-2026-07-01-wal-disk-full.md`]).code).toBe(0);
    const table = run(runShow, ['2026-07-01-wal-disk-full', '--format', 'table']);
    expect(table.stdout).toContain('Root cause:');
    const unknown = run(runShow, ['2026-07-01-wal-disk']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('`2026-07-01-wal-disk-full`');
    expect(run(runShow, ['--help'])).toMatchObject({ code: 0, stdout: SHOW_USAGE });
    expect(run(runShow, []).code).toBe(2);
  });
});

describe('through the launcher (as `npm run` starts them)', () => {
  it('search, similar and show run from their bundles with JSON out and the documented exit codes', () => {
    const env = { ...process.env, POSTMORTEM_DIR: EXAMPLES };
    const search = spawnSync('node', ['scripts/launch.mjs', 'search', 'redis', '--format', 'json'], { cwd: ROOT, env, encoding: 'utf8' });
    expect(search.status, search.stderr).toBe(0);
    expect(searchSchema(JSON.parse(search.stdout))).toBeNull();
    const similar = spawnSync('node', ['scripts/launch.mjs', 'similar', '-', '--format', 'json'], { cwd: ROOT, env, encoding: 'utf8', input: 'redis sessions evicted, users logged out' });
    expect(similar.status, similar.stderr).toBe(0);
    expect(similarSchema(JSON.parse(similar.stdout))).toBeNull();
    const show = spawnSync('node', ['scripts/launch.mjs', 'show', 'nope'], { cwd: ROOT, env, encoding: 'utf8' });
    expect(show.status).toBe(2);
    expect(show.stderr).not.toMatch(/\n\s+at /);
  });
});
