/**
 * The benchmark's result: its JSON shape, the issue's targets judged against
 * it, a table for the terminal and the Markdown block for docs/PERFORMANCE.md.
 */
import type { CommandMeasurement } from './measure-build.ts';
import type { PageWeight } from './page-weights.ts';
import type { AgentSearchSpeed } from './agent-search-speed.ts';
import type { SearchMeasurement } from './search-latency.ts';
import { agentTargets, searchTargets } from './search-targets.ts';
import type { StockPagefindMeasurement } from './stock-pagefind.ts';
import type { ValidateMeasurement } from './measure-validate.ts';

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  os: string;
  /** 1-minute load average when the bench started: above the core count, figures are noisy. */
  loadAverage: number;
}

export interface SiteRun {
  count: number;
  archiveBytes: number;
  build: CommandMeasurement;
  pages: PageWeight[];
  search: SearchMeasurement | null;
  /** Stock Pagefind on the same index and queries: the peer the site's search must not be slower than. */
  stock?: StockPagefindMeasurement | null;
}

export interface BenchResult {
  command: string;
  startedAt: string;
  durationS: number;
  machine: Machine;
  options: { count: number; runs: number; buildRuns: number };
  /** `npm run validate` at 1,000 and 10,000 post-mortems, whatever N is. */
  validate: ValidateMeasurement[];
  /** Hindsight at N: its cold build (median of the runs), page weights and search. */
  hindsight: SiteRun | null;
  /** The like-for-like baseline: bare Astro over the same files with Hindsight's Markdown options (src/lib/markdown/options.ts). */
  baseline: CommandMeasurement | null;
  /** Hindsight built again after one post-mortem was added, with the cold build's cache kept. */
  rebuild: CommandMeasurement | null;
  /** The agents' search over the generated archive: cold CLI, warm MCP. */
  agents?: AgentSearchSpeed | null;
  targets: Target[];
}

export interface Target {
  label: string;
  target: string;
  measured: string;
  /** null: not measured in this run. */
  pass: boolean | null;
  note?: string;
}

const KB = 1024;
/** Issue 16's validate, build and page budgets, in one place (search's: search-targets.ts). */
export const BUDGETS = {
  /** Cold `npm run validate --no-cache`, by archive size. */
  validateMs: { 1000: 1000, 10000: 4000 } as Record<number, number>,
  /** Wall time and peak memory against the like-for-like bare Astro build. */
  buildRatio: 1.2,
  memoryRatio: 1.2,
  /** A rebuild after one added post-mortem, as a share of the cold build. */
  rebuildShare: 0.3,
  /** Everything a page type's first load fetches (gzip). */
  pageGzip: 150 * KB,
} as const;
/** The bench must finish at its default size within this. */
export const TOTAL_BUDGET_S = 15 * 60;

/** Judges every budget of issues 16 and 26 against a result (at N = options.count unless the target names its size); search's are in search-targets.ts. */
export function evaluateTargets(r: Omit<BenchResult, 'targets'>): Target[] {
  const n = r.options.count;
  return [...validateTargets(r.validate), ...buildTargets(r, n), ...pageTargets(r.hindsight, n), ...searchTargets(r.hindsight?.search ?? null, r.hindsight?.stock ?? null, count(n)), ...agentTargets(r.agents ?? null, count(n)), durationTarget(r)];
}

function validateTargets(runs: readonly ValidateMeasurement[]): Target[] {
  return runs.map((v) => {
    const budget = BUDGETS.validateMs[v.count];
    return {
      label: `validate, ${count(v.count)} post-mortems (\`npm run validate\`, cold, --no-cache)`,
      target: budget ? `≤ ${seconds(budget)}` : 'no budget at this size',
      measured: `${seconds(v.medianMs)} (median of ${v.runsMs.length}${v.cpuMedianMs === undefined ? '' : `, CPU ${seconds(v.cpuMedianMs)}`}; npm and start-up alone ${seconds(v.startupMedianMs)})`,
      pass: budget ? v.valid && v.medianMs <= budget : null,
      note: v.valid ? (v.cachedMedianMs !== undefined ? `unchanged files from the result cache: ${seconds(v.cachedMedianMs)}` : undefined) : v.failure,
    };
  });
}

