/**
 * Search on the incident list, in a browser: what the page fetches before
 * anyone touches it, what the first search fetches, and the latency from a
 * keystroke to the result list settling, over many queries.
 *
 * Timing happens inside the page: a capture-phase keydown listener takes the
 * event's timestamp, and a MutationObserver on the result list (the search
 * box's `aria-controls` target, else `[data-results]`, else `main`) records
 * the first change (first results shown) and the last change until the list
 * has been quiet for 100 ms (settled). Latencies are those changes minus the
 * keystroke, so debouncing and chunked rendering count.
 */
import { gzipSync } from 'node:zlib';
import type { Browser, Locator, Page } from '@playwright/test';
import { quantile } from '../../src/lib/postmortem/stats.ts';
import { inlineScripts } from './page-weights.ts';

export interface FetchedResource {
  url: string;
  type: string;
  gzip: number;
}

export interface SearchMeasurement {
  status: 'ok' | 'missing' | 'error';
  note?: string;
  /** Everything fetched by the list page before the first interaction. */
  beforeInteraction: { jsGzip: number; totalGzip: number; resources: FetchedResource[]; searchLike: string[] };
  /** The first search: what it fetched and how long it took from the first keystroke (index loading included). */
  firstSearch: { query: string; latencyMs: number | null; gzip: number; resources: FetchedResource[] } | null;
  queries: {
    total: number;
    measured: number;
    unchanged: number;
    /** Keystroke → the list settled (its last change). */
    medianMs: number | null;
    p95Ms: number | null;
    maxMs: number | null;
    /** Keystroke → the list's first change: the first results shown. */
    firstShown?: { medianMs: number | null; p95Ms: number | null };
    /**
     * Bytes (gzip) each later query's measured keystroke fetched: index chunks and fragments not yet cached, as
     * stock Pagefind's are counted; `withKeystrokeBefore` adds what the keystroke before it fetched (the query
     * but its last character: counted in the site's figure until 2026-12-07).
     */
    fetched?: ByteFigures & { withKeystrokeBefore?: ByteFigures };
    /** `stages`: the page's own `performance.measure` entries named `search: …` for the measured keystroke, in ms. */
    samples: { query: string; ms: number | null; firstMs?: number | null; gzip: number; beforeGzip?: number; stages?: Record<string, number>; resources?: FetchedResource[] }[];
  };
}

export interface ByteFigures {
  medianGzip: number | null;
  p95Gzip: number | null;
  maxGzip: number | null;
}

const QUIET_MS = 100;
/** How long a keystroke may take to change the list, at least; slow searches stretch it (see waitFor). */
const CHANGE_TIMEOUT_MS = 2_000;
const FIRST_SEARCH_TIMEOUT_MS = 30_000;
/** The timed queries stop after this long, so a very slow search cannot stall the whole bench. */
const QUERY_BUDGET_MS = 5 * 60_000;

declare global {
  interface Window {
    __benchArm?: (quietMs: number, timeoutMs: number) => void;
    __benchPending?: Promise<{ ms: number; firstMs: number } | null>;
  }
}

/** Measures search on `listUrl`; queries[0] is the first search, the rest give the latency distribution. */
export async function measureSearch(browser: Browser, baseUrl: string, listUrl: string, queries: readonly string[]): Promise<SearchMeasurement> {
  const result: SearchMeasurement = {
    status: 'ok',
    beforeInteraction: { jsGzip: 0, totalGzip: 0, resources: [], searchLike: [] },
    firstSearch: null,
    queries: { total: 0, measured: 0, unchanged: 0, medianMs: null, p95Ms: null, maxMs: null, fetched: { medianGzip: null, p95Gzip: null, maxGzip: null }, samples: [] },
  };
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const fetches = recordFetches(page, baseUrl);
    const response = await page.goto(listUrl, { waitUntil: 'load' });
    if (!response || response.status() >= 400) return { ...result, status: 'missing', note: `incident list answered HTTP ${response?.status() ?? 'nothing'}` };
    await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
    await Promise.all(fetches.bodies);
    result.beforeInteraction = summarise(fetches.fetched.before);

    const box = page.getByRole('searchbox', { name: /search/i });
    if ((await box.count()) === 0) return { ...result, status: 'missing', note: 'no searchbox named /search/i on the incident list' };
    await instrument(page);

    const [first, ...rest] = queries;
    result.firstSearch = await searchFirst(page, box, first!, fetches);
    const { samples, note } = await timeQueries(page, box, rest, fetches, result.firstSearch.latencyMs);
    if (note) result.note = note;
    result.queries = summariseQueries(samples);
    return result;
  } catch (error) {
    return { ...result, status: 'error', note: error instanceof Error ? error.message.split('\n')[0] : String(error) };
  } finally {
    await context.close();
  }
}

