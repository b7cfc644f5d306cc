/**
 * The MCP server as an agent meets it: `npm run mcp` spawned over stdio and
 * driven by the SDK's own client (which checks every structured result
 * against the tool's published output schema). Each tool is called against
 * the shipped examples; the scaffold, to a server whose folder is a temporary one.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runActionItems } from '../../scripts/cli/action-items-cli.ts';
import { readArchive } from '../../src/lib/agent/agent-archive.ts';
import { searchPostmortems } from '../../src/lib/agent/agent-search.ts';
import { parsePostmortem } from '../../src/lib/postmortem/parsing/parse.ts';
import { validatePostmortems } from '../../src/lib/postmortem/validation/validate.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const EXAMPLES = 'docs/spec/.llm/completed';
const TODAY = '2026-11-27';
const TOOLS = ['search_postmortems', 'get_postmortem', 'find_similar_incidents', 'list_action_items', 'validate_postmortem', 'scaffold_postmortem'];

const scratch = mkdtempSync(path.join(os.tmpdir(), 'hindsight-mcp-'));
let client: Client;
let stderr = '';

type ToolResult = { isError?: boolean; structuredContent?: Record<string, unknown>; content: { type: string; text?: string }[] };
const call = (name: string, args: Record<string, unknown>) => client.callTool({ name, arguments: args }) as Promise<ToolResult>;
const text = (result: ToolResult) => result.content.map((part) => part.text ?? '').join('\n');

/** `npm run --silent mcp` serving the post-mortem folder `archive`. */
async function startServer(archive: string): Promise<Client> {
  const transport = new StdioClientTransport({
    command: 'npm',
    args: ['run', '--silent', 'mcp'],
    cwd: ROOT,
    env: { ...(process.env as Record<string, string>), POSTMORTEM_DIR: archive },
    stderr: 'pipe',
  });
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const started = new Client({ name: 'hindsight-test', version: '1.0.0' });
  await started.connect(transport);
  return started;
}

beforeAll(async () => {
  client = await startServer(EXAMPLES);
});

