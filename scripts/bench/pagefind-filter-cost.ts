/**
 * What Pagefind's filter chunks cost a search: each word searched five times
 * in the page (its chunks preloaded first), once by an instance that never
 * loaded the filters and once by one that did (`pagefind.filters()`, as the
 * incident list does so every search reports facet counts). Prints results
 * and the median and fastest time per word.
 *
 *   npx tsx scripts/bench/pagefind-filter-cost.ts <built-site> <word>…
 */
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../../tests/e2e/browser.ts';
import { serveFolder } from './static-server.ts';

const [built, ...words] = process.argv.slice(2);
if (!built || !words.length) {
  process.stderr.write('usage: pagefind-filter-cost.ts <built-site> <word>…\n');
  process.exit(2);
}
const server = await serveFolder(built);
const browser = await chromium.launch(chromiumLaunchOptions());
try {
  for (const withFilters of [false, true]) {
    const page = await browser.newPage();
    await page.goto(server.url);
    // Plain JavaScript in a string: tsx's transform would wrap named functions in a helper the page lacks.
    const lines = await page.evaluate(`(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      await pagefind.options({ baseUrl: '/' });
      await pagefind.init();
      if (${withFilters}) await pagefind.filters();
      const lines = [];
      for (const word of ${JSON.stringify(words)}) {
        await pagefind.preload(word);
        const times = [];
        let found = 0;
        for (let run = 0; run < 5; run++) {
          const started = performance.now();
          // A trailing space makes each run a new question, not one Pagefind could answer from memory.
          found = (await pagefind.search(word + ' '.repeat(run))).results.length;
          times.push(performance.now() - started);
        }
        times.sort((a, b) => a - b);
        lines.push(word + ': ' + found + ' results, median ' + times[2].toFixed(0) + ' ms, fastest ' + times[0].toFixed(0) + ' ms');
      }
      return lines.join('\\n');
    })()`);
    process.stdout.write(`${withFilters ? 'with the filter chunks' : 'without the filter chunks'}\n${lines}\n`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
