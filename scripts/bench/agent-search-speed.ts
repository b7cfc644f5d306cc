/**
 * The agents' search at the archive's size, as agents meet it: `hindsight
 * search` started cold for each query (a process per call, as a terminal or an
 * agent's shell runs it), and the MCP server's `search_postmortems` called
 * again and again over one connection (warm: every call after the first).
 * Wall time per call from this process, with the server's or command's start
 * included where it is part of the call, and each CLI process's CPU time
 * (GNU time), which a busy machine inflates less than wall time.
 *
 *   npx tsx scripts/bench/agent-search-speed.ts <archive-dir> [queries] [--samples]
 *
 * `--samples` also lists the slowest warm MCP calls with their queries (where a p95 comes from).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { quantile } from '../../src/lib/postmortem/stats.ts';
import { searchQueries } from './queries.ts';
import { REPO_ROOT } from './sites.ts';

export interface AgentSearchSpeed {
  /** `node scripts/hindsight.mjs search <query> --format json` per query (what `npx hindsight search` runs), ms. */
  cli: { firstMs: number; medianMs: number | null; p95Ms: number | null; cpuMedianMs: number | null; samples: { query: string; ms: number; cpuMs: number | null; ok: boolean }[] };
  /** search_postmortems over one MCP connection: the first call (reads the archive), then the warm ones. */
  mcp: { firstMs: number; medianMs: number | null; p95Ms: number | null; samples: { query: string; ms: number }[] };
}

const HINDSIGHT = path.join(REPO_ROOT, 'scripts', 'hindsight.mjs');
const GNU_TIME = '/usr/bin/time';

/** Times `cliRuns` cold CLI searches and every query over MCP, against `archiveDir`. */
export async function measureAgentSearch(archiveDir: string, queries: readonly string[], cliRuns = 12): Promise<AgentSearchSpeed> {
  const env = { ...(process.env as Record<string, string>), POSTMORTEM_DIR: archiveDir };
  // The first cold run also writes what later cold runs reuse (the launcher's bundle, a search cache): timed apart.
  const cliSamples = queries.slice(0, cliRuns + 1).map((query) => {
    const started = performance.now();
    // GNU time adds the process's CPU time (user + system), which a busy machine does not inflate as it does wall time.
    const timed = existsSync(GNU_TIME);
    const command = timed ? [GNU_TIME, '-f', 'cpu %U %S', process.execPath] : [process.execPath];
    const run = spawnSync(command[0]!, [...command.slice(1), HINDSIGHT, 'search', query, '--format', 'json'], { cwd: REPO_ROOT, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const cpu = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(run.stderr ?? '');
    return { query, ms: performance.now() - started, cpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : null, ok: run.status === 0 };
  });
  const [firstCli, ...cliRest] = cliSamples;

  const transport = new StdioClientTransport({ command: process.execPath, args: [HINDSIGHT, 'mcp'], cwd: REPO_ROOT, env, stderr: 'ignore' });
  const client = new Client({ name: 'hindsight-bench', version: '1.0.0' });
  await client.connect(transport);
  const mcpSamples: { query: string; ms: number }[] = [];
  try {
    for (const query of queries) {
      const started = performance.now();
      // The first call may read and index the whole archive: longer than the client's default minute at 10,000.
      await client.callTool({ name: 'search_postmortems', arguments: { query, limit: 10 } }, undefined, { timeout: 15 * 60_000 });
      mcpSamples.push({ query, ms: performance.now() - started });
    }
  } finally {
    await client.close();
  }
  const [firstMcp, ...mcpRest] = mcpSamples;
  const times = (samples: readonly { ms: number }[]) => samples.map((sample) => sample.ms);
  return {
    cli: {
      firstMs: firstCli!.ms,
      medianMs: quantile(times(cliRest), 0.5),
      p95Ms: quantile(times(cliRest), 0.95),
      cpuMedianMs: quantile(cliRest.flatMap((sample) => (sample.cpuMs === null ? [] : [sample.cpuMs])), 0.5),
      samples: cliSamples,
    },
    mcp: { firstMs: firstMcp!.ms, medianMs: quantile(times(mcpRest), 0.5), p95Ms: quantile(times(mcpRest), 0.95), samples: mcpSamples },
  };
}

/** The `count` slowest warm MCP calls, slowest first, one line each. */
export function slowestMcpCalls(speed: AgentSearchSpeed, count = 10): string {
  const warm = speed.mcp.samples.slice(1).sort((a, b) => b.ms - a.ms);
  return `${warm.slice(0, count).map((sample) => `  ${sample.ms.toFixed(1).padStart(7)} ms  ${sample.query}`).join('\n')}\n`;
}

/** One line per figure, for the terminal. */
export function formatAgentSearch(speed: AgentSearchSpeed): string {
  const ms = (value: number | null) => (value === null ? '—' : `${value.toFixed(0)} ms`);
  const failed = speed.cli.samples.filter((sample) => !sample.ok).length;
  return [
    `hindsight search, cold process per query: first ${ms(speed.cli.firstMs)}; then median ${ms(speed.cli.medianMs)} (CPU ${ms(speed.cli.cpuMedianMs)}), p95 ${ms(speed.cli.p95Ms)} over ${speed.cli.samples.length - 1}${failed ? ` (${failed} FAILED)` : ''}`,
    `MCP search_postmortems, one connection: first call ${ms(speed.mcp.firstMs)}; warm median ${ms(speed.mcp.medianMs)}, p95 ${ms(speed.mcp.p95Ms)} over ${speed.mcp.samples.length - 1}`,
    '',
  ].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const args = process.argv.slice(2);
  const [archiveDir, count = '60'] = args.filter((arg) => arg !== '--samples');
  if (!archiveDir) {
    process.stderr.write('usage: agent-search-speed.ts <archive-dir> [queries] [--samples]\n');
    process.exit(2);
  }
  const speed = await measureAgentSearch(path.resolve(archiveDir), searchQueries(Number(count) + 1));
  process.stdout.write(formatAgentSearch(speed) + (args.includes('--samples') ? `slowest warm MCP calls:\n${slowestMcpCalls(speed)}` : ''));
}
