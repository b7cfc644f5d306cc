/**
 * What Pagefind's filter chunks cost a search: each word searched 15 times
 * (its chunks preloaded first) by an instance that never loaded the filters
 * and by one that did (`pagefind.filters()`, as the incident list did until
 * 2026-12-07 so every search reported facet counts), the two alternated.
 * Prints results and the median and fastest time per word.
 *
 *   npx tsx scripts/bench/pagefind-filter-cost.ts <built-site> <word>…
 */
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../../tests/e2e/browser.ts';
import { quantile } from '../../src/lib/postmortem/stats.ts';
import { serveFolder } from './static-server.ts';

const [built, ...words] = process.argv.slice(2);
if (!built || !words.length) {
  process.stderr.write('usage: pagefind-filter-cost.ts <built-site> <word>…\n');
  process.exit(2);
}
/** Searches per word and instance: alternated between the two instances, so a change in the machine's load hits both alike. */
const RUNS = 15;
const server = await serveFolder(built);
const browser = await chromium.launch(chromiumLaunchOptions());
try {
  const instances = await Promise.all(
    [false, true].map(async (withFilters) => {
      const page = await browser.newPage();
      await page.goto(server.url);
      // Plain JavaScript in a string: tsx's transform would wrap named functions in a helper the page lacks.
      await page.evaluate(`(async () => {
        const pagefind = await import('/pagefind/pagefind.js');
        await pagefind.options({ baseUrl: '/' });
        await pagefind.init();
        if (${withFilters}) await pagefind.filters();
        for (const word of ${JSON.stringify(words)}) await pagefind.preload(word);
        window.__timeSearch = async (term) => {
          const started = performance.now();
          const found = (await pagefind.search(term)).results.length;
          return { ms: performance.now() - started, found };
        };
      })()`);
      return { withFilters, page, times: new Map<string, number[]>(), found: new Map<string, number>() };
    }),
  );
  for (let run = 0; run < RUNS; run += 1) {
    for (const word of words) {
      for (const instance of run % 2 ? [...instances].reverse() : instances) {
        // A trailing space makes each run a new question, not one Pagefind could answer from memory.
        const { ms, found } = (await instance.page.evaluate(`window.__timeSearch(${JSON.stringify(word + ' '.repeat(run))})`)) as { ms: number; found: number };
        instance.times.set(word, [...(instance.times.get(word) ?? []), ms]);
        instance.found.set(word, found);
      }
    }
  }
  for (const { withFilters, times, found } of instances) {
    process.stdout.write(`${withFilters ? 'with the filter chunks' : 'without the filter chunks'}\n`);
    let medians = 0;
    for (const word of words) {
      const sorted = [...times.get(word)!].sort((a, b) => a - b);
      medians += quantile(sorted, 0.5)!;
      process.stdout.write(`${word}: ${found.get(word)} results, median ${quantile(sorted, 0.5)!.toFixed(1)} ms, fastest ${sorted[0]!.toFixed(1)} ms\n`);
    }
    process.stdout.write(`sum of the medians: ${medians.toFixed(1)} ms\n`);
  }
} finally {
  await browser.close();
  await server.stop();
}
