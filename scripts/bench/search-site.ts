/**
 * Search on a site built earlier, the site's own search beside stock Pagefind
 * on the same index (stock-pagefind.ts): first results shown and settled after
 * the last keystroke, p95 and median, and the bytes the first and each later
 * query fetched (with --samples: each query's, and what the first query fetched, file by file). For measuring
 * a large build once and the list script many times.
 *
 *   npx tsx scripts/bench/search-site.ts <built-site> [queries] [--samples]
 *
 * The site must be built with base `/` (as the bench builds it).
 */
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../../tests/e2e/browser.ts';
import { searchQueries } from './queries.ts';
import { formatSearchComparison } from './search-report.ts';
import { measureSearch, type FetchedResource } from './search-latency.ts';
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
  if (process.argv.includes('--samples')) {
    process.stdout.write(firstQueryFiles('site', site.firstSearch?.resources ?? []) + firstQueryFiles('stock Pagefind', stock.first?.resources ?? []));
  }
} finally {
  await browser.close();
  await server.stop();
}

/** What a first query fetched, by file kind (index chunks and fragments summed), largest first. */
function firstQueryFiles(who: string, resources: readonly FetchedResource[]): string {
  const kinds = new Map<string, number>();
  for (const { url, type, gzip } of resources) {
    if (type === 'inline-script') continue;
    const kind = url.replace(/^\/?/, '/').replace(/\/(index|fragment|english)\/[^/]*$/, '/$1/*').replace(/\.[0-9a-f]{6,}\.(pf_meta)$/, '.*.$1').replace(/\.[\w-]{8}\.js$/, '.*.js');
    kinds.set(kind, (kinds.get(kind) ?? 0) + gzip);
  }
  const rows = [...kinds].sort((a, b) => b[1] - a[1]).map(([kind, gzip]) => `    ${kind} ${(gzip / 1024).toFixed(1)} KB`);
  return `${who}, first query fetched, by file:\n${rows.join('\n')}\n`;
}
