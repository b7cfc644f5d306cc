/**
 * The peer the site's search is held to: stock Pagefind on the same built
 * index, asked as its own API is documented (`pagefind.search(query)`, then
 * `data()` of the first page of results: ten), with no spelling correction,
 * no partial matches and no facet counts. Same browser, same queries, timed
 * inside the page from the call to the last fragment; the bytes each query
 * fetched are recorded like the site's (search-latency.ts). As there, each
 * query is first asked without its last character (the keystroke before),
 * untimed, so both searches start from the index chunks that keystroke loaded.
 */
import type { Browser } from '@playwright/test';
import { quantile } from '../../src/lib/postmortem/stats.ts';
import { byteFigures, recordFetches, sum, type ByteFigures, type FetchedResource } from './search-latency.ts';

export interface StockPagefindMeasurement {
  status: 'ok' | 'error';
  note?: string;
  /** The first query, Pagefind's loading and initialisation included. */
  first: { query: string; ms: number; gzip: number; resources: FetchedResource[] } | null;
  queries: {
    total: number;
    medianMs: number | null;
    p95Ms: number | null;
    maxMs: number | null;
    fetched: ByteFigures & { withKeystrokeBefore?: ByteFigures };
    /** `beforeGzip`: what the query but its last character fetched (the keystroke before). */
    samples: { query: string; ms: number; results: number; gzip: number; beforeGzip?: number }[];
  };
}

/** Results whose fragments a page shows: the site's page size. */
const FIRST_PAGE = 10;

declare global {
  interface Window {
    __stockSearch?: (query: string, firstPage: number) => Promise<{ ms: number; results: number }>;
  }
}

/**
 * Loads `pagefind/pagefind.js` of the site at `baseUrl` into its home page and times each of `queries`;
 * queries[0] is the first (with Pagefind's start), the rest the distribution.
 */
export async function measureStockPagefind(browser: Browser, baseUrl: string, queries: readonly string[]): Promise<StockPagefindMeasurement> {
  const result: StockPagefindMeasurement = { status: 'ok', first: null, queries: summarise([]) };
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const fetches = recordFetches(page, baseUrl);
    await page.goto(baseUrl, { waitUntil: 'load' });
    await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
    await Promise.all(fetches.bodies);
    await page.evaluate(INSTALL);
    const [first, ...rest] = queries;
    fetches.phase = 'after';
    const firstRun = await page.evaluate(({ query, size }) => window.__stockSearch!(query, size), { query: first!, size: FIRST_PAGE });
    await Promise.all(fetches.bodies);
    result.first = { query: first!, ms: firstRun.ms, gzip: sum(fetches.fetched.after), resources: fetches.fetched.after };
    fetches.phase = 'query';
    const samples: StockPagefindMeasurement['queries']['samples'] = [];
    for (const query of rest) {
      fetches.fetched.query = [];
      await page.evaluate(({ query: q, size }) => window.__stockSearch!(q, size), { query: query.slice(0, -1), size: FIRST_PAGE });
      await Promise.all(fetches.bodies);
      const beforeGzip = sum(fetches.fetched.query);
      fetches.fetched.query = [];
      const run = await page.evaluate(({ query: q, size }) => window.__stockSearch!(q, size), { query, size: FIRST_PAGE });
      await Promise.all(fetches.bodies);
      samples.push({ query, ms: run.ms, results: run.results, gzip: sum(fetches.fetched.query), beforeGzip });
    }
    result.queries = summarise(samples);
    return result;
  } catch (error) {
    return { ...result, status: 'error', note: error instanceof Error ? error.message.split('\n')[0] : String(error) };
  } finally {
    await context.close();
  }
}

function summarise(samples: StockPagefindMeasurement['queries']['samples']): StockPagefindMeasurement['queries'] {
  const times = samples.map((sample) => sample.ms);
  const bytes = samples.map((sample) => sample.gzip);
  return {
    total: samples.length,
    medianMs: quantile(times, 0.5),
    p95Ms: quantile(times, 0.95),
    maxMs: times.length ? Math.max(...times) : null,
    fetched: { ...byteFigures(bytes), withKeystrokeBefore: byteFigures(samples.map((sample) => sample.gzip + (sample.beforeGzip ?? 0))) },
    samples,
  };
}

/** Plain JavaScript in a string: tsx's transform would wrap named functions in a helper the page lacks. */
const INSTALL = `(() => {
  let loading = null;
  const load = () => (loading ??= import(new URL('pagefind/pagefind.js', document.baseURI).href).then(async (pagefind) => {
    await pagefind.options({ baseUrl: '/' });
    await pagefind.init();
    return pagefind;
  }));
  window.__stockSearch = async (query, firstPage) => {
    const started = performance.now();
    const pagefind = await load();
    const search = await pagefind.search(query);
    const results = search ? search.results : [];
    await Promise.all(results.slice(0, firstPage).map((result) => result.data()));
    return { ms: performance.now() - started, results: results.length };
  };
})()`;
