import { describe, expect, it } from 'vitest';
import { runBench } from '../../scripts/bench/run-bench.ts';
import { medianOfRuns } from '../../scripts/bench/measure-build.ts';
import { inlineScripts } from '../../scripts/bench/page-weights.ts';
import { searchQueries } from '../../scripts/bench/queries.ts';
import { evaluateTargets, formatMarkdown, formatTable, type BenchResult } from '../../scripts/bench/bench-results.ts';
import type { CliContext } from '../../scripts/lib/cli.ts';

function context(argv: string[]) {
  const out = { stdout: '', stderr: '' };
  const ctx: CliContext = {
    argv,
    cwd: process.cwd(),
    env: {},
    stdout: (text) => (out.stdout += text),
    stderr: (text) => (out.stderr += text),
    interactive: false,
  };
  return { ctx, out };
}

describe('bench CLI', () => {
  it('prints help and exits 0', async () => {
    const { ctx, out } = context(['--help']);
    expect(await runBench(ctx)).toBe(0);
    expect(out.stdout).toContain('--count N');
  });

  it.each([['--count', 'many'], ['--runs', '0'], ['--build-runs', '0'], ['--queries', '1'], ['--nope']])('rejects %s %s with exit 2', async (...argv) => {
    const { ctx, out } = context(argv.filter(Boolean) as string[]);
    expect(await runBench(ctx)).toBe(2);
    expect(out.stderr).toContain('npm run bench -- --help');
  });
});

describe('bench queries', () => {
  it('gives distinct queries of one to three words, some misspelt', () => {
    const queries = searchQueries(60);
    expect(new Set(queries).size).toBe(60);
    for (const query of queries) expect(query.trim().split(/\s+/).length).toBeLessThanOrEqual(3);
    expect(queries).toEqual(searchQueries(60));
  });
});

describe('inline script detection', () => {
  it('counts executable inline scripts, not external or data scripts', () => {
    const html = '<script type="module">a()</script><script src="/x.js"></script><script type="application/ld+json">{}</script><script>b()</script>';
    expect(inlineScripts(html)).toBe('a()\nb()');
  });
});

