/**
 * The incident list draws the post-mortems holding every word before those
 * holding only some (incident-list-page.ts, findAll's two stages): with the
 * real Pagefind and the built vocabulary, the rows of that first draw are
 * always the first rows of the settled list, in the same order, so nothing
 * the reader already sees moves when the partial matches arrive. Over
 * queries of two and three of the fixture archive's own words.
 */
import { expect, test } from '@playwright/test';

interface Draw {
  busy: boolean;
  hrefs: string[];
}

declare global {
  interface Window {
    __draws?: Draw[];
  }
}

/** Pairs and triples of the vocabulary's first words, and of their beginnings: words the archive holds, so early draws happen. */
function queriesOf(words: readonly string[]): string[] {
  const common = words.slice(0, 10);
  const pairs = common.flatMap((a, i) => common.slice(i + 1).map((b) => `${a} ${b}`));
  const triples = common.slice(0, 6).map((a, i) => `${a} ${common[(i + 3) % 10]} ${common[(i + 7) % 10]!.slice(0, 4)}`);
  return [...pairs, ...triples];
}

test('the first draw of a query of the archive\'s words is always the start of the settled list, in order', async ({ page }) => {
  test.setTimeout(180_000);
  // Every change of the result rows or of the region's busy mark, from the page's first draw on.
  await page.addInitScript(() => {
    const draws: Draw[] = [];
    window.__draws = draws;
    document.addEventListener('DOMContentLoaded', () => {
      const region = document.getElementById('results-region')!;
      const list = document.querySelector('[data-search-results]')!;
      new MutationObserver(() => {
        const hrefs = [...list.querySelectorAll<HTMLAnchorElement>('[data-search-field="title"]')].map((link) => link.pathname);
        const busy = region.getAttribute('aria-busy') === 'true';
        const last = draws.at(-1);
        if (!last || last.busy !== busy || last.hrefs.join() !== hrefs.join()) draws.push({ busy, hrefs });
      }).observe(region, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-busy'] });
    });
  });
  const vocabulary = (await (await page.request.get('incidents/vocabulary.json')).json()) as { words: string[] };
  const queries = queriesOf(vocabulary.words);
  expect(queries.length).toBeGreaterThanOrEqual(40);
  let early = 0;
  let appended = 0;
  for (const query of queries) {
    await page.goto(`incidents/?q=${encodeURIComponent(query)}`);
    // Settled: results or the empty state shown, and the region no longer busy.
    await page.waitForFunction(() => {
      const view = document.querySelector<HTMLElement>('[data-search-view]')!;
      const empty = document.querySelector<HTMLElement>('[data-empty]')!;
      return (!view.hidden || !empty.hidden) && !document.getElementById('results-region')!.hasAttribute('aria-busy');
    });
    const draws = await page.evaluate(() => window.__draws!);
    const settled = draws.at(-1)!;
    expect(settled.busy, query).toBe(false);
    for (const draw of draws.filter((d) => d.busy)) {
      early += 1;
      expect(draw.hrefs.length, query).toBeGreaterThan(0);
      expect(settled.hrefs.slice(0, draw.hrefs.length), `“${query}”: the first draw's rows lead the settled list`).toEqual(draw.hrefs);
      if (settled.hrefs.length > draw.hrefs.length) appended += 1;
    }
  }
  // Not vacuous: most queries drew early, and for some the partial matches were appended below.
  expect(early).toBeGreaterThan(queries.length / 2);
  expect(appended).toBeGreaterThan(0);
});