function buildTargets(r: Omit<BenchResult, 'targets'>, n: number): Target[] {
  const hb = r.hindsight?.build;
  const sb = r.baseline;
  const like = hb?.ok && sb?.ok ? { hb, sb } : null;
  const mem = (b: CommandMeasurement) => b.peakRssMiB ?? b.treePeakRssMiB;
  const memory = like && mem(like.hb) && mem(like.sb) ? { h: mem(like.hb)!, s: mem(like.sb)! } : null;
  const rb = r.rebuild;
  return [
    {
      label: `build at N = ${count(n)} completes`,
      target: 'builds',
      measured: hb ? (hb.ok ? `built in ${seconds(hb.wallMs)}, peak ${mib(mem(hb))}` : `failed (exit ${hb.exitCode}); see ${hb.logFile}`) : 'not run',
      pass: hb ? hb.ok : null,
    },
    {
      label: `build wall time vs bare Astro with the same Markdown options (N = ${count(n)})`,
      target: `≤ ${BUDGETS.buildRatio}×`,
      measured: like ? `${ratio(like.hb.wallMs, like.sb.wallMs)} (${seconds(like.hb.wallMs)} vs ${seconds(like.sb.wallMs)}${medianOf(like.hb)})` : failedBuild(hb, sb ?? undefined),
      pass: like ? like.hb.wallMs <= BUDGETS.buildRatio * like.sb.wallMs : null,
      note: like ? `CPU (user + sys) ${cpu(like.hb)} vs ${cpu(like.sb)}` : undefined,
    },
    {
      label: `build peak memory vs bare Astro with the same Markdown options (N = ${count(n)})`,
      target: `≤ ${BUDGETS.memoryRatio}×`,
      measured: memory ? `${ratio(memory.h, memory.s)} (${mib(memory.h)} vs ${mib(memory.s)})` : failedBuild(hb, sb ?? undefined),
      pass: memory ? memory.h <= BUDGETS.memoryRatio * memory.s : null,
      note: like ? `largest process RSS${like.hb.peakRssMiB === null ? ' (sampled tree)' : ' (GNU time)'}; whole tree ${mib(like.hb.treePeakRssMiB)} vs ${mib(like.sb.treePeakRssMiB)}` : undefined,
    },
    {
      label: `rebuild after adding one post-mortem, cache kept (N = ${count(n)})`,
      target: `≤ ${BUDGETS.rebuildShare * 100}% of the cold build`,
      measured: rb?.ok && hb?.ok ? `${((100 * rb.wallMs) / hb.wallMs).toFixed(0)}% (${seconds(rb.wallMs)} vs ${seconds(hb.wallMs)})` : rb ? `failed (exit ${rb.exitCode}); see ${rb.logFile}` : 'not run',
      pass: rb?.ok && hb?.ok ? rb.wallMs <= BUDGETS.rebuildShare * hb.wallMs : rb ? false : null,
      note: rb?.ok && hb?.ok ? `CPU ${cpu(rb)} vs ${cpu(hb)}; the cold figure is the last cold run's cache folder, rebuilt once` : undefined,
    },
  ];
}

/** Every page type's first load against the page budget; a page the site does not have is `missing`, not a failure. */
function pageTargets(run: SiteRun | null, n: number): Target[] {
  return (run?.pages ?? []).map((p) => ({
    label: `${p.type} first load (gzip, N = ${count(n)})`,
    target: `≤ ${kb(BUDGETS.pageGzip)}`,
    measured: p.status === 'ok' ? `${kb(p.totalGzip)} (JS ${kb(p.jsGzip)}, HTML ${kb(p.htmlGzip)})` : `${p.status}${p.error ? ` (${p.error})` : ''}`,
    pass: p.status === 'ok' ? p.totalGzip <= BUDGETS.pageGzip : p.status === 'missing' ? null : false,
    note: `/${p.path}`,
  }));
}

function durationTarget(r: Omit<BenchResult, 'targets'>): Target {
  const n = r.options.count;
  return {
    label: '`npm run bench` at its default N',
    target: `< ${TOTAL_BUDGET_S / 60} min`,
    measured: `${(r.durationS / 60).toFixed(1)} min`,
    pass: n === 1000 ? r.durationS < TOTAL_BUDGET_S : null,
    note: n === 1000 ? undefined : `this run used N = ${count(n)}`,
  };
}

