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
    expect(out.stderr).toContain('Usage: npm run bench');
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
  const build = (wallMs: number, peak: number) => ({ ok: true, exitCode: 0, wallMs, peakRssMiB: peak, treePeakRssMiB: peak + 40, logFile: 'x.log' });
  const page = (type: string, jsGzip: number) => ({ type, path: '', status: 'ok' as const, requests: 2, totalBytes: 0, totalGzip: jsGzip, jsBytes: 0, jsGzip, htmlGzip: 0, cssGzip: 0, resources: [] });
  const base: Omit<BenchResult, 'targets'> = {
    command: 'npm run bench',
    startedAt: '2026-11-27T01:00:00.000Z',
    durationS: 600,
    defaultDurationS: 600,
    machine: { cpus: 2, cpuModel: 'cpu', memoryGiB: 8, node: '20', os: 'Linux', loadAverage: 1 },
    options: { count: 1000, runs: 3, large: false, largeCount: 5000 },
    validate: { runsMs: [800, 900, 1000], medianMs: 900, naiveRunsMs: [5000], naiveMedianMs: 5000, speedup: 5000 / 900, startupMedianMs: 300, valid: true },
    hindsight: {
      count: 1000,
      archiveBytes: 1,
      build: build(110_000, 500),
      pages: [page('post-mortem', 11 * 1024), page('incident list', 3000), page('analytics', 70_000)],
      search: {
        status: 'ok',
        beforeInteraction: { jsGzip: 3000, totalGzip: 9000, resources: [], searchLike: [] },
        firstSearch: { query: 'x', latencyMs: 100, gzip: 60_000, resources: [{ url: '/s.json', type: 'fetch', gzip: 50_000 }, { url: '/f.js', type: 'script', gzip: 7000 }] },
        queries: { total: 60, measured: 60, unchanged: 0, medianMs: 10, p95Ms: 20, maxMs: 30, samples: [] },
      },
    },
    baseline: { build: build(100_000, 400) },
    large: null,
  };

  it('judges each target against its budget', () => {
    const targets = evaluateTargets(base);
    const byLabel = Object.fromEntries(targets.map((t) => [t.label, t.pass]));
    expect(byLabel['validate, 1,000 post-mortems (cold process)']).toBe(true);
    expect(byLabel['validate vs naive gray-matter + remark-gfm parse']).toBe(true);
    expect(byLabel['build wall time vs bare Astro build']).toBe(true);
    expect(byLabel['build peak memory vs bare Astro build']).toBe(false);
    expect(byLabel['post-mortem page JS (gzip)']).toBe(false);
    expect(byLabel['search data per 1,000 post-mortems (gzip)']).toBe(true);
    expect(byLabel['search data fetched before the first interaction']).toBe(true);
    expect(byLabel['N = 5,000 builds without running out of memory']).toBeNull();
    expect(byLabel["build wall time vs bare Astro with Hindsight's Markdown options"]).toBeNull();
  });

  it('judges the like-for-like build and says it is a median of several runs', () => {
    const hindsightRuns = [build(120_000, 500), build(100_000, 520), build(101_000, 480)];
    const sameMarkdown = medianOfRuns([build(90_000, 400), build(95_000, 410), build(80_000, 390)]);
    const result = { ...base, hindsight: { ...base.hindsight!, build: medianOfRuns(hindsightRuns) }, baseline: { build: build(100_000, 450), sameMarkdown } };
    const like = evaluateTargets(result).find((t) => t.label === "build wall time vs bare Astro with Hindsight's Markdown options")!;
    expect(like.pass).toBe(true); // 101 s ≤ 1.15 × 90 s
    expect(like.measured).toBe('1.12× (101.00 s vs 90.00 s; median of 3)');
  });

  it('takes the median of each figure over several builds, and fails if any run failed', () => {
    const median = medianOfRuns([build(120_000, 500), build(100_000, 520), build(101_000, 480)]);
    expect(median).toMatchObject({ ok: true, wallMs: 101_000, peakRssMiB: 500, treePeakRssMiB: 540, runsMs: [120_000, 100_000, 101_000] });
    const failed = medianOfRuns([build(1, 1), { ...build(2, 2), ok: false, exitCode: 1, logFile: 'failed.log' }]);
    expect(failed).toMatchObject({ ok: false, exitCode: 1, logFile: 'failed.log' });
  });

  it('reports a missing page or search as not measured, not as a crash', () => {
    const missing = { ...base, hindsight: { ...base.hindsight!, pages: [{ ...page('analytics', 0), status: 'missing' as const, error: 'HTTP 404' }], search: { ...base.hindsight!.search!, status: 'missing' as const, note: 'no searchbox', firstSearch: null } } };
    const targets = evaluateTargets(missing);
    const analytics = targets.find((t) => t.label === 'analytics JS (gzip)')!;
    expect(analytics.pass).toBeNull();
    expect(analytics.measured).toContain('missing');
    expect(targets.find((t) => t.label.startsWith('search p95'))!.measured).toContain('no searchbox');
    const result = { ...missing, targets };
    expect(formatTable(result)).toContain('missing');
    expect(formatMarkdown(result)).toContain('| – |');
  });
});
