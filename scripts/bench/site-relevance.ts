/**
 * The labelled set's queries typed into the real built site, in a browser:
 * the incident list's first page of results (ten) for each query, read from
 * the page as a reader sees it, so what is measured is exactly what the site
 * ranks (spelling correction, Pagefind, full matches before partial ones).
 */
import type { Browser } from '@playwright/test';

/** Slugs of the site's top results for each query, in order (at most ten: the list's first page). */
export async function siteRankings(browser: Browser, baseUrl: string, queries: readonly string[]): Promise<string[][]> {
  const page = await browser.newPage();
  try {
    const rankings: string[][] = [];
    for (const query of queries) {
      await page.goto(`${baseUrl}incidents/?q=${encodeURIComponent(query)}`);
      // Drawn: either result cards in the search view or the empty state.
      await page.waitForFunction(() => {
        const results = document.querySelector('[data-search-results]');
        const empty = document.querySelector<HTMLElement>('[data-empty]');
        return (results && results.children.length > 0 && !(results.parentElement as HTMLElement).hidden) || (empty && !empty.hidden);
      });
      const hrefs = await page.$$eval('[data-search-results] [data-search-field="title"]', (links) => links.map((link) => (link as HTMLAnchorElement).pathname));
      rankings.push(hrefs.map((href) => href.replace(/\/$/, '').split('/').pop()!));
    }
    return rankings;
  } finally {
    await page.close();
  }
}
