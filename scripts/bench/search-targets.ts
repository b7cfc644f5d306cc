/**
 * Issue 26's search budgets judged against a bench run: the site's search
 * (first results shown and settled after the last keystroke, bytes of the
 * first and of each later query), stock Pagefind on the same index as the
 * peer it must not be slower than, and the agents' search (a warm MCP call,
 * a cold `hindsight search`).
 */
import { median } from '../../src/lib/postmortem/stats.ts';
import type { AgentSearchSpeed } from './agent-search-speed.ts';
import type { Target } from './bench-results.ts';
import type { SearchMeasurement } from './search-latency.ts';
import type { StockPagefindMeasurement } from './stock-pagefind.ts';

const KB = 1024;
/** The budgets, in one place (issue 26; the byte budgets are issue 16's). */
export const SEARCH_BUDGETS = {
  firstShownP95Ms: 50,
  settledP95Ms: 300,
  firstQueryGzip: 300 * KB,
  laterQueryGzip: 100 * KB,
  mcpWarmP95Ms: 50,
  cliColdMs: 600,
} as const;
/** Timed queries a latency needs before it is judged. */
const ENOUGH_QUERIES = 50;

const ms = (value: number | null | undefined) => (value === null || value === undefined ? '—' : `${value.toFixed(1)} ms`);
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

/** The site's search and its peer at N = `n`. */
export function searchTargets(s: SearchMeasurement | null, stock: StockPagefindMeasurement | null, n: string): Target[] {
  const ok = s?.status === 'ok' ? s : null;
  const q = ok?.queries;
  const enough = q !== undefined && q.measured >= ENOUGH_QUERIES;
  const few = q && !enough ? `only ${q.measured} queries changed the list (need ${ENOUGH_QUERIES})` : undefined;
  // Bytes each timed query fetched, when the measurement reports them (an older one may not).
  const later = (q?.samples ?? []).map((sample) => sample.gzip as number | undefined).filter((gzip): gzip is number => typeof gzip === 'number');
  const laterMax = later.length ? Math.max(...later) : null;
  const first = q?.firstShown?.p95Ms ?? null;
  const peer = stock?.status === 'ok' ? stock.queries : null;
  return [
    {
      label: `search, first results shown p95 after the last keystroke (N = ${n})`,
      target: `≤ ${SEARCH_BUDGETS.firstShownP95Ms} ms`,
      measured: q && first !== null ? `${ms(first)} (median ${ms(q.firstShown?.medianMs)}, ${q.measured} queries)` : missing(s),
      pass: enough && first !== null ? first <= SEARCH_BUDGETS.firstShownP95Ms : null,
      note: few,
    },
    {
      label: `search, results settled p95 after the last keystroke (N = ${n})`,
      target: `≤ ${SEARCH_BUDGETS.settledP95Ms} ms`,
      measured: q && q.p95Ms !== null ? `${ms(q.p95Ms)} (median ${ms(q.medianMs)}, max ${ms(q.maxMs)})` : missing(s),
      pass: enough && q.p95Ms !== null ? q.p95Ms <= SEARCH_BUDGETS.settledP95Ms : null,
      note: few,
    },
    {
      label: `search settled p95 vs stock Pagefind's search + first 10 fragments, same index and queries (N = ${n})`,
      target: '≤ 1.0×',
      measured: q && q.p95Ms !== null && peer?.p95Ms ? `${(q.p95Ms / peer.p95Ms).toFixed(2)}× (${ms(q.p95Ms)} vs ${ms(peer.p95Ms)}; medians ${ms(q.medianMs)} vs ${ms(peer.medianMs)})` : stock ? `stock Pagefind: ${stock.status}${stock.note ? `: ${stock.note}` : ''}` : 'not run',
      pass: enough && q.p95Ms !== null && peer?.p95Ms ? q.p95Ms <= peer.p95Ms : null,
      note: peer ? `stock fetched: first query ${kb(stock!.first?.gzip ?? 0)}, later max ${kb(peer.fetched.maxGzip ?? 0)}` : undefined,
    },
    {
      label: `search, everything the first query fetches (gzip, N = ${n})`,
      target: `≤ ${kb(SEARCH_BUDGETS.firstQueryGzip)}`,
      measured: ok?.firstSearch ? `${kb(ok.firstSearch.gzip)} (data ${kb(split(ok.firstSearch.resources).data)}, code ${kb(split(ok.firstSearch.resources).code)})` : missing(s),
      pass: ok?.firstSearch ? ok.firstSearch.gzip <= SEARCH_BUDGETS.firstQueryGzip : null,
    },
    {
      label: `search, most any later query fetches (gzip, N = ${n})`,
      target: `≤ ${kb(SEARCH_BUDGETS.laterQueryGzip)}`,
      measured: laterMax !== null ? `${kb(laterMax)} (median ${kb(median(later)!)}, ${later.length} queries)` : ok ? 'not reported by the search measurement' : missing(s),
      pass: laterMax !== null ? laterMax <= SEARCH_BUDGETS.laterQueryGzip : null,
    },
  ];
}

/** The agents' search at N = `n`. */
export function agentTargets(a: AgentSearchSpeed | null, n: string): Target[] {
  return [
    {
      label: `MCP search_postmortems, warm, p95 (N = ${n})`,
      target: `≤ ${SEARCH_BUDGETS.mcpWarmP95Ms} ms`,
      measured: a ? `${ms(a.mcp.p95Ms)} (median ${ms(a.mcp.medianMs)}, ${a.mcp.samples.length - 1} calls; first call ${ms(a.mcp.firstMs)})` : 'not run',
      pass: a && a.mcp.p95Ms !== null ? a.mcp.p95Ms <= SEARCH_BUDGETS.mcpWarmP95Ms : null,
    },
    {
      label: `\`hindsight search\` cold, median (N = ${n})`,
      target: `≤ ${SEARCH_BUDGETS.cliColdMs} ms`,
      measured: a ? `${ms(a.cli.medianMs)} (CPU ${ms(a.cli.cpuMedianMs)}; p95 ${ms(a.cli.p95Ms)}, ${a.cli.samples.length - 1} runs; the first, which writes the snapshot, ${ms(a.cli.firstMs)})` : 'not run',
      pass: a && a.cli.medianMs !== null ? a.cli.medianMs <= SEARCH_BUDGETS.cliColdMs && a.cli.samples.every((sample) => sample.ok) : null,
      note: 'a process per query: `node scripts/hindsight.mjs search <query> --format json`, what `npx hindsight search` runs',
    },
  ];
}

/** Splits what the first search fetched into data (JSON and other non-code) and code. */
function split(resources: readonly { type: string; gzip: number }[]): { data: number; code: number } {
  let data = 0;
  let code = 0;
  for (const r of resources) {
    if (r.type === 'inline-script') continue;
    if (r.type === 'script') code += r.gzip;
    else data += r.gzip;
  }
  return { data, code };
}

function missing(s?: SearchMeasurement | null): string {
  if (!s) return 'not run';
  return s.status === 'ok' ? '—' : `${s.status}${s.note ? `: ${s.note}` : ''}`;
}
