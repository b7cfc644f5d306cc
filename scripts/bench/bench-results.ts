/**
 * The benchmark's result: its JSON shape, the issue's targets judged against
 * it, a table for the terminal and the Markdown block for docs/PERFORMANCE.md.
 */
import type { CommandMeasurement } from './measure-build.ts';
import type { PageWeight } from './page-weights.ts';
import type { SearchMeasurement } from './search-latency.ts';
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
}

export interface BenchResult {
  command: string;
  startedAt: string;
  durationS: number;
  /** The run without its --large part: what the 15-minute budget is about. */
  defaultDurationS: number;
  machine: Machine;
  options: { count: number; runs: number; buildRuns?: number; large: boolean; largeCount: number };
  validate: ValidateMeasurement | null;
  hindsight: SiteRun | null;
  /** `build`: Astro's defaults; `sameMarkdown`: with Hindsight's Markdown options (src/lib/markdown/options.ts). */
  baseline: { build: CommandMeasurement; sameMarkdown?: CommandMeasurement } | null;
  large: SiteRun | null;
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
/** The bench must finish at its default size within this. */
export const TOTAL_BUDGET_S = 15 * 60;

/** Judges every target of the issue against a result (N = count unless the target names 5,000). */
export function evaluateTargets(r: Omit<BenchResult, 'targets'>): Target[] {
  const n = r.options.count;
  const perThousand = n / 1000;
  const targets: Target[] = [];
  const atN = n === 1000 ? undefined : `measured at N = ${n}; the budget is scaled to N/1000`;

  const v = r.validate;
  targets.push({
    label: 'validate, 1,000 post-mortems (cold process)',
    target: `≤ ${seconds(1000 * perThousand)}`,
    measured: v ? `${seconds(v.medianMs)} (median of ${v.runsMs.length}; start-up alone ${seconds(v.startupMedianMs)})` : '—',
    pass: v ? v.valid && v.medianMs <= 1000 * perThousand : null,
    note: v && !v.valid ? v.failure : [atN, v?.cachedMedianMs !== undefined ? `every file checked (--no-cache); unchanged files from the result cache: ${seconds(v.cachedMedianMs)}` : undefined].filter(Boolean).join('; ') || undefined,
  });
  targets.push({
    label: 'validate vs naive gray-matter + remark-gfm parse',
    target: '≥ 5× faster',
    measured: v ? `${v.speedup.toFixed(2)}× (naive ${seconds(v.naiveMedianMs)})` : '—',
    pass: v ? v.speedup >= 5 : null,
  });

  const hb = r.hindsight?.build;
  const bb = r.baseline?.build;
  const both = hb?.ok && bb?.ok ? { hb, bb } : null;
  targets.push({
    label: 'build wall time vs bare Astro build',
    target: '≤ 1.15×',
    measured: both ? `${ratio(both.hb.wallMs, both.bb.wallMs)} (${seconds(both.hb.wallMs)} vs ${seconds(both.bb.wallMs)}${medianOf(both.hb)})` : failedBuild(hb, bb),
    pass: both ? both.hb.wallMs <= 1.15 * both.bb.wallMs : null,
  });
  const sb = r.baseline?.sameMarkdown;
  const like = hb?.ok && sb?.ok ? { hb, sb } : null;
  targets.push({
    label: "build wall time vs bare Astro with Hindsight's Markdown options",
    target: '≤ 1.15×',
    measured: like ? `${ratio(like.hb.wallMs, like.sb.wallMs)} (${seconds(like.hb.wallMs)} vs ${seconds(like.sb.wallMs)}${medianOf(like.hb)})` : sb ? failedBuild(hb, sb) : 'not run',
    pass: like ? like.hb.wallMs <= 1.15 * like.sb.wallMs : null,
    note: 'like for like: both without smartypants, so this is the cost of Hindsight’s own features',
  });
  const mem = (b: CommandMeasurement) => b.peakRssMiB ?? b.treePeakRssMiB;
  targets.push({
    label: 'build peak memory vs bare Astro build',
    target: '≤ 1.2×',
    measured: both && mem(both.hb) && mem(both.bb) ? `${ratio(mem(both.hb)!, mem(both.bb)!)} (${mib(mem(both.hb))} vs ${mib(mem(both.bb))})` : failedBuild(hb, bb),
    pass: both && mem(both.hb) && mem(both.bb) ? mem(both.hb)! <= 1.2 * mem(both.bb)! : null,
    note: both ? `largest process RSS${both.hb.peakRssMiB === null ? ' (sampled tree)' : ' (GNU time)'}; whole tree ${mib(both.hb.treePeakRssMiB)} vs ${mib(both.bb.treePeakRssMiB)}` : undefined,
  });

  const searchRun = r.large?.search?.status === 'ok' ? r.large : r.hindsight;
  const s = searchRun?.search;
  const searchNote = searchRun && searchRun.count !== 5000 ? `measured at N = ${searchRun.count}, not 5,000` : undefined;
  targets.push({
    label: 'search p95, keystroke to results rendered (N = 5,000)',
    target: '≤ 30 ms',
    measured: s?.status === 'ok' && s.queries.p95Ms !== null ? `${ms(s.queries.p95Ms)} (median ${ms(s.queries.medianMs)}, ${s.queries.measured} queries)` : searchMissing(s),
    pass: s?.status === 'ok' && s.queries.p95Ms !== null && s.queries.measured >= 50 ? s.queries.p95Ms <= 30 : null,
    note: [searchNote, s?.status === 'ok' && s.queries.measured < 50 ? `only ${s.queries.measured} queries changed the list (need 50)` : undefined].filter(Boolean).join('; ') || undefined,
  });
  const data = s?.firstSearch ? searchData(s.firstSearch.resources) : null;
  targets.push({
    label: 'search data per 1,000 post-mortems (gzip)',
    target: '≤ 60 KB',
    measured: data && searchRun ? `${kb(data.data / (searchRun.count / 1000))} (data ${kb(data.data)} + code ${kb(data.code)} at N = ${searchRun.count})` : searchMissing(s),
    pass: data && searchRun && data.data > 0 ? data.data / (searchRun.count / 1000) <= 60 * KB : null,
    note: data && data.data === 0 ? 'the first search fetched no data: index inlined or fetched before the interaction' : undefined,
  });
  targets.push({
    label: 'search data fetched before the first interaction',
    target: 'nothing',
    measured: s?.status === 'ok' ? (s.beforeInteraction.searchLike.length ? s.beforeInteraction.searchLike.join(', ') : 'nothing') : searchMissing(s),
    pass: s?.status === 'ok' ? s.beforeInteraction.searchLike.length === 0 && (data?.data ?? 0) > 0 : null,
  });

  const page = (type: string) => r.hindsight?.pages.find((p) => p.type === type);
  for (const [type, budget, what] of [
    ['post-mortem', 10, 'post-mortem page JS (gzip)'],
    ['incident list', 20, 'incident list JS before search is used (gzip)'],
    ['analytics', 75, 'analytics JS (gzip)'],
  ] as const) {
    const p = page(type);
    targets.push({
      label: what,
      target: `≤ ${budget} KB`,
      measured: p?.status === 'ok' ? kb(p.jsGzip) : p ? `${p.status}${p.error ? ` (${p.error})` : ''}` : '—',
      pass: p?.status === 'ok' ? p.jsGzip <= budget * KB : null,
    });
  }

  const large = r.large;
  targets.push({
    label: 'N = 5,000 builds without running out of memory',
    target: 'builds',
    measured: large ? (large.build.ok ? `built in ${seconds(large.build.wallMs)}, peak ${mib(large.build.peakRssMiB ?? large.build.treePeakRssMiB)}` : `failed (exit ${large.build.exitCode}); see ${large.build.logFile}`) : 'not run (pass --large)',
    pass: large ? large.build.ok : null,
    note: large && large.count !== 5000 ? `large run at N = ${large.count}` : undefined,
  });
  targets.push({
    label: '`npm run bench` at its default N',
    target: `< ${TOTAL_BUDGET_S / 60} min`,
    measured: `${(r.defaultDurationS / 60).toFixed(1)} min`,
    pass: n === 1000 ? r.defaultDurationS < TOTAL_BUDGET_S : null,
    note: [n === 1000 ? undefined : `this run used N = ${n}`, r.large ? `${(r.durationS / 60).toFixed(1)} min with the --large run` : undefined].filter(Boolean).join('; ') || undefined,
  });
  return targets;
}

/** Splits what the first search fetched into data (JSON and other non-code) and code. */
function searchData(resources: readonly { type: string; gzip: number }[]): { data: number; code: number } {
  let data = 0;
  let code = 0;
  for (const r of resources) {
    if (r.type === 'inline-script') continue;
    if (r.type === 'script') code += r.gzip;
    else data += r.gzip;
  }
  return { data, code };
}

/** The terminal table: every target with its measured figure, then the page weights. */
export function formatTable(r: BenchResult): string {
  const rows = r.targets.map((t) => [verdict(t.pass), t.label, t.target, t.measured + (t.note ? `  [${t.note}]` : '')]);
  const lines = [table(['', 'target', 'budget', 'measured'], rows), ''];
  for (const run of [r.hindsight, r.large]) {
    if (!run?.pages.length) continue;
    lines.push(`Page weights at N = ${run.count} (gzip):`);
    lines.push(table(['page', 'path', 'JS', 'HTML', 'CSS', 'total', 'requests'], run.pages.map((p) =>
      p.status === 'ok' ? [p.type, p.path, kb(p.jsGzip), kb(p.htmlGzip), kb(p.cssGzip), kb(p.totalGzip), String(p.requests)] : [p.type, p.path, p.status, p.error ?? '', '', '', ''])));
    lines.push('');
  }
  return lines.join('\n');
}

/** The Markdown block docs/PERFORMANCE.md keeps between its bench markers. */
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
  for (const run of [r.hindsight, r.large]) {
    if (!run?.pages.length) continue;
    lines.push(`Page weights at N = ${run.count} (gzip, level 6; cold load, everything fetched until the network is idle):`, '');
    lines.push('| Page | Path | JS | HTML | CSS | Total | Requests |', '|---|---|---|---|---|---|---|');
    for (const p of run.pages) {
      lines.push(p.status === 'ok'
        ? `| ${p.type} | \`/${p.path}\` | ${kb(p.jsGzip)} | ${kb(p.htmlGzip)} | ${kb(p.cssGzip)} | ${kb(p.totalGzip)} | ${p.requests} |`
        : `| ${p.type} | \`/${p.path}\` | ${p.status} | ${p.error ?? ''} | | | |`);
    }
    lines.push('');
  }
  const b = r.hindsight?.build;
  const bb = r.baseline?.build;
  if (b && bb) {
    const sb = r.baseline?.sameMarkdown;
    const each = (build: CommandMeasurement) => (build.runsMs && build.runsMs.length > 1 ? ` [runs: ${build.runsMs.map((run) => seconds(run)).join(', ')}]` : '');
    const same = sb ? `; bare Astro with Hindsight's Markdown options ${seconds(sb.wallMs)}${each(sb)}, peak ${mib(sb.peakRssMiB)} (tree ${mib(sb.treePeakRssMiB)})` : '';
    lines.push(`Builds at N = ${r.options.count}${r.options.buildRuns && r.options.buildRuns > 1 ? ` (medians of ${r.options.buildRuns} runs, taking turns)` : ''}: Hindsight ${seconds(b.wallMs)}${each(b)}, peak ${mib(b.peakRssMiB)} (tree ${mib(b.treePeakRssMiB)}); bare Astro ${seconds(bb.wallMs)}${each(bb)}, peak ${mib(bb.peakRssMiB)} (tree ${mib(bb.treePeakRssMiB)})${same}.`, '');
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

function searchMissing(s?: SearchMeasurement | null): string {
  if (!s) return 'not run';
  return s.status === 'ok' ? '—' : `${s.status}${s.note ? `: ${s.note}` : ''}`;
}

export const seconds = (value: number) => `${(value / 1000).toFixed(2)} s`;
export const ms = (value: number | null) => (value === null ? '—' : `${value.toFixed(1)} ms`);
export const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
export const mib = (value: number | null) => (value === null ? '—' : `${value.toFixed(0)} MiB`);
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
