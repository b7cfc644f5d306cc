/**
 * Search on the incident list, in a browser: what the page fetches before
 * anyone touches it, what the first search fetches, and the latency from a
 * keystroke to the result list settling, over many queries.
 *
 * Timing happens inside the page: a capture-phase keydown listener takes the
 * event's timestamp, and a MutationObserver on the result list (the search
 * box's `aria-controls` target, else `[data-results]`, else `main`) records
 * the last change until the list has been quiet for 100 ms. Latency is last
 * change minus keystroke, so debouncing and chunked rendering count.
 */
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from '@playwright/test';
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
    medianMs: number | null;
    p95Ms: number | null;
    maxMs: number | null;
    /** Bytes (gzip) each later query fetched: index chunks and fragments not yet cached. */
    fetched?: { medianGzip: number | null; p95Gzip: number | null; maxGzip: number | null };
    samples: { query: string; ms: number | null; gzip: number }[];
  };
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
    __benchPending?: Promise<{ ms: number } | null>;
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
    let phase: 'before' | 'after' | 'query' = 'before';
    const fetched = { before: [] as FetchedResource[], after: [] as FetchedResource[], query: [] as FetchedResource[] };
    const bodies: Promise<void>[] = [];
    page.on('response', (response) => {
      const into = fetched[phase];
      bodies.push(
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
    const response = await page.goto(listUrl, { waitUntil: 'load' });
    if (!response || response.status() >= 400) return { ...result, status: 'missing', note: `incident list answered HTTP ${response?.status() ?? 'nothing'}` };
    await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
    await Promise.all(bodies);
    result.beforeInteraction = summarise(fetched.before);

    const box = page.getByRole('searchbox', { name: /search/i });
    if ((await box.count()) === 0) return { ...result, status: 'missing', note: 'no searchbox named /search/i on the incident list' };
    await instrument(page);

    phase = 'after';
    const [first, ...rest] = queries;
    await box.click();
    await page.evaluate(({ quiet, timeout }) => window.__benchArm!(quiet, timeout), { quiet: QUIET_MS, timeout: FIRST_SEARCH_TIMEOUT_MS });
    await page.keyboard.type(first!);
    const firstChange = await page.evaluate(() => window.__benchPending!);
    await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
    await Promise.all(bodies);
    result.firstSearch = { query: first!, latencyMs: firstChange?.ms ?? null, gzip: sum(fetched.after), resources: fetched.after };

    const samples: { query: string; ms: number | null; gzip: number }[] = [];
    phase = 'query';
    const deadline = Date.now() + QUERY_BUDGET_MS;
    for (const query of rest) {
      if (Date.now() > deadline) {
        result.note = `stopped after ${samples.length} queries: the ${QUERY_BUDGET_MS / 60_000}-minute budget for timed queries ran out`;
        break;
      }
      // Wait long enough for a slow search to answer: five times the typical latency so far.
      const typical = quantile(samples.flatMap((sample) => (sample.ms === null ? [] : [sample.ms])), 0.5) ?? firstChange?.ms ?? 0;
      const timeout = Math.min(20_000, Math.max(CHANGE_TIMEOUT_MS, 5 * typical));
      // The query but its last character, settled, then the last character is the measured keystroke.
      await page.evaluate(({ quiet, timeout }) => window.__benchArm!(quiet, timeout), { quiet: QUIET_MS, timeout });
      fetched.query = [];
      await box.fill(query.slice(0, -1));
      await page.evaluate(() => window.__benchPending!);
      await page.evaluate(({ quiet, timeout }) => window.__benchArm!(quiet, timeout), { quiet: QUIET_MS, timeout });
      await page.keyboard.press(query.slice(-1) === ' ' ? 'Space' : query.slice(-1));
      const change = await page.evaluate(() => window.__benchPending!);
      await Promise.all(bodies);
      samples.push({ query, ms: change ? change.ms : null, gzip: sum(fetched.query) });
    }
    const times = samples.flatMap((sample) => (sample.ms === null ? [] : [sample.ms]));
    result.queries = {
      total: samples.length,
      measured: times.length,
      unchanged: samples.length - times.length,
      medianMs: quantile(times, 0.5),
      p95Ms: quantile(times, 0.95),
      maxMs: times.length ? Math.max(...times) : null,
      fetched: {
        medianGzip: quantile(samples.map((sample) => sample.gzip), 0.5),
        p95Gzip: quantile(samples.map((sample) => sample.gzip), 0.95),
        maxGzip: samples.length ? Math.max(...samples.map((sample) => sample.gzip)) : null,
      },
      samples,
    };
    return result;
  } catch (error) {
    return { ...result, status: 'error', note: error instanceof Error ? error.message.split('\n')[0] : String(error) };
  } finally {
    await context.close();
  }
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
      let last = null;
      let quiet;
      let timeout;
      let observer;
      const finish = () => {
        observer.disconnect();
        clearTimeout(quiet);
        clearTimeout(timeout);
        resolve(last !== null && keyAt !== null ? { ms: last - keyAt } : null);
      };
      observer = new MutationObserver((records) => {
        if (!records.some((record) => !box || (record.target !== box && !box.contains(record.target)))) return;
        last = performance.now();
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

function sum(resources: readonly FetchedResource[]): number {
  return resources.filter((r) => r.type !== 'inline-script').reduce((total, r) => total + r.gzip, 0);
}
