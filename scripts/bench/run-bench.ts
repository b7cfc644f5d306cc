/**
 * `npm run bench -- [--count N] [--runs K] [--build-runs B] [options]`
 * Generates N realistic post-mortems in a temporary folder and measures, side
 * by side in one run: validate at 1,000 and 10,000 through npm, Hindsight's
 * build against a bare Astro build of the same files with the same Markdown
 * options, a rebuild after adding one post-mortem, page weights per page type,
 * and search in a browser beside stock Pagefind on the same index, and the
 * agents' search (cold CLI, warm MCP). Prints a table, writes JSON, and judges
 * issues 16 and 26's budgets (docs/PERFORMANCE.md). Exit 0: every measured target met; 1: some missed; 2: usage error.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { MARKDOWN_OPTIONS } from '../../src/lib/markdown/options.ts';
import { slugOf } from '../../src/lib/postmortem/model/file-naming.ts';
import { chromiumLaunchOptions } from '../../tests/e2e/browser.ts';
import { addOnePostmortem, writeArchive } from './generate.ts';
import { measureCommand, medianOfRuns, type CommandMeasurement } from './measure-build.ts';
import { measureValidate, type ValidateMeasurement } from './measure-validate.ts';
import { measurePageWeights, type PageSpec } from './page-weights.ts';
import { startPreview } from './preview.ts';
import { searchQueries } from './queries.ts';
import { evaluateTargets, formatMarkdown, formatTable, seconds, type BenchResult, type Machine, type SiteRun } from './bench-results.ts';
import { agentRankings, formatRelevance, measureRelevance, readLabelledSet, relevanceArchive, relevanceMet } from './relevance.ts';
import { formatAgentSearch, measureAgentSearch } from './agent-search-speed.ts';
import { measureSearch } from './search-latency.ts';
import { measureStockPagefind } from './stock-pagefind.ts';
import { siteRankings } from './site-relevance.ts';
import { ASTRO_BIN, baselineSite, hindsightSite, REPO_ROOT, type SiteBuild } from './sites.ts';
import { EXIT, parseCommand, runIfMain, usageError, type CliContext } from '../lib/cli.ts';

export const BENCH_USAGE = `Usage: npm run bench -- [options]

Generates N post-mortems in a temporary folder and measures, against issues 16 and 26's
budgets: validate at 1,000 and 10,000, the build against a bare Astro build of the
same files with the same Markdown options, a rebuild after one added post-mortem,
page weights of every page type, search (the site's beside stock Pagefind's,
on the same index), and the agents' search (cold CLI, warm MCP).

Options:
  --count N         post-mortems to generate (default: 1000; issue 16's large size: 10000)
  --runs K          validate runs at each size; the median is reported (default: 5)
  --build-runs B    cold builds of each site, taking turns; the median is reported (default: 3)
  --queries Q       search queries to time, at least 50 (default: 60)
  --json PATH       where to write the JSON result (default: .cache/bench/latest.json)
  --write-docs      update the figures in docs/PERFORMANCE.md
  --no-browser      skip page weights and search (no Chromium needed)
  --relevance       only relevance (issue 26): the labelled queries of
                    scripts/bench/relevance-set.json against the agents' search,
                    \`similar\` and the example archive's site built and searched
                    in Chromium; recall@5, recall@10 and MRR per kind of query
  --keep            keep the temporary folder (its path is printed)
  --help            show this help

Exit codes: 0 every measured target met, 1 a target missed, 2 usage error.
`;

const BUILD_TIMEOUT_MS = 45 * 60_000;
const DOCS_FILE = 'docs/PERFORMANCE.md';
/** validate is measured at both of issue 16's sizes whatever N is. */
const VALIDATE_SIZES = [1000, 10_000];

interface Options {
  count: number;
  runs: number;
  buildRuns: number;
  queries: number;
  json: string;
  writeDocs: boolean;
  browser: boolean;
  keep: boolean;
  relevance: boolean;
}

