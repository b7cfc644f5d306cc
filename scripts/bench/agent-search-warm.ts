/**
 * The MCP server's warm search in one process, query by query: the server's
 * own path (searchSourceReader, then searchSource, as search_postmortems
 * runs them) without the protocol, with each call's CPU time, which a busy
 * machine inflates less than the wall time agent-search-speed.ts measures
 * over a connection. Lists the slowest queries: where a p95 comes from.
 * The snapshot must be current (agent-search-speed.ts's first CLI run, or any
 * `hindsight search`, writes it); otherwise the first call reads the archive.
 *
 *   npx tsx scripts/bench/agent-search-warm.ts <archive-dir> [queries]
 */
import path from 'node:path';
import { searchSource } from '../../src/lib/agent/agent-search.ts';
import { searchSourceReader } from '../../src/lib/agent/search-snapshot.ts';
import { quantile } from '../../src/lib/postmortem/stats.ts';
import { searchQueries } from './queries.ts';
import { REPO_ROOT } from './sites.ts';

const [archiveDir, count = '60'] = process.argv.slice(2);
if (!archiveDir) {
  process.stderr.write('usage: agent-search-warm.ts <archive-dir> [queries]\n');
  process.exit(2);
}
const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};
// The bench's queries, as agent-search-speed.ts sends them: the first is the server's first call.
const [first, ...queries] = searchQueries(Number(count) + 1);
const read = searchSourceReader(path.resolve(archiveDir), REPO_ROOT);
const started = process.cpuUsage();
searchSource(await read(), { query: first!, limit: 10 });
const firstMs = cpuMs(started);
const samples: { query: string; ms: number }[] = [];
for (const query of queries) {
  const source = await read();
  const before = process.cpuUsage();
  searchSource(source, { query, limit: 10 });
  samples.push({ query, ms: cpuMs(before) });
}
const times = samples.map((sample) => sample.ms);
const ms = (value: number | null) => `${(value ?? 0).toFixed(1)} ms`;
process.stdout.write(
  [
    `first call ${ms(firstMs)} CPU; warm median ${ms(quantile(times, 0.5))}, p95 ${ms(quantile(times, 0.95))}, total ${ms(times.reduce((sum, time) => sum + time, 0))} over ${samples.length}`,
    'slowest warm calls (CPU):',
    ...[...samples].sort((a, b) => b.ms - a.ms).slice(0, 10).map((sample) => `  ${sample.ms.toFixed(1).padStart(7)} ms  ${sample.query}`),
    '',
  ].join('\n'),
);
