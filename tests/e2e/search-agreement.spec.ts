/**
 * The site and the agents' search (`npm run search`, MCP) on the same archive
 * and queries: the same post-mortems hold every word (the same count, and the
 * same best result), as the one contract says. The order of the rest is each
 * side's own score (Pagefind's on the site, the core's field weights for
 * agents) and is measured, not held, by `npm run bench -- --relevance`.
 */
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { searchPostmortems } from '../../src/lib/agent/agent-search.ts';
import { loadArchive } from '../../src/lib/postmortem/archive/archive.ts';

const { postmortems } = loadArchive(path.resolve('tests/fixtures/site'));
const QUERIES = ['redis', 'certificate expired', 'durability class', 'UNLINK', 'timeouts', 'report export', 'webhook signature', 'certficate', 'oom', 'invoice email', 'dst duplicates', 'schema drift'];

for (const query of QUERIES) {
  test(`“${query}”: the site and the agents find the same full matches, the same first`, async ({ page }) => {
    const agents = searchPostmortems(postmortems, { query, limit: 100 });
    await page.goto(`incidents/?q=${encodeURIComponent(query)}`);
    const status = page.getByRole('status');
    await expect(status).toContainText(/post-mortem/);
    await expect(page.locator('[data-search-results] > li').first()).toBeVisible();
    const text = (await status.textContent()) ?? '';
    const complete = /^No post-mortem matches every word/.test(text) ? 0 : Number(/^(\d+) of/.exec(text)?.[1]);
    expect(complete, text).toBe(agents.complete);
    const first = await page.locator('[data-search-results] [data-search-field="title"]').first().getAttribute('href');
    expect(first).toContain(`/incidents/${agents.results[0]!.slug}/`);
  });
}