describe('bench report', () => {
  const build = (wallMs: number, peak: number) => ({ ok: true, exitCode: 0, wallMs, cpuMs: wallMs * 1.1, peakRssMiB: peak, treePeakRssMiB: peak + 40, logFile: 'x.log' });
  const page = (type: string, totalGzip: number, status: 'ok' | 'missing' = 'ok') => ({ type, path: 'p/', status, requests: 2, totalBytes: 0, totalGzip, jsBytes: 0, jsGzip: 0, htmlGzip: totalGzip, cssGzip: 0, resources: [] });
  const validate = (count: number, medianMs: number) => ({ count, runsMs: [medianMs], medianMs, startupMedianMs: 300, valid: true });
  const sample = (ms: number, gzip: number) => ({ query: 'q', ms, gzip });
  const base: Omit<BenchResult, 'targets'> = {
    command: 'npm run bench',
    startedAt: '2026-11-27T01:00:00.000Z',
    durationS: 600,
    machine: { cpus: 2, cpuModel: 'cpu', memoryGiB: 8, node: '20', os: 'Linux', loadAverage: 1 },
    options: { count: 1000, runs: 3, buildRuns: 1 },
    validate: [validate(1000, 900), validate(10_000, 4500)],
    hindsight: {
      count: 1000,
      archiveBytes: 1,
      build: build(110_000, 500),
      pages: [page('post-mortem', 11 * 1024), page('incident list', 160 * 1024), page('learning', 0, 'missing')],
      search: {
        status: 'ok',
        beforeInteraction: { jsGzip: 3000, totalGzip: 9000, resources: [], searchLike: [] },
        firstSearch: { query: 'x', latencyMs: 100, gzip: 310 * 1024, resources: [{ url: '/s.json', type: 'fetch', gzip: 50_000 }, { url: '/f.js', type: 'script', gzip: 7000 }] },
        queries: { total: 60, measured: 60, unchanged: 0, medianMs: 10, p95Ms: 20, maxMs: 30, firstShown: { medianMs: 8, p95Ms: 60 }, samples: [sample(10, 20 * 1024), sample(20, 90 * 1024)] },
      },
      stock: {
        status: 'ok',
        first: { query: 'x', ms: 50, gzip: 100 * 1024, resources: [] },
        queries: { total: 60, medianMs: 12, p95Ms: 25, maxMs: 40, fetched: { medianGzip: 0, p95Gzip: 1024, maxGzip: 2048 }, samples: [] },
      },
    },
    baseline: build(100_000, 400),
    rebuild: build(30_000, 450),
    agents: {
      cli: { firstMs: 5000, medianMs: 700, p95Ms: 900, cpuMedianMs: 650, samples: [{ query: 'q', ms: 5000, cpuMs: 4000, ok: true }, { query: 'r', ms: 700, cpuMs: 650, ok: true }] },
      mcp: { firstMs: 800, medianMs: 20, p95Ms: 40, samples: [{ query: 'q', ms: 800 }, { query: 'r', ms: 20 }] },
    },
  };
  const verdicts = (result: Omit<BenchResult, 'targets'>) => Object.fromEntries(evaluateTargets(result).map((t) => [t.label, t.pass]));

  it("judges each of issue 16's budgets against its figure", () => {
    const byLabel = verdicts(base);
    expect(byLabel['validate, 1,000 post-mortems (`npm run validate`, cold, --no-cache)']).toBe(true);
    expect(byLabel['validate, 10,000 post-mortems (`npm run validate`, cold, --no-cache)']).toBe(false); // 4.5 s > 4 s
    expect(byLabel['build at N = 1,000 completes']).toBe(true);
    expect(byLabel['build wall time vs bare Astro with the same Markdown options (N = 1,000)']).toBe(true); // 1.1×
    expect(byLabel['build peak memory vs bare Astro with the same Markdown options (N = 1,000)']).toBe(false); // 1.25×
    expect(byLabel['rebuild after adding one post-mortem, cache kept (N = 1,000)']).toBe(true); // 27%
    expect(byLabel['post-mortem first load (gzip, N = 1,000)']).toBe(true);
    expect(byLabel['incident list first load (gzip, N = 1,000)']).toBe(false); // 160 KB
    expect(byLabel['search, everything the first query fetches (gzip, N = 1,000)']).toBe(false); // 310 KB
    expect(byLabel['search, most any later query fetches (gzip, N = 1,000)']).toBe(true); // 90 KB
  });

  it("judges each of issue 26's search budgets against its figure", () => {
    const byLabel = verdicts(base);
    expect(byLabel['search, first results shown p95 after the last keystroke (N = 1,000)']).toBe(false); // 60 ms > 50
    expect(byLabel['search, results settled p95 after the last keystroke (N = 1,000)']).toBe(true); // 20 ms
    expect(byLabel["search settled p95 vs stock Pagefind's search + first 10 fragments, same index and queries (N = 1,000)"]).toBe(true); // 20 ≤ 25 ms
    expect(byLabel['MCP search_postmortems, warm, p95 (N = 1,000)']).toBe(true); // 40 ms
    expect(byLabel['`hindsight search` cold, median (N = 1,000)']).toBe(false); // 700 ms > 600
    const slower = { ...base.hindsight!.stock!, queries: { ...base.hindsight!.stock!.queries, p95Ms: 15 } };
    expect(verdicts({ ...base, hindsight: { ...base.hindsight!, stock: slower } })["search settled p95 vs stock Pagefind's search + first 10 fragments, same index and queries (N = 1,000)"]).toBe(false);
    const none = verdicts({ ...base, agents: null, hindsight: { ...base.hindsight!, stock: null } });
    expect([none['MCP search_postmortems, warm, p95 (N = 1,000)'], none["search settled p95 vs stock Pagefind's search + first 10 fragments, same index and queries (N = 1,000)"]]).toEqual([null, null]);
  });

  it('fails a rebuild over 30% of the cold build and a later query over 100 KB', () => {
    const search = { ...base.hindsight!.search!, queries: { ...base.hindsight!.search!.queries, samples: [sample(10, 101 * 1024)] } };
    const byLabel = verdicts({ ...base, rebuild: build(34_000, 450), hindsight: { ...base.hindsight!, search } });
    expect(byLabel['rebuild after adding one post-mortem, cache kept (N = 1,000)']).toBe(false);
    expect(byLabel['search, most any later query fetches (gzip, N = 1,000)']).toBe(false);
  });

  it('reports the median of several builds', () => {
    const hindsight = medianOfRuns([build(120_000, 500), build(100_000, 520), build(101_000, 480)]);
    const result = { ...base, hindsight: { ...base.hindsight!, build: hindsight }, baseline: medianOfRuns([build(90_000, 400), build(95_000, 410), build(80_000, 390)]) };
    const like = evaluateTargets(result).find((t) => t.label.startsWith('build wall time'))!;
    expect(like.pass).toBe(true); // 101 s ≤ 1.2 × 90 s
    expect(like.measured).toBe('1.12× (101.00 s vs 90.00 s; median of 3)');
  });

  it('takes the median of each figure over several builds, and fails if any run failed', () => {
    const median = medianOfRuns([build(120_000, 500), build(100_000, 520), build(101_000, 480)]);
    expect(median).toMatchObject({ ok: true, wallMs: 101_000, peakRssMiB: 500, treePeakRssMiB: 540, runsMs: [120_000, 100_000, 101_000] });
    const failed = medianOfRuns([build(1, 1), { ...build(2, 2), ok: false, exitCode: 1, logFile: 'failed.log' }]);
    expect(failed).toMatchObject({ ok: false, exitCode: 1, logFile: 'failed.log' });
  });

  it('reports a missing page or search as not measured, not as a failure', () => {
    const missing = { ...base, hindsight: { ...base.hindsight!, search: { ...base.hindsight!.search!, status: 'missing' as const, note: 'no searchbox', firstSearch: null } } };
    const targets = evaluateTargets(missing);
    const learning = targets.find((t) => t.label.startsWith('learning first load'))!;
    expect(learning.pass).toBeNull();
    expect(learning.measured).toContain('missing');
    expect(targets.find((t) => t.label.startsWith('search, first results shown'))!.measured).toContain('no searchbox');
    expect(targets.find((t) => t.label.startsWith('search, most'))!.pass).toBeNull();
    const result = { ...missing, targets };
    expect(formatTable(result)).toContain('missing');
    expect(formatMarkdown(result)).toContain('| – |');
  });

  // An older measurement (or another search design) may report no bytes per query.
  type SearchSamples = NonNullable<NonNullable<typeof base.hindsight>['search']>['queries']['samples'];
  it('says so when the search measurement gives no bytes per query', () => {
    const search = { ...base.hindsight!.search!, queries: { ...base.hindsight!.search!.queries, samples: [{ query: 'q', ms: 10 }] as unknown as SearchSamples } };
    const later = evaluateTargets({ ...base, hindsight: { ...base.hindsight!, search } }).find((t) => t.label.startsWith('search, most'))!;
    expect(later).toMatchObject({ pass: null, measured: 'not reported by the search measurement' });
  });
});