afterAll(async () => {
  await client?.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('npm run mcp', () => {
  it('lists the six tools, each with input and output JSON Schemas; only the scaffold may write', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual([...TOOLS].sort());
    for (const tool of tools) {
      expect(tool.inputSchema.type).toBe('object');
      expect(tool.outputSchema?.type).toBe('object');
      expect(tool.description?.length).toBeGreaterThan(40);
      expect(tool.annotations?.readOnlyHint, tool.name).toBe(tool.name !== 'scaffold_postmortem');
    }
    expect(client.getInstructions()).toContain('find_similar_incidents');
  });

  it('search_postmortems ranks as the site search does', async () => {
    const result = await call('search_postmortems', { query: 'certificate', limit: 5 });
    expect(result.isError).toBeFalsy();
    const expected = searchPostmortems(readArchive(path.join(ROOT, EXAMPLES), ROOT).postmortems, { query: 'certificate', limit: 5 });
    expect(result.structuredContent).toEqual(expected);
    expect((expected.results as { slug: string }[]).map((r) => r.slug)).toContain('2025-04-09-expired-tls-certificate');
    const filtered = await call('search_postmortems', { service: 'postgres', severity: 'SEV-1' });
    const slugs = (filtered.structuredContent!.results as { slug: string; services: string[]; severity: string }[]);
    expect(slugs.length).toBeGreaterThan(0);
    for (const hit of slugs) expect(hit.services.includes('postgres') && hit.severity === 'SEV-1').toBe(true);
  });

  it('get_postmortem returns every shipped example with its sections and action items', async () => {
    const files = readdirSync(path.join(ROOT, EXAMPLES)).filter((file) => /\.mdx?$/.test(file));
    for (const file of files) {
      const slug = file.replace(/^postmortem-/, '').replace(/\.mdx?$/, '');
      const result = await call('get_postmortem', { slug });
      expect(result.isError, slug).toBeFalsy();
      const shown = result.structuredContent as { slug: string; sections: { key: string | null }[]; action_items: unknown[]; problems: { level: string }[] };
      expect(shown.slug).toBe(slug);
      expect(shown.sections.filter((section) => section.key !== null).length).toBeGreaterThanOrEqual(9);
      expect(shown.action_items.length).toBeGreaterThan(0);
      expect(shown.problems.filter((problem) => problem.level === 'error')).toEqual([]);
    }
    const missing = await call('get_postmortem', { slug: '2025-04-09-expired-tls' });
    expect(missing.isError).toBe(true);
    expect(text(missing)).toContain('`2025-04-09-expired-tls-certificate`');
  });

  it('find_similar_incidents finds earlier incidents for a description, with why, root cause and open items', async () => {
    const result = await call('find_similar_incidents', { text: 'API returning 503s: pgbouncer connection pool exhausted, postgres connections maxed' });
    expect(result.isError).toBeFalsy();
    const output = result.structuredContent as { compared_on: { services: string[] }; results: { slug: string; reasons: string[]; root_cause: string | null; open_action_items: { open: boolean }[] }[] };
    expect(output.compared_on.services).toContain('postgres');
    expect(output.results[0]!.slug).toBe('2025-07-16-pgbouncer-pool-exhaustion');
    expect(output.results[0]!.reasons.length).toBeGreaterThan(0);
    expect(output.results[0]!.root_cause).toBeTruthy();
    for (const item of output.results.flatMap((r) => r.open_action_items)) expect(item.open).toBe(true);

    // A file of the archive is compared with the others, never with itself.
    const own = `${EXAMPLES}/postmortem-2026-07-01-wal-disk-full.md`;
    const byPath = await call('find_similar_incidents', { path: own });
    const slugs = (byPath.structuredContent!.results as { slug: string }[]).map((r) => r.slug);
    expect(slugs.length).toBeGreaterThan(0);
    expect(slugs).not.toContain('2026-07-01-wal-disk-full');

    const neither = await call('find_similar_incidents', {});
    expect(neither.isError).toBe(true);
    const missing = await call('find_similar_incidents', { path: 'no/such-postmortem.md' });
    expect(missing.isError).toBe(true);
    expect(text(missing)).toContain('Cannot read `no/such-postmortem.md`');
  });

  it('reads a path only when it is a regular file inside the repository or the archive, within the size limit', async () => {
    // Inside the repository (the server's working directory), so only what the file is decides.
    const inside = mkdtempSync(path.join(ROOT, 'node_modules', '.cache', 'hindsight-mcp-input-'));
    try {
      execFileSync('mkfifo', [path.join(inside, 'fifo.md')]);
      symlinkSync('/etc/passwd', path.join(inside, 'passwd.md'));
      writeFileSync(path.join(inside, 'huge.md'), 'postgres pool exhausted. '.repeat(6000));
      const relative = (name: string) => path.relative(ROOT, path.join(inside, name));
      const refusals: [Record<string, unknown>, string][] = [
        [{ path: '/dev/zero' }, 'is outside the repository'],
        [{ path: '../../../../../../etc/passwd' }, 'is outside the repository'],
        [{ path: relative('passwd.md') }, 'is outside the repository'],
        [{ path: relative('fifo.md') }, 'is not a regular file'],
        [{ path: 'docs' }, 'is not a regular file'],
        [{ path: relative('huge.md') }, 'KiB, over the 128 KiB limit'],
        [{ text: 'x'.repeat(129 * 1024) }, '`text` is 129 KiB, over the 128 KiB limit'],
      ];
      for (const [args, expected] of refusals) {
        const result = await call('find_similar_incidents', args);
        expect(result.isError, JSON.stringify(args).slice(0, 80)).toBe(true);
        expect(text(result)).toContain(expected);
      }
      const oversized = await call('validate_postmortem', { text: `---\ntitle: x\n---\n${'a'.repeat(200 * 1024)}` });
      expect(oversized.isError).toBe(true);
      expect(text(oversized)).toContain('over the 128 KiB limit');
      const longQuery = await call('search_postmortems', { query: 'postgres '.repeat(100) });
      expect(longQuery.isError).toBe(true);
      // A message over the transport's bound is dropped as it streams in and answered with an error; the server goes on.
      await expect(call('validate_postmortem', { text: 'z'.repeat(3 * 1024 * 1024) })).rejects.toThrow(/over 2 MB/);
      const after = await call('find_similar_incidents', { text: 'postgres connection pool exhausted' });
      expect(after.isError).toBeFalsy();
    } finally {
      rmSync(inside, { recursive: true, force: true });
    }
  });

  it('list_action_items returns what `npm run action-items -- --format json` prints', async () => {
    const result = await call('list_action_items', { status: 'open', today: TODAY });
    let stdout = '';
    const code = runActionItems({ argv: ['--format', 'json', '--today', TODAY], cwd: ROOT, env: { POSTMORTEM_DIR: EXAMPLES }, stdout: (t) => (stdout += t), stderr: () => {}, interactive: false });
    expect(code).toBe(0);
    expect(result.structuredContent).toEqual(JSON.parse(stdout));
    const dana = await call('list_action_items', { status: 'all', owner: 'dana', today: TODAY });
    const owners = (dana.structuredContent!.items as { owner: string }[]).map((item) => item.owner.toLowerCase());
    expect(owners.length).toBeGreaterThan(0);
    expect(new Set(owners)).toEqual(new Set(['@dana']));
  });

  it('validate_postmortem accepts a shipped example and reports an invalid one as a tool error with the validator’s messages', async () => {
    const name = 'postmortem-2026-07-01-wal-disk-full.md';
    const good = await call('validate_postmortem', { text: readFileSync(path.join(ROOT, EXAMPLES, name), 'utf8'), file_name: name });
    expect(good.isError).toBeFalsy();
    expect(good.structuredContent).toMatchObject({ valid: true, errors: 0 });

    const badName = 'postmortem-2026-03-14-severity-critical.md';
    const badText = readFileSync(path.join(ROOT, 'tests/fixtures/invalid', badName), 'utf8');
    const bad = await call('validate_postmortem', { text: badText, file_name: badName });
    expect(bad.isError).toBe(true);
    const core = validatePostmortems([parsePostmortem(badName, badText)]).files[0]!.problems;
    expect(core.length).toBeGreaterThan(0);
    for (const problem of core) {
      expect(text(bad)).toContain(problem.message);
      expect(text(bad)).toContain(problem.hint);
    }
    expect(bad.structuredContent).toMatchObject({ valid: false });
  });

  it('scaffold_postmortem creates a valid draft in the post-mortem folder and never replaces it', async () => {
    // A server of its own, whose post-mortem folder is the scratch folder: the scaffold writes nowhere else.
    const writer = await startServer(scratch);
    const call = (name: string, args: Record<string, unknown>) => writer.callTool({ name, arguments: args }) as Promise<ToolResult>;
    const args = { title: 'Checkout latency after cache flush', date: '2026-11-26', severity: 'SEV-3', services: ['checkout', 'redis'], authors: ['Test Agent'], milestones: { started_at: '2026-11-26T09:00:00Z' } };
    const outside = await call('scaffold_postmortem', { ...args, directory: path.dirname(scratch) });
    expect(outside.isError).toBe(true);
    expect(text(outside)).toContain('outside the post-mortem folder');
    expect(readdirSync(path.dirname(scratch)).filter((name) => name.startsWith('postmortem-2026-11-26'))).toEqual([]);
    const created = await call('scaffold_postmortem', args);
    expect(created.isError, text(created)).toBeFalsy();
    const file = path.resolve(ROOT, (created.structuredContent as { path: string }).path);
    expect(path.dirname(file)).toBe(scratch);
    const written = readFileSync(file, 'utf8');
    expect(validatePostmortems([parsePostmortem(file, written)]).summary.invalid).toBe(0);
    expect(created.structuredContent).toMatchObject({ slug: '2026-11-26-checkout-latency-cache-flush', status: 'draft' });
    const before = statSync(file).mtimeMs;

    const again = await call('scaffold_postmortem', args);
    expect(again.isError).toBe(true);
    expect(text(again)).toContain('already exists');
    expect(readFileSync(file, 'utf8')).toBe(written);
    expect(statSync(file).mtimeMs).toBe(before);
    expect(readdirSync(scratch)).toEqual([path.basename(file)]);
    await writer.close();
  });

  it('rejects bad arguments as tool errors naming the field', async () => {
    const result = await call('scaffold_postmortem', { title: 'x', date: '2026-02-30', severity: 'critical', services: ['api'], authors: ['a'], directory: scratch });
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/severity/);
    expect(text(result)).toContain('is not a real calendar date');
    expect(readdirSync(scratch).filter((file) => file.includes('2026-02-30'))).toEqual([]);
    expect(stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