/** The terminal table: every target with its measured figure, then the page weights. */
export function formatTable(r: BenchResult): string {
  const rows = r.targets.map((t) => [verdict(t.pass), t.label, t.target, t.measured + (t.note ? `  [${t.note}]` : '')]);
  const lines = [table(['', 'target', 'budget', 'measured'], rows), ''];
  const run = r.hindsight;
  if (run?.pages.length) {
    lines.push(`Page weights at N = ${run.count} (gzip):`);
    lines.push(table(['page', 'path', 'JS', 'HTML', 'CSS', 'total', 'requests'], run.pages.map((p) =>
      p.status === 'ok' ? [p.type, p.path, kb(p.jsGzip), kb(p.htmlGzip), kb(p.cssGzip), kb(p.totalGzip), String(p.requests)] : [p.type, p.path, p.status, p.error ?? '', '', '', ''])));
    lines.push('');
  }
  return lines.join('\n');
}

/** The Markdown block docs/PERFORMANCE.md keeps between its bench markers for this N. */
export function formatMarkdown(r: BenchResult): string {
  const m = r.machine;
  const lines = [
    `Measured ${r.startedAt.slice(0, 16).replace('T', ' ')} UTC with \`${r.command}\` in ${(r.durationS / 60).toFixed(1)} min.`,
    `Machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB.toFixed(0)} GiB RAM, Node ${m.node}, ${m.os}; 1-minute load average ${m.loadAverage.toFixed(1)} at the start${m.loadAverage > m.cpus ? ' (busy machine: figures are noisy)' : ''}.`,
    '',
    '| | Target | Budget | Measured | Note |',
    '|---|---|---|---|---|',
    ...r.targets.map((t) => `| ${verdict(t.pass)} | ${t.label} | ${t.target} | ${t.measured} | ${t.note ?? ''} |`),
    '',
  ];
  const run = r.hindsight;
  if (run?.pages.length) {
    lines.push(`Page weights at N = ${run.count} (gzip, level 6; cold load, everything fetched until the network is idle):`, '');
    lines.push('| Page | Path | JS | HTML | CSS | Total | Requests |', '|---|---|---|---|---|---|---|');
    for (const p of run.pages) {
      lines.push(p.status === 'ok'
        ? `| ${p.type} | \`/${p.path}\` | ${kb(p.jsGzip)} | ${kb(p.htmlGzip)} | ${kb(p.cssGzip)} | ${kb(p.totalGzip)} | ${p.requests} |`
        : `| ${p.type} | \`/${p.path}\` | ${p.status} | ${p.error ?? ''} | | | |`);
    }
    lines.push('');
  }
  const b = run?.build;
  const sb = r.baseline;
  if (b && sb) {
    const each = (build: CommandMeasurement) => (build.runsMs && build.runsMs.length > 1 ? ` [runs: ${build.runsMs.map((one) => seconds(one)).join(', ')}]` : '');
    const describe = (build: CommandMeasurement) => `${seconds(build.wallMs)}${each(build)}, CPU ${cpu(build)}, peak ${mib(build.peakRssMiB)} (tree ${mib(build.treePeakRssMiB)})`;
    const rebuilt = r.rebuild ? `; Hindsight again after adding one post-mortem, cache kept: ${describe(r.rebuild)}` : '';
    lines.push(`Builds at N = ${r.options.count}${r.options.buildRuns > 1 ? ` (medians of ${r.options.buildRuns} runs, taking turns)` : ''}: Hindsight ${describe(b)}; bare Astro with Hindsight's Markdown options ${describe(sb)}${rebuilt}.`, '');
  }
  return lines.join('\n');
}

/** `; median of 3` when the figure is the median of several builds. */
function medianOf(build: CommandMeasurement): string {
  return build.runsMs && build.runsMs.length > 1 ? `; median of ${build.runsMs.length}` : '';
}

function verdict(pass: boolean | null): string {
  return pass === null ? '–' : pass ? '✓' : '✗';
}

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function failedBuild(hb?: CommandMeasurement, bb?: CommandMeasurement): string {
  if (!hb || !bb) return 'not run';
  const failed = [!hb.ok && `Hindsight build failed (${hb.logFile})`, !bb.ok && `baseline build failed (${bb.logFile})`].filter(Boolean);
  return failed.join('; ') || '—';
}

const count = (n: number) => n.toLocaleString('en-US');
const cpu = (build: CommandMeasurement) => (build.cpuMs === null || build.cpuMs === undefined ? '—' : seconds(build.cpuMs));

export const seconds = (value: number) => `${(value / 1000).toFixed(2)} s`;
export const ms = (value: number | null) => (value === null ? '—' : `${value.toFixed(1)} ms`);
export const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
export const mib = (value: number | null) => (value === null ? '—' : `${value.toFixed(0)} MiB`);
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