type Sample = SearchMeasurement['queries']['samples'][number];

/** What the page fetched, by phase: `phase` says where the next response goes; `bodies` settle once every body is read. */
export interface Fetches {
  phase: 'before' | 'after' | 'query';
  fetched: Record<'before' | 'after' | 'query', FetchedResource[]>;
  bodies: Promise<void>[];
}

/** Records every response's gzip size (and a document's inline scripts) under the phase current when it arrived. */
export function recordFetches(page: Page, baseUrl: string): Fetches {
  const fetches: Fetches = { phase: 'before', fetched: { before: [], after: [], query: [] }, bodies: [] };
  page.on('response', (response) => {
    const into = fetches.fetched[fetches.phase];
    fetches.bodies.push(
      response.body().then(
        (body) => {
          const type = response.request().resourceType();
          const gzip = gzipSync(body).length;
          if (type === 'document') {
            const inline = inlineScripts(body.toString('utf8'));
            if (inline) into.push({ url: `${response.url().replace(baseUrl, '/')} (inline scripts)`, type: 'inline-script', gzip: gzipSync(inline).length });
          }
          into.push({ url: response.url().replace(baseUrl, '/'), type, gzip });
        },
        () => undefined,
      ),
    );
  });
  return fetches;
}

/** The first search, timed from its first keystroke, so loading the index on demand counts. */
async function searchFirst(page: Page, box: Locator, query: string, fetches: Fetches): Promise<NonNullable<SearchMeasurement['firstSearch']>> {
  fetches.phase = 'after';
  await box.click();
  await armClock(page, FIRST_SEARCH_TIMEOUT_MS);
  await page.keyboard.type(query);
  const change = await listSettled(page);
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
  await Promise.all(fetches.bodies);
  return { query, latencyMs: change?.ms ?? null, gzip: sum(fetches.fetched.after), resources: fetches.fetched.after };
}

/** Times each later query's last keystroke, within QUERY_BUDGET_MS; `note` says when the budget cut the run short. */
async function timeQueries(page: Page, box: Locator, queries: readonly string[], fetches: Fetches, firstMs: number | null): Promise<{ samples: Sample[]; note?: string }> {
  const samples: Sample[] = [];
  fetches.phase = 'query';
  const deadline = Date.now() + QUERY_BUDGET_MS;
  for (const query of queries) {
    if (Date.now() > deadline) {
      return { samples, note: `stopped after ${samples.length} queries: the ${QUERY_BUDGET_MS / 60_000}-minute budget for timed queries ran out` };
    }
    // Wait long enough for a slow search to answer: five times the typical latency so far.
    const typical = quantile(samples.flatMap((sample) => (sample.ms === null ? [] : [sample.ms])), 0.5) ?? firstMs ?? 0;
    const timeout = Math.min(20_000, Math.max(CHANGE_TIMEOUT_MS, 5 * typical));
    // The query but its last character, settled, then the last character is the measured keystroke.
    await armClock(page, timeout);
    fetches.fetched.query = [];
    await box.fill(query.slice(0, -1));
    await listSettled(page);
    await Promise.all(fetches.bodies);
    const beforeGzip = sum(fetches.fetched.query);
    fetches.fetched.query = [];
    await stageTimes(page);
    await armClock(page, timeout);
    await page.keyboard.press(query.slice(-1) === ' ' ? 'Space' : query.slice(-1));
    const change = await listSettled(page);
    await Promise.all(fetches.bodies);
    const stages = await stageTimes(page);
    samples.push({ query, ms: change ? change.ms : null, firstMs: change ? change.firstMs : null, gzip: sum(fetches.fetched.query), beforeGzip, stages, resources: fetches.fetched.query });
  }
  return { samples };
}

