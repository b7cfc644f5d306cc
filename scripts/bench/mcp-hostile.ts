/**
 * Every MCP tool called with hostile arguments: device files, FIFOs, paths out
 * of the repository, oversized texts, texts at the size limit made of runs
 * that once made rules backtrack, long queries. Prints each call's wall time
 * and the server's peak resident memory (VmHWM). The bound: 5 s and 500 MB.
 * Run: `npx tsx scripts/bench/mcp-hostile.ts`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const EXAMPLES = 'docs/spec/.llm/completed';
const VALID = readFileSync(path.join(ROOT, 'tests/fixtures/valid/postmortem-2026-03-14-report-export-timeouts.md'), 'utf8');
const filled = (unit: string) => VALID.replace('## Timeline', `Text ${unit.repeat(Math.ceil((127 * 1024 - VALID.length) / unit.length))}\n\n## Timeline`).slice(0, 128 * 1024 - 10);

const transport = new StdioClientTransport({ command: process.execPath, args: [path.join(ROOT, 'scripts/launch.mjs'), 'mcp'], cwd: ROOT, env: { ...(process.env as Record<string, string>), POSTMORTEM_DIR: EXAMPLES }, stderr: 'ignore' });
const client = new Client({ name: 'hindsight-bench', version: '1.0.0' });
await client.connect(transport);
const calls: [string, Record<string, unknown>][] = [
  ['find_similar_incidents', { path: '/dev/zero' }],
  ['find_similar_incidents', { path: '/dev/urandom' }],
  ['find_similar_incidents', { path: '../../../../etc/shadow' }],
  ['find_similar_incidents', { path: 'node_modules' }],
  ['find_similar_incidents', { text: 'x'.repeat(64 * 1024 * 1024) }],
  ['validate_postmortem', { text: 'y'.repeat(64 * 1024 * 1024) }],
  ...[' ', '](', '[a](', '*a', '> ', '- ', '`', '|', 'The engineer failed to '].flatMap((unit): [string, Record<string, unknown>][] => [
    ['validate_postmortem', { text: filled(unit) }],
    ['find_similar_incidents', { text: filled(unit) }],
  ]),
  ['search_postmortems', { query: '](*`|'.repeat(100) }],
  ['search_postmortems', { query: 'postgres pool '.repeat(35) }],
  ['get_postmortem', { slug: '../'.repeat(90) }],
  ['list_action_items', { status: 'all', owner: 'x'.repeat(300) }],
];
let worst = 0;
for (const [name, args] of calls) {
  const start = performance.now();
  const outcome = await client.callTool({ name, arguments: args }).then(
    (result) => ((result as { isError?: boolean }).isError ? 'tool error' : 'answered'),
    (error: Error) => `refused: ${error.message.slice(0, 40)}`,
  );
  const ms = performance.now() - start;
  worst = Math.max(worst, ms);
  console.log(`${name} ${JSON.stringify(args).slice(0, 50)}… ${ms.toFixed(0)} ms (${outcome})`);
}
const pid = (transport as unknown as { pid: number | null }).pid;
const peak = pid ? /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] : null;
console.log(`worst call ${worst.toFixed(0)} ms; server peak memory ${peak ? `${(Number(peak) / 1024).toFixed(0)} MB` : 'unknown'}`);
await client.close();