export async function runBench(ctx: CliContext): Promise<number> {
  const parsed = parseOptions(ctx);
  if (typeof parsed === 'number') return parsed;
  const options = parsed;
  const started = Date.now();
  const log = (text: string) => ctx.stderr(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${text}\n`);
  const benchDir = mkdtempSync(path.join(os.tmpdir(), 'hindsight-bench-'));
  let browser: Browser | null = null;
  // Interrupted: builds and servers share our process group and stop with it; the temporary folder must go too.
  const interrupted = () => {
    if (!options.keep) rmSync(benchDir, { recursive: true, force: true });
    process.exit(130);
  };
  process.once('SIGINT', interrupted).once('SIGTERM', interrupted);
  try {
    if (options.relevance) return await runRelevance(ctx, options, benchDir, log, (opened) => (browser = opened));
    // Relevance in Node (agents and similar) first: seconds, and worth seeing before the long builds.
    const labelled = readLabelledSet();
    const labelledArchive = relevanceArchive(labelled);
    ctx.stdout(formatRelevance(measureRelevance(labelled, labelledArchive.postmortems)));
    labelledArchive.remove();
    const machine = describeMachine();
    log(`temporary folder ${benchDir}; load average ${machine.loadAverage.toFixed(1)} on ${machine.cpus} cores`);

    const archiveDir = path.join(benchDir, `archive-${options.count}`);
    const archive = writeArchive(archiveDir, options.count);
    log(`generated ${archive.files} post-mortems (${(archive.bytes / 1024 / 1024).toFixed(1)} MiB)`);

    const validate = validateAtBothSizes(options, benchDir, archiveDir, log);
    const builds = await buildBothSites(options, benchDir, archiveDir, log);

    // The last cold build's cache and output stay; one more post-mortem, then the same build again, as CI does it.
    let rebuild: CommandMeasurement | null = null;
    if (builds.lastHindsightOk) {
      const added = addOnePostmortem(archiveDir, options.count);
      rebuild = await build(`Hindsight after adding ${added}`, builds.site, benchDir, `rebuild-${options.count}`, log);
    }

    if (options.browser) browser = await launchBrowser(log);
    const hindsight = await measureSite(browser, builds.site, builds.hindsight, options.count, archive.bytes, archive.largest, options, benchDir, log);
    log(`agents' search at N = ${options.count}: cold CLI processes, then warm MCP calls…`);
    const agents = await measureAgentSearch(archiveDir, searchQueries(options.queries + 1));
    log(formatAgentSearch(agents).trimEnd());

    const partial: Omit<BenchResult, 'targets'> = {
      command: ['npm run bench', ...(ctx.argv.length ? ['--', ...ctx.argv] : [])].join(' '),
      startedAt: new Date(started).toISOString(),
      durationS: (Date.now() - started) / 1000,
      machine,
      options: { count: options.count, runs: options.runs, buildRuns: options.buildRuns },
      validate,
      hindsight,
      baseline: builds.baseline,
      rebuild,
      agents,
    };
    const result: BenchResult = { ...partial, targets: evaluateTargets(partial) };
    reportResult(ctx, options, result);
    return result.targets.some((t) => t.pass === false) ? EXIT.invalid : EXIT.ok;
  } finally {
    process.off('SIGINT', interrupted).off('SIGTERM', interrupted);
    await browser?.close();
    if (options.keep) ctx.stderr(`Kept ${benchDir}\n`);
    else rmSync(benchDir, { recursive: true, force: true });
  }
}

/**
 * `--relevance`: the labelled set against the agents' search and `similar`, and against the site built
 * from the same archive and searched in Chromium; exit 1 when a budget is missed.
 */
async function runRelevance(ctx: CliContext, options: Options, benchDir: string, log: (text: string) => void, opened: (browser: Browser) => void): Promise<number> {
  const set = readLabelledSet();
  const archive = relevanceArchive(set);
  const postmortems = archive.postmortems;
  let siteRanked: string[][] | null = null;
  if (options.browser) {
    const site = hindsightSite(benchDir, archive.dir, 'relevance');
    const built = await build('the labelled archive', site, benchDir, 'relevance', log);
    if (!built.ok) {
      ctx.stderr(`The labelled archive's site did not build; see ${built.logFile}.\n`);
      return EXIT.invalid;
    }
    const browser = await launchBrowser(log);
    if (browser) {
      opened(browser);
      const preview = await startPreview(site, path.join(benchDir, 'relevance-preview.log'));
      try {
        log(`typing ${set.queries.length} queries into the built site…`);
        siteRanked = await siteRankings(browser, preview.url, set.queries.map((entry) => entry.query));
      } finally {
        await preview.stop();
      }
    }
  }
  const result = measureRelevance(set, postmortems, siteRanked);
  archive.remove();
  ctx.stdout(formatRelevance(result));
  if (result.agreement?.differing.length) ctx.stdout(`Site and agents differ on: ${result.agreement.differing.map((query) => `“${query}”`).join('; ')}\n`);
  mkdirSync(path.dirname(path.resolve(options.json)), { recursive: true });
  // Each query's two rankings beside the scores, to read where the site and the agents part.
  const agents = agentRankings(set, postmortems);
  const rankings = set.queries.map((entry, at) => ({ query: entry.query, relevant: entry.relevant, site: siteRanked?.[at] ?? null, agents: agents[at] }));
  writeFileSync(path.resolve(path.dirname(options.json), 'relevance.json'), `${JSON.stringify({ ...result, rankings }, null, 2)}\n`);
  return relevanceMet(result) ? EXIT.ok : EXIT.invalid;
}