/** Latency and bytes fetched over the timed queries; a query that never changed the list has no latency. */
function summariseQueries(samples: Sample[]): SearchMeasurement['queries'] {
  const times = samples.flatMap((sample) => (sample.ms === null ? [] : [sample.ms]));
  const firsts = samples.flatMap((sample) => (sample.firstMs === null || sample.firstMs === undefined ? [] : [sample.firstMs]));
  return {
    total: samples.length,
    measured: times.length,
    unchanged: samples.length - times.length,
    medianMs: quantile(times, 0.5),
    p95Ms: quantile(times, 0.95),
    maxMs: times.length ? Math.max(...times) : null,
    firstShown: { medianMs: quantile(firsts, 0.5), p95Ms: quantile(firsts, 0.95) },
    fetched: { ...byteFigures(samples.map((sample) => sample.gzip)), withKeystrokeBefore: byteFigures(samples.map((sample) => sample.gzip + (sample.beforeGzip ?? 0))) },
    samples,
  };
}

/** The page's `search: …` measures since the last call (summed by name), cleared. */
async function stageTimes(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const stages: Record<string, number> = {};
    for (const entry of performance.getEntriesByType('measure')) {
      if (entry.name.startsWith('search:')) stages[entry.name] = (stages[entry.name] ?? 0) + entry.duration;
    }
    performance.clearMeasures();
    return stages;
  });
}

/** Median, p95 and most of the bytes some queries fetched. */
export function byteFigures(bytes: number[]): ByteFigures {
  return { medianGzip: quantile(bytes, 0.5), p95Gzip: quantile(bytes, 0.95), maxGzip: bytes.length ? Math.max(...bytes) : null };
}

/** Starts the in-page clock for the next keystroke; it gives up after `timeoutMs` without a change. */
async function armClock(page: Page, timeoutMs: number): Promise<void> {
  await page.evaluate(({ quiet, timeout }) => window.__benchArm!(quiet, timeout), { quiet: QUIET_MS, timeout: timeoutMs });
}

/** Keystroke → first and last change of the result list, once it has been quiet for QUIET_MS; null if it never changed. */
function listSettled(page: Page): Promise<{ ms: number; firstMs: number } | null> {
  return page.evaluate(() => window.__benchPending!);
}

/**
 * Installs the in-page clock: `__benchArm` starts watching, `__benchPending` resolves with keystroke → last change.
 * Plain JavaScript in a string: tsx's transform would wrap named functions in a helper the page lacks.
 */
async function instrument(page: Page): Promise<void> {
  await page.evaluate(INSTRUMENT);
}

const INSTRUMENT = `(() => {
  const box = document.querySelector('input[type="search"], [role="searchbox"]');
  const controls = box && box.getAttribute('aria-controls') ? box.getAttribute('aria-controls').split(/\\s+/)[0] : null;
  const results = document.querySelector('[data-results]');
  const root = (controls && document.getElementById(controls)) || (results && results.parentElement) || document.querySelector('main') || document.body;
  let keyAt = null;
  window.addEventListener('keydown', (event) => { if (keyAt === null) keyAt = event.timeStamp; }, true);
  window.__benchArm = (quietMs, timeoutMs) => {
    keyAt = null;
    window.__benchPending = new Promise((resolve) => {
      let first = null;
      let last = null;
      let quiet;
      let timeout;
      let observer;
      const finish = () => {
        observer.disconnect();
        clearTimeout(quiet);
        clearTimeout(timeout);
        resolve(last !== null && keyAt !== null ? { ms: last - keyAt, firstMs: first - keyAt } : null);
      };
      observer = new MutationObserver((records) => {
        if (!records.some((record) => !box || (record.target !== box && !box.contains(record.target)))) return;
        last = performance.now();
        if (first === null) first = last;
        clearTimeout(quiet);
        quiet = setTimeout(finish, quietMs);
      });
      timeout = setTimeout(finish, timeoutMs);
      observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    });
  };
})()`;

function summarise(resources: FetchedResource[]): SearchMeasurement['beforeInteraction'] {
  return {
    jsGzip: sum(resources.filter((r) => r.type === 'script' || r.type === 'inline-script')),
    totalGzip: sum(resources.filter((r) => r.type !== 'inline-script')),
    resources,
    searchLike: resources.filter((r) => r.type !== 'document' && /search|fuse|pagefind|vocabulary|\.json/i.test(r.url)).map((r) => r.url),
  };
}

export function sum(resources: readonly FetchedResource[]): number {
  return resources.filter((r) => r.type !== 'inline-script').reduce((total, r) => total + r.gzip, 0);
}
