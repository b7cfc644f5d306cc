/**
 * Search on a site built earlier, the site's own search beside stock Pagefind
 * on the same index (stock-pagefind.ts): first results shown and settled after
 * the last keystroke, p95 and median, and the bytes the first and each later
 * query fetched. For measuring a large build once and the list script many times.
 *
 *   npx tsx scripts/bench/search-site.ts <built-site> [queries]
 *
 * The site must be built with base `/` (as the bench builds it).
 */
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../../tests/e2e/browser.ts';
import { searchQueries } from './queries.ts';
import { formatSearchComparison } from './search-report.ts';
import { measureSearch } from './search-latency.ts';
import { serveFolder } from './static-server.ts';
import { measureStockPagefind } from './stock-pagefind.ts';

const [built, queryCount = '60'] = process.argv.slice(2);
if (!built) {
  process.stderr.write('usage: search-site.ts <built-site> [queries]\n');
  process.exit(2);
}
const server = await serveFolder(built);
const browser = await chromium.launch(chromiumLaunchOptions());
try {
  const queries = searchQueries(Number(queryCount) + 1);
  const site = await measureSearch(browser, server.url, `${server.url}incidents/`, queries);
  const stock = await measureStockPagefind(browser, server.url, queries);
  process.stdout.write(formatSearchComparison(site, stock, process.argv.includes('--samples')));
} finally {
  await browser.close();
  await server.stop();
}
