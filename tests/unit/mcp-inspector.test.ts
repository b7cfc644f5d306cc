/**
 * The MCP server driven by a client this project did not write: the official
 * MCP Inspector's CLI (@modelcontextprotocol/inspector-cli, pinned; the
 * version that runs on Node 20, see docs/MCP.md), one real process per call
 * as a client that starts the server does. Every tool is called and its
 * answer checked against what docs/MCP.md promises: structured content in
 * snake_case, text that summarises instead of repeating it, a neutral label
 * for text validated without a file name.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runProcess } from './helpers/run-process.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const EXAMPLES = 'docs/spec/.llm/completed';
const INSPECTOR = path.join(ROOT, 'node_modules/@modelcontextprotocol/inspector-cli/build/cli.js');
const TODAY = '2026-11-27';
const scratch = mkdtempSync(path.join(os.tmpdir(), 'hindsight-inspector-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface ToolResult {
  isError?: boolean;
  content: { type: string; text: string }[];
  structuredContent?: Record<string, unknown>;
}

/** One Inspector run: it starts the server (as a client configured per docs/MCP.md does), calls, prints JSON and ends. */
async function inspect(method: string, extra: string[] = [], archive = EXAMPLES): Promise<unknown> {
  const result = await runProcess(process.execPath, [INSPECTOR, '--cli', process.execPath, 'scripts/launch.mjs', 'mcp', '--method', method, ...extra], {
    cwd: ROOT,
    env: { ...process.env, POSTMORTEM_DIR: archive, HINDSIGHT_TODAY: TODAY },
  });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

const callTool = async (name: string, args: Record<string, string>, archive = EXAMPLES) =>
  (await inspect('tools/call', ['--tool-name', name, '--tool-arg', ...Object.entries(args).map(([key, value]) => `${key}=${value}`)], archive)) as ToolResult;

/** Every key of a JSON value (or of a JSON Schema's properties), at any depth. */
function keysOf(value: unknown, schema = false): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => keysOf(item, schema));
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => {
    const own = schema ? (key === 'properties' && inner && typeof inner === 'object' ? Object.keys(inner) : []) : [key];
    return [...own, ...keysOf(inner, schema)];
  });
}

const SNAKE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;
const textOf = (result: ToolResult) => result.content.map((part) => part.text).join('\n');