/** validate at each of issue 16's sizes; reuses the bench archive when N is one of them, else writes (and then drops) one of that size. */
function validateAtBothSizes(options: Options, benchDir: string, archiveDir: string, log: (text: string) => void): ValidateMeasurement[] {
  return VALIDATE_SIZES.map((size) => {
    const dir = size === options.count ? archiveDir : path.join(benchDir, `validate-${size}`);
    if (dir !== archiveDir) writeArchive(dir, size);
    log(`npm run validate at ${size} post-mortems, ${options.runs} run(s)…`);
    const measured = measureValidate(dir, size, options.runs);
    log(`validate at ${size}: median ${seconds(measured.medianMs)}${measured.valid ? '' : ` (${measured.failure})`}`);
    if (dir !== archiveDir) rmSync(dir, { recursive: true, force: true });
    return measured;
  });
}

/** The cold builds' medians, and the last Hindsight site built, whose cache and output the rebuild and the browser use. */
interface SiteBuilds {
  hindsight: CommandMeasurement;
  baseline: CommandMeasurement;
  site: SiteBuild;
  /** Whether the last cold Hindsight build succeeded: a rebuild on top of a failed one measures nothing. */
  lastHindsightOk: boolean;
}

/**
 * The two builds take turns, so a slow spell of a noisy machine falls on both; each one's median is kept.
 * The baseline uses Hindsight's Markdown options (smartypants off), so the ratio is what Hindsight's own features cost.
 */
async function buildBothSites(options: Options, benchDir: string, archiveDir: string, log: (text: string) => void): Promise<SiteBuilds> {
  const variants = [
    { name: 'Hindsight', label: `hindsight-${options.count}`, site: (label: string) => hindsightSite(benchDir, archiveDir, label) },
    { name: "bare Astro with Hindsight's Markdown options", label: `baseline-${options.count}`, site: (label: string) => baselineSite(benchDir, archiveDir, label, { ...MARKDOWN_OPTIONS }) },
  ];
  const runs: CommandMeasurement[][] = variants.map(() => []);
  let site: SiteBuild | null = null;
  for (let run = 1; run <= options.buildRuns; run += 1) {
    const several = options.buildRuns > 1;
    for (const [index, variant] of variants.entries()) {
      const label = several ? `${variant.label}-run${run}` : variant.label;
      const built = variant.site(label);
      if (index === 0) site = built;
      runs[index]!.push(await build(several ? `${variant.name} (run ${run} of ${options.buildRuns})` : variant.name, built, benchDir, label, log));
    }
  }
  const [hindsight, baseline] = runs.map(medianOfRuns) as [CommandMeasurement, CommandMeasurement];
  return { hindsight, baseline, site: site!, lastHindsightOk: runs[0]!.at(-1)!.ok };
}

/** Writes the JSON, prints the table and, when asked, updates the figures in the docs. */
function reportResult(ctx: CliContext, options: Options, result: BenchResult): void {
  const jsonPath = path.resolve(ctx.cwd, options.json);
  mkdirSync(path.dirname(jsonPath), { recursive: true });
  writeFileSync(jsonPath, `${JSON.stringify(result, null, 2)}\n`);
  ctx.stdout(`\n${formatTable(result)}\nJSON: ${path.relative(ctx.cwd, jsonPath)}\n`);
  if (options.writeDocs) {
    updateDocs(path.resolve(REPO_ROOT, DOCS_FILE), options.count, formatMarkdown(result));
    ctx.stdout(`Updated ${DOCS_FILE}.\n`);
  }
}

