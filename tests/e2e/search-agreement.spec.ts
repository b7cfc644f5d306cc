/**
 * One search, one ranking: the site (Pagefind in the browser) and the agents'
 * search (`npm run search`, MCP: the core's ranking, src/lib/search/ranking.ts)
 * on the same archive and queries give the same top 10 as a set, the same top
 * 3 in order and the same number of post-mortems holding every word, for
 * single words, several words with partial matches, ids, a misspelling and
 * long questions. The site's list shows four results a page here
 * (playwright.config.ts), so its top 10 is read from its pages, up to the last.
 */
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { searchPostmortems } from '../../src/lib/agent/agent-search.ts';
import { loadArchive } from '../../src/lib/postmortem/archive/archive.ts';

const { postmortems } = loadArchive(path.resolve('tests/fixtures/site'));
const QUERIES = [
  'redis',
  'certificate expired',
  'durability class',
  'UNLINK',
  'timeouts',
  'report export',
  'webhook signature',
  'certficate',
  'oom',
  'invoice email',
  'dst duplicates',
  'schema drift',
  'deploy',
  'memory',
  'customers could not log in',
  'database connection pool',
  'cache eviction sessions lost',
  'alert fired late',
  'rollback',
  'queue backlog',
  'SEV-1',
  'OPS-9999',
  'timezone daylight saving',
  'why did the reports run twice?',
  'What happened when the bank feed changed its columns?',
  'ingest worker upgrade ran out of memory',
  'signature verification failing after secret rotation',
  'export slow postgres',
];
/** The site's results for `query`, in order, read from its pages until ten (or the end); and how many hold every word. */
async function siteTop(page: Page, query: string): Promise<{ slugs: string[]; complete: number | null }> {
  const slugs: string[] = [];
  let complete: number | null = null;
  for (let at = 1; slugs.length < 10; at++) {
    await page.goto(`incidents/?q=${encodeURIComponent(query)}${at > 1 ? `&page=${at}` : ''}`);
    // Settled: result cards in the search view, or the empty state, with no partial matches still to come (aria-busy).
    await page.waitForFunction(() => {
      const results = document.querySelector('[data-search-results]');
      const empty = document.querySelector<HTMLElement>('[data-empty]');
      const drawn = (results && results.children.length > 0 && !(results.parentElement as HTMLElement).hidden) || (empty && !empty.hidden);
      return drawn && !document.getElementById('results-region')?.hasAttribute('aria-busy');
    });
    const hrefs = await page.locator('[data-search-results] [data-search-field="title"]').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).pathname));
    if (at === 1) {
      const text = (await page.getByRole('status').textContent()) ?? '';
      complete = hrefs.length === 0 || /^No post-mortem matches every word/.test(text) ? 0 : Number(/^(\d+) of/.exec(text)?.[1]);
    }
    slugs.push(...hrefs.map((href) => href.replace(/\/$/, '').split('/').pop()!));
    if (await page.locator('[data-search-next]').isHidden()) break;
  }
  return { slugs: slugs.slice(0, 10), complete };
}

for (const query of QUERIES) {
  test(`“${query}”: the site and the agents rank alike (top 10 as a set, top 3 in order)`, async ({ page }) => {
    const agents = searchPostmortems(postmortems, { query, limit: 10 });
    const site = await siteTop(page, query);
    const agentSlugs = agents.results.map((result) => result.slug);
    expect(site.slugs.slice(0, 3), 'top 3 in order').toEqual(agentSlugs.slice(0, 3));
    expect([...site.slugs].sort(), 'top 10 as a set').toEqual([...agentSlugs].sort());
    expect(site.complete, 'how many hold every word').toBe(agents.complete);
  });
}