describe('the MCP Inspector CLI drives every tool', { timeout: 120_000 }, () => {
  it('tools/list: six tools whose input and output schemas name every property in snake_case', async () => {
    const { tools } = (await inspect('tools/list')) as { tools: { name: string; inputSchema: object; outputSchema: object }[] };
    expect(tools.map((tool) => tool.name).sort()).toEqual(['find_similar_incidents', 'get_postmortem', 'list_action_items', 'scaffold_postmortem', 'search_postmortems', 'validate_postmortem']);
    for (const tool of tools) {
      const keys = [...keysOf(tool.inputSchema, true), ...keysOf(tool.outputSchema, true)];
      expect(keys.filter((key) => !SNAKE.test(key)), tool.name).toEqual([]);
    }
  });

  it('search_postmortems: results as structured content, a short summary as text', async () => {
    const result = await callTool('search_postmortems', { query: 'postgres', limit: '3' });
    expect(result.isError).toBeFalsy();
    const output = result.structuredContent as { total: number; results: { slug: string; summary: string }[] };
    expect(output.results).toHaveLength(3);
    const text = textOf(result);
    for (const hit of output.results) expect(text).toContain(hit.slug);
    expect(text).toContain('get_postmortem');
    // A summary, not the structured content again: no result's summary paragraph, and a fraction of its size.
    for (const hit of output.results) expect(text).not.toContain(hit.summary);
    expect(text.length * 4).toBeLessThan(JSON.stringify(output).length);
  });

  it('get_postmortem: the whole post-mortem as structured content, its outline as text', async () => {
    const result = await callTool('get_postmortem', { slug: '2025-07-16-pgbouncer-pool-exhaustion' });
    expect(result.isError).toBeFalsy();
    const output = result.structuredContent as { slug: string; sections: { markdown: string }[]; action_items: unknown[] };
    expect(output.slug).toBe('2025-07-16-pgbouncer-pool-exhaustion');
    expect(output.sections.length).toBeGreaterThan(5);
    expect(textOf(result).length * 3).toBeLessThan(JSON.stringify(output).length);
    expect(keysOf(output).filter((key) => !SNAKE.test(key))).toEqual([]);
  });

  it('find_similar_incidents: the earlier incident most like a description', async () => {
    const result = await callTool('find_similar_incidents', { text: 'API 503s, pgbouncer connection pool exhausted, postgres connections maxed' });
    expect(result.isError).toBeFalsy();
    const output = result.structuredContent as { results: { slug: string }[] };
    expect(output.results[0]!.slug).toBe('2025-07-16-pgbouncer-pool-exhaustion');
    expect(textOf(result)).toContain('2025-07-16-pgbouncer-pool-exhaustion');
    expect(keysOf(output).filter((key) => !SNAKE.test(key))).toEqual([]);
  });

  it('list_action_items: snake_case keys (age_days, due_soon), counts and overdue items', async () => {
    const result = await callTool('list_action_items', { status: 'overdue', today: TODAY, limit: '3' });
    expect(result.isError).toBeFalsy();
    const output = result.structuredContent as { today: string; counts: Record<string, number>; items: { overdue: boolean; age_days: number }[] };
    expect(Object.keys(output.counts).sort()).toEqual(['done_recently', 'due_soon', 'open', 'overdue']);
    expect(output.items).toHaveLength(3);
    for (const item of output.items) expect(item.overdue && item.age_days > 0).toBe(true);
    expect(keysOf(output).filter((key) => !SNAKE.test(key))).toEqual([]);
    expect(textOf(result)).toContain(`As of ${TODAY}: ${output.counts.open} open, ${output.counts.overdue} overdue`);
  });

  it('validate_postmortem: a valid example; an invalid text without a file name is reported as `<text>`, never an invented file', async () => {
    const name = 'postmortem-2026-07-01-wal-disk-full.md';
    const good = await callTool('validate_postmortem', { text: readFileSync(path.join(ROOT, EXAMPLES, name), 'utf8'), file_name: name });
    expect(good.isError).toBeFalsy();
    expect(good.structuredContent).toMatchObject({ valid: true, errors: 0 });

    const bad = await callTool('validate_postmortem', { text: readFileSync(path.join(ROOT, 'tests/fixtures/invalid/postmortem-2026-03-14-severity-critical.md'), 'utf8') });
    expect(bad.isError).toBe(true);
    expect(bad.structuredContent).toMatchObject({ valid: false });
    expect(textOf(bad)).toMatch(/^<text>:\d+:\d+/m);
    expect(textOf(bad)).not.toContain('postmortem-2026-03-14-');
  });

  it('scaffold_postmortem: creates a draft in the post-mortem folder, and refuses to replace it or to write outside it', async () => {
    const args = { title: 'Checkout latency after cache flush', date: '2026-11-26', severity: 'SEV-3', services: '["checkout"]', authors: '["Test Agent"]' };
    const outside = await callTool('scaffold_postmortem', { ...args, directory: os.tmpdir() }, scratch);
    expect(outside.isError).toBe(true);
    expect(textOf(outside)).toContain('outside the post-mortem folder');
    const created = await callTool('scaffold_postmortem', args, scratch);
    expect(created.isError, textOf(created)).toBeFalsy();
    expect(created.structuredContent).toMatchObject({ slug: '2026-11-26-checkout-latency-cache-flush', status: 'draft' });
    expect(readdirSync(scratch)).toEqual(['postmortem-2026-11-26-checkout-latency-cache-flush.md']);
    const again = await callTool('scaffold_postmortem', args, scratch);
    expect(again.isError).toBe(true);
    expect(textOf(again)).toContain('already exists');
  });
});