function parseOptions(ctx: CliContext): Options | number {
  const args = parseCommand(ctx, BENCH_USAGE, {
    allowPositionals: false,
    options: {
      count: { type: 'string', default: '1000' },
      runs: { type: 'string', default: '5' },
      'build-runs': { type: 'string', default: '3' },
      queries: { type: 'string', default: '60' },
      json: { type: 'string', default: '.cache/bench/latest.json' },
      'write-docs': { type: 'boolean', default: false },
      'no-browser': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      relevance: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (typeof args === 'number') return args;
  const v = args.values;
  const count = wholeNumber(v.count, 1);
  const runs = wholeNumber(v.runs, 1);
  const buildRuns = wholeNumber(v['build-runs'], 1);
  const queries = wholeNumber(v.queries, 2);
  if (count === null) return usageError(ctx, BENCH_USAGE, `--count \`${v.count}\` is not a whole number ≥ 1.`);
  if (runs === null) return usageError(ctx, BENCH_USAGE, `--runs \`${v.runs}\` is not a whole number ≥ 1.`);
  if (buildRuns === null) return usageError(ctx, BENCH_USAGE, `--build-runs \`${v['build-runs']}\` is not a whole number ≥ 1.`);
  if (queries === null) return usageError(ctx, BENCH_USAGE, `--queries \`${v.queries}\` is not a whole number ≥ 2.`);
  return { count, runs, buildRuns, queries, json: v.json!, writeDocs: v['write-docs']!, browser: !v['no-browser'], keep: v.keep!, relevance: v.relevance! };
}

function wholeNumber(text: string | undefined, minimum: number): number | null {
  if (!text || !/^\d+$/.test(text)) return null;
  const value = Number(text);
  return value >= minimum ? value : null;
}

async function build(name: string, site: SiteBuild, benchDir: string, label: string, log: (text: string) => void): Promise<CommandMeasurement> {
  log(`building ${name}…`);
  const result = await measureCommand(process.execPath, [ASTRO_BIN, 'build', ...site.args], {
    cwd: site.cwd,
    env: site.env,
    logFile: path.join(benchDir, `${label}-build.log`),
    timeoutMs: BUILD_TIMEOUT_MS,
  });
  const memory = result.peakRssMiB ?? result.treePeakRssMiB;
  log(`${name} build ${result.ok ? 'done' : `FAILED (exit ${result.exitCode})`} in ${seconds(result.wallMs)}, peak ${memory?.toFixed(0) ?? '?'} MiB`);
  if (result.wallMs > 180_000) log(`note: the ${name} build took more than 3 minutes`);
  if (!result.ok) log(tail(result.logFile));
  return result;
}

/** Page weights and search on a built site, when it built and a browser is at hand. */
async function measureSite(
  browser: Browser | null,
  site: SiteBuild,
  built: CommandMeasurement,
  count: number,
  archiveBytes: number,
  largest: string,
  options: Options,
  benchDir: string,
  log: (text: string) => void,
): Promise<SiteRun> {
  const run: SiteRun = { count, archiveBytes, build: built, pages: [], search: null };
  if (!built.ok || !browser) return run;
  const preview = await startPreview(site, path.join(benchDir, `preview-${count}.log`));
  try {
    const pages: PageSpec[] = [
      { type: 'home', path: '' },
      { type: 'incident list', path: 'incidents/' },
      { type: 'incident list page 2', path: 'incidents/page/2/' },
      { type: 'post-mortem', path: `incidents/${slugOf(largest)}/` },
      { type: 'analytics', path: 'analytics/' },
      { type: 'action items', path: 'action-items/' },
      { type: 'action items page 2', path: 'action-items/page/2/' },
      { type: 'guide', path: 'guide/' },
      { type: 'learning', path: 'learning/' },
    ];
    log(`page weights at N = ${count}…`);
    run.pages = await measurePageWeights(browser, preview.url, pages);
    log(`search at N = ${count}, ${options.queries} queries…`);
    const queries = searchQueries(options.queries + 1);
    run.search = await measureSearch(browser, preview.url, new URL('incidents/', preview.url).href, queries);
    const q = run.search.queries;
    log(`search: ${run.search.status}${run.search.note ? ` (${run.search.note})` : ''}; first results p95 ${q.firstShown?.p95Ms?.toFixed(1) ?? '—'} ms, settled p95 ${q.p95Ms?.toFixed(1) ?? '—'} ms over ${q.measured} queries`);
    log('stock Pagefind on the same index, the same queries…');
    run.stock = await measureStockPagefind(browser, preview.url, queries);
    log(`stock Pagefind: ${run.stock.status}; p95 ${run.stock.queries.p95Ms?.toFixed(1) ?? '—'} ms`);
  } finally {
    await preview.stop();
  }
  return run;
}

async function launchBrowser(log: (text: string) => void): Promise<Browser | null> {
  try {
    return await chromium.launch(chromiumLaunchOptions());
  } catch (error) {
    log(`no browser, so no page weights or search: ${(error as Error).message.split('\n')[0]}`);
    return null;
  }
}

function describeMachine(): Machine {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGiB: os.totalmem() / 1024 ** 3,
    node: process.versions.node,
    os: `${os.type()} ${os.release()}`,
    loadAverage: os.loadavg()[0] ?? 0,
  };
}

/** Replaces the figures for N = `count` between their markers (`<!-- bench:N=1000:start -->` … `<!-- bench:N=1000:end -->`). */
function updateDocs(file: string, count: number, block: string): void {
  const [startMarker, endMarker] = [`<!-- bench:N=${count}:start -->`, `<!-- bench:N=${count}:end -->`];
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(startMarker);
  const end = text.indexOf(endMarker);
  if (start === -1 || end < start) throw new Error(`${DOCS_FILE} lacks the ${startMarker} … ${endMarker} markers: add them where the figures for N = ${count} belong.`);
  writeFileSync(file, `${text.slice(0, start + startMarker.length)}\n${block}\n${text.slice(end)}`);
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-15).join('\n');
  } catch {
    return '';
  }
}

runIfMain(import.meta.url, runBench);
