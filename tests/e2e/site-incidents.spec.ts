/**
 * The incident history: static pages readable and pageable without
 * JavaScript; with it, full-text search of every section (Pagefind, built
 * with the site) with typo correction, combinable facets with counts, sort
 * and result pages, all in the URL, loaded on first use. The fixture site is
 * built with HINDSIGHT_PAGE_SIZE=4 (playwright.config.ts), so 9 post-mortems make 3 pages.
 * Expectations are computed from the fixture archive with the core.
 */
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { loadArchive } from '../../src/lib/postmortem/archive/archive.ts';
import { facetValuesOf } from '../../src/lib/site/facet-options.ts';
import { countFacets, matchesFilters, type Filters } from '../../src/lib/site/facets.ts';
import { watchRequests } from './settle.ts';

const { postmortems } = loadArchive(path.resolve('tests/fixtures/site'));
const items = postmortems.map((pm) => facetValuesOf(pm, postmortems));
const TLS = postmortems.find((pm) => pm.slug === '2025-04-09-expired-tls-certificate')!;
const REDIS = postmortems.find((pm) => pm.slug === '2025-05-21-redis-session-eviction')!;
const PAGE_SIZE = 4;
const expectedCount = (filters: Filters) => items.filter((item) => matchesFilters(item, filters)).length;

const rows = (page: Page) => page.locator('[data-results] > li:visible');
const searchBox = (page: Page) => page.getByRole('searchbox', { name: /Search/ });
const facet = (page: Page, legend: string, value: string) => page.getByRole('group', { name: legend }).getByRole('checkbox', { name: new RegExp(`^${value}\\b`) });

test('a phrase only in one post-mortem\'s Lessons Learned is found, with the sentence and a link to the section', async ({ page }) => {
  await page.goto('incidents/');
  await searchBox(page).fill('durability class');
  // One post-mortem holds both words; others that hold one of them follow it.
  await expect(page.getByRole('status')).toContainText(`1 of ${postmortems.length} post-mortems match every word`);
  const result = rows(page).first();
  await expect(result.getByRole('heading')).toHaveText(REDIS.meta.title);
  const line = result.locator('[data-search-matches]');
  await expect(line).toContainText('In Lessons Learned:');
  await expect(line.locator('mark').first()).toHaveText(/durability/i);
  await expect(line).toContainText('rather than by team or convenience');
  await expect(line.getByRole('link', { name: 'Lessons Learned' })).toHaveAttribute('href', `/hindsight/incidents/${REDIS.slug}/#lessons-learned`);
  // The others hold one of the words: each card says so.
  await expect(line).not.toContainText('Some of the words only');
  await expect(rows(page).nth(1).locator('[data-search-matches]')).toContainText('Some of the words only');
});

test('a misspelt word finds what the correct one finds, says what it searched for, and links to the words as typed', async ({ page }) => {
  await page.goto('incidents/');
  await searchBox(page).fill('durabilty class');
  await expect(page.getByRole('status')).toContainText(`1 of ${postmortems.length} post-mortems match every word`);
  await expect(rows(page).first().getByRole('heading')).toHaveText(REDIS.meta.title);
  const notice = page.locator('[data-correction]');
  await expect(notice).toHaveText('Searched for “durability class” — search for “durabilty class” instead');
  await searchBox(page).fill('certficate');
  await expect(rows(page).first().getByRole('heading')).toHaveText(TLS.meta.title);
  await expect(rows(page).first().locator('mark').first()).toBeVisible();
  await expect(notice).toContainText('Searched for “certificate”');
  // The URL keeps the reader's words; the link searches them as typed.
  await expect(page).toHaveURL(/[?&]q=certficate/);
  await notice.getByRole('link').click();
  await expect(page).toHaveURL(/[?&]q=certficate&verbatim=1/);
  await expect(searchBox(page)).toHaveValue('certficate');
  await expect(notice).toBeHidden();
});

test('a correctly spelt word the archive does not use is searched as typed, not rewritten', async ({ page }) => {
  await page.goto('incidents/');
  // "corrupted" is a typo away from "corrected", which the archive uses: a look-alike corrector would rewrite it.
  await searchBox(page).fill('corrupted');
  await expect(page.getByText('No post-mortems match')).toBeVisible();
  await expect(page.getByText('No post-mortems match')).toContainText('“corrupted”');
  await expect(page.locator('[data-correction]')).toBeHidden();
});

test('typing a query switches the sort box to Best match, and clearing it back to Newest first', async ({ page }) => {
  await page.goto('incidents/');
  const sort = page.getByRole('combobox', { name: 'Sort' });
  await expect(sort).toHaveValue('newest');
  await searchBox(page).fill('redis');
  await expect(sort).toHaveValue('relevance');
  await searchBox(page).fill('');
  await expect(sort).toHaveValue('newest');
});

test('at 390 px a result with a long identifier does not make the page wider than the screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('incidents/');
  await searchBox(page).fill('certmanager_certificate_expiration_timestamp_seconds');
  await expect(rows(page).first().getByRole('heading')).toHaveText(TLS.meta.title);
  await expect(rows(page).first().locator('[data-search-matches]')).toContainText('certmanager_certificate_expiration_timestamp_seconds');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test('a phrase with no full match does not fall back to every post-mortem holding a common word', async ({ page }) => {
  await page.goto('incidents/');
  await searchBox(page).fill('a zqxwv in the');
  await expect(page.getByText('No post-mortems match')).toBeVisible();
  await expect(rows(page)).toHaveCount(0);
});

test('a word only in one Timeline row is found, linked to the timeline', async ({ page }) => {
  const row = REDIS.timeline.find((event) => event.event.includes('UNLINK'))!;
  expect(row).toBeDefined();
  await page.goto('incidents/');
  await searchBox(page).fill('UNLINK');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first().locator('[data-search-matches] a')).toHaveAttribute('href', /#timeline/);
});

test('a search with no results shows a clear empty state that can be reset', async ({ page }) => {
  await page.goto('incidents/');
  await searchBox(page).fill('zqxwv');
  await expect(rows(page)).toHaveCount(0);
  const empty = page.getByText('No post-mortems match');
  await expect(empty).toBeVisible();
  await expect(empty).toContainText('“zqxwv”');
  await page.getByRole('button', { name: 'Clear search and filters' }).click();
  await expect(rows(page)).toHaveCount(PAGE_SIZE);
  await expect(searchBox(page)).toHaveValue('');
});

test('clearing a search puts the static page back, without highlights', async ({ page }) => {
  await page.goto('incidents/');
  const titles = () => page.locator('[data-results] > li:visible').getByRole('heading').allTextContents();
  const before = await titles();
  await searchBox(page).fill('redis');
  await expect(page.getByRole('status')).toContainText(`of ${postmortems.length} post-mortems`);
  await expect(rows(page).first().locator('mark').first()).toBeVisible();
  await searchBox(page).fill('');
  await expect(rows(page)).toHaveCount(PAGE_SIZE);
  expect(await titles()).toEqual(before);
  await expect(page.locator('[data-results] li:visible mark')).toHaveCount(0);
});

test('the search index is fetched on first interaction, not with the first paint', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (request) => {
    if (/pagefind|vocabulary|fuse|correct/.test(request.url())) fetched.push(request.url());
  });
  const requests = watchRequests(page);
  await page.goto('incidents/');
  await requests.settled();
  expect(fetched).toEqual([]);
  await searchBox(page).focus();
  await expect.poll(() => fetched.some((url) => url.includes('pagefind/pagefind.js'))).toBe(true);
});

test('a query of words the archive holds fetches no vocabulary; a misspelt one does', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (request) => void fetched.push(new URL(request.url()).pathname));
  await page.goto('incidents/');
  // Typed a key at a time, as a reader types: every beginning ("dur", "dura", …) is asked too.
  await searchBox(page).pressSequentially('durability class');
  await expect(page.getByRole('status')).toContainText(`1 of ${postmortems.length} post-mortems match every word`);
  await expect(page.locator('#results-region')).not.toHaveAttribute('aria-busy');
  expect(fetched.filter((url) => url.includes('/incidents/known-words/')).length).toBeGreaterThan(0);
  expect(fetched.filter((url) => url.endsWith('/incidents/vocabulary.json'))).toEqual([]);
  await searchBox(page).fill('certficate');
  await expect(page.locator('[data-correction]')).toContainText('Searched for “certificate”');
  expect(fetched.filter((url) => url.endsWith('/incidents/vocabulary.json'))).toHaveLength(1);
});

test('with the filters folded a search fetches no facet table; opening them fetches it and counts the results', async ({ page }) => {
  await page.setViewportSize({ width: 420, height: 900 });
  const fetched: string[] = [];
  page.on('request', (request) => void fetched.push(new URL(request.url()).pathname));
  await page.goto('incidents/');
  await searchBox(page).fill('redis');
  await expect(page.getByRole('status')).toHaveText(new RegExp(`^\\d+ of ${postmortems.length} post-mortems$`));
  expect(fetched.filter((url) => url.endsWith('/incidents/facets.json'))).toEqual([]);
  const found = Number((await page.getByRole('status').textContent())!.split(' ')[0]);
  await page.locator('[data-filters] > summary').click();
  const severity = page.getByRole('group', { name: 'Severity' }).locator('[data-count]');
  await expect(severity.first()).toBeVisible();
  const counts = (await severity.allTextContents()).map(Number);
  // Every post-mortem has one severity: the options' counts add up to the results.
  expect(counts.reduce((sum, count) => sum + count, 0)).toBe(found);
  expect(found).toBeLessThan(postmortems.length);
  expect(fetched.filter((url) => url.endsWith('/incidents/facets.json'))).toHaveLength(1);
});

test('`/` focuses the search box', async ({ page }) => {
  await page.goto('incidents/');
  await page.locator('h1').click();
  await page.keyboard.press('/');
  await expect(searchBox(page)).toBeFocused();
  await expect(searchBox(page)).toHaveValue('');
});

test('facets combine, and their counts follow the other facets', async ({ page }) => {
  await page.goto('incidents/');
  const sev2: Filters = { severity: ['SEV-2'] };
  await facet(page, 'Severity', 'SEV-2').check();
  await expect(page.getByRole('status')).toHaveText(`${expectedCount(sev2)} of ${postmortems.length} post-mortems`);
  const counts = countFacets(items, sev2);
  for (const [service, count] of Object.entries(counts.service)) {
    await expect(page.locator(`[data-count="service:${service}"]`)).toHaveText(String(count));
  }
  // Severity counts ignore the severity filter itself.
  await expect(page.locator('[data-count="severity:SEV-1"]')).toHaveText(String(counts.severity['SEV-1']));

  const combined: Filters = { severity: ['SEV-2'], service: ['postgres'] };
  await facet(page, 'Service', 'postgres').check();
  await expect(rows(page)).toHaveCount(Math.min(PAGE_SIZE, expectedCount(combined)));
  await expect(page.getByRole('status')).toHaveText(`${expectedCount(combined)} of ${postmortems.length} post-mortems`);

  const widened: Filters = { severity: ['SEV-2', 'SEV-1'], service: ['postgres'] };
  await facet(page, 'Severity', 'SEV-1').check();
  await expect(page.getByRole('status')).toHaveText(`${expectedCount(widened)} of ${postmortems.length} post-mortems`);
  await expect(page.locator('[data-count="year:2025"]')).toHaveText(String(countFacets(items, widened).year['2025'] ?? 0));
});

/** The slugs Pagefind itself finds for `term` (no filters), asked through the page's own Pagefind instance. */
async function pagefindSlugs(page: Page, term: string): Promise<string[]> {
  const urls = await page.evaluate(async (query) => {
    const root = document.querySelector<HTMLElement>('[data-incident-list]')!;
    const pagefind = await import(/* @vite-ignore */ `${root.dataset.pagefindUrl}pagefind.js`);
    const found = await pagefind.search(query);
    return Promise.all(found.results.map(async (result: { data(): Promise<{ url: string }> }) => (await result.data()).url));
  }, term);
  return urls.map((url) => url.replace(/\/$/, '').split('/').pop()!);
}

test('every facet count is countFacets over what the query finds without the filters (the page counts them from the facet table)', async ({ page }) => {
  const cases: [string, Filters][] = [
    ['deploy', {}],
    ['deploy', { severity: ['SEV-2'] }],
    ['deploy', { severity: ['SEV-1', 'SEV-2'], year: ['2025'] }],
    ['postgres', { service: ['postgres'] }],
    ['', { year: ['2026'] }],
    ['', { year: ['2026'], status: ['final'] }],
  ];
  await page.goto('incidents/');
  for (const [q, filters] of cases) {
    const params = new URLSearchParams(q ? { q } : {});
    for (const [key, values] of Object.entries(filters)) values.forEach((value) => params.append(key, value));
    await page.goto(`incidents/?${params}`);
    const found = q ? await pagefindSlugs(page, q) : postmortems.map((pm) => pm.slug);
    expect(found.length, q).toBeGreaterThan(0);
    const counts = countFacets(found.map((slug) => items[postmortems.findIndex((pm) => pm.slug === slug)]!), filters);
    const expected = await page.locator('[data-count]').evaluateAll((spans) => spans.map((span) => (span as HTMLElement).dataset.count!));
    const want = Object.fromEntries(expected.map((name) => {
      const [key, ...rest] = name.split(':');
      return [name, String(counts[key as keyof typeof counts][rest.join(':')] ?? 0)];
    }));
    // The status and the counts are drawn together: once the status reads the search's, the counts are its too.
    const shown = found.filter((slug) => matchesFilters(items[postmortems.findIndex((pm) => pm.slug === slug)]!, filters)).length;
    await expect(page.getByRole('status')).toHaveText(`${shown} of ${postmortems.length} post-mortems`);
    const drawn = await page.locator('[data-count]').evaluateAll((spans) => Object.fromEntries(spans.map((span) => [(span as HTMLElement).dataset.count!, span.textContent])));
    expect(drawn, `${q} ${JSON.stringify(filters)}`).toEqual(want);
  }
});

test('query and filters live in the URL: they survive reload, and back and forward work', async ({ page }) => {
  await page.goto('incidents/');
  await facet(page, 'Severity', 'SEV-2').check();
  await expect(page).toHaveURL(/\?severity=SEV-2$/);
  await searchBox(page).fill('redis');
  await expect(page).toHaveURL(/\?q=redis&severity=SEV-2$/);
  // The URL is written after a pause in typing, maybe before the search is drawn: count the rows once it is.
  await expect(rows(page).first().getByRole('heading')).toContainText('Redis');
  await expect(page.getByRole('status')).not.toHaveText(`${expectedCount({ severity: ['SEV-2'] })} of ${postmortems.length} post-mortems`);
  const bothCount = await rows(page).count();
  expect(bothCount).toBeGreaterThan(0);

  await page.reload();
  await expect(searchBox(page)).toHaveValue('redis');
  await expect(facet(page, 'Severity', 'SEV-2')).toBeChecked();
  await expect(rows(page)).toHaveCount(bothCount);

  await page.goBack();
  await expect(page).toHaveURL(/\?severity=SEV-2$/);
  await expect(searchBox(page)).toHaveValue('');
  await expect(page.getByRole('status')).toHaveText(`${expectedCount({ severity: ['SEV-2'] })} of ${postmortems.length} post-mortems`);

  await page.goBack();
  await expect(facet(page, 'Severity', 'SEV-2')).not.toBeChecked();
  await expect(rows(page)).toHaveCount(PAGE_SIZE);

  await page.goForward();
  await expect(facet(page, 'Severity', 'SEV-2')).toBeChecked();
  await expect(page.getByRole('status')).toHaveText(`${expectedCount({ severity: ['SEV-2'] })} of ${postmortems.length} post-mortems`);
});

test('a shared link opens with its filters applied', async ({ page }) => {
  await page.goto('incidents/?category=data&year=2026');
  await expect(facet(page, 'Root cause', 'Data')).toBeChecked();
  await expect(rows(page)).toHaveCount(expectedCount({ category: ['data'], year: ['2026'] }));
});

test('with JavaScript, results page over the whole archive and the sort and page live in the URL', async ({ page }) => {
  const oldest = [...postmortems].reverse();
  await page.goto('incidents/');
  await page.getByRole('combobox', { name: 'Sort' }).selectOption('oldest');
  await expect(page).toHaveURL(/\?sort=oldest$/);
  await expect(rows(page).getByRole('heading')).toHaveText(oldest.slice(0, PAGE_SIZE).map((pm) => pm.meta.title));
  await page.getByRole('navigation', { name: 'Pages of results' }).getByRole('button', { name: 'Next' }).click();
  await expect(page).toHaveURL(/\?sort=oldest&page=2$/);
  await expect(rows(page).getByRole('heading')).toHaveText(oldest.slice(PAGE_SIZE, 2 * PAGE_SIZE).map((pm) => pm.meta.title));
  await expect(page.getByText(`Page 2 of ${Math.ceil(postmortems.length / PAGE_SIZE)}`)).toBeVisible();
  // A link reproduces the view.
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Sort' })).toHaveValue('oldest');
  await expect(rows(page).getByRole('heading')).toHaveText(oldest.slice(PAGE_SIZE, 2 * PAGE_SIZE).map((pm) => pm.meta.title));
  await page.goBack();
  await expect(rows(page).getByRole('heading')).toHaveText(oldest.slice(0, PAGE_SIZE).map((pm) => pm.meta.title));
});

test('the static pages link to each other with JavaScript too', async ({ page }) => {
  await page.goto('incidents/');
  await page.getByRole('navigation', { name: 'Pages of post-mortems' }).getByRole('link', { name: 'Next' }).click();
  await expect(page).toHaveURL(/\/incidents\/page\/2\/$/);
  await expect(rows(page).getByRole('heading')).toHaveText(postmortems.slice(PAGE_SIZE, 2 * PAGE_SIZE).map((pm) => pm.meta.title));
  // Search from page 2 covers the whole archive, not this page.
  await searchBox(page).fill('certficate');
  await expect(rows(page).first().getByRole('heading')).toHaveText(TLS.meta.title);
});

test('words typed before the page\'s script has run are searched, not wiped', async ({ page }) => {
  // Hold the list's script back (a slow connection), type, then let it run.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/IncidentListPage[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('incidents/page/2/', { waitUntil: 'commit' });
  await searchBox(page).fill('certficate');
  release();
  await expect(rows(page).first().getByRole('heading')).toHaveText(TLS.meta.title);
  await expect(searchBox(page)).toHaveValue('certficate');
  await expect(page).toHaveURL(/\?q=certficate$/);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('every post-mortem is there to read, page by page, newest first', async ({ page }) => {
    await page.goto('incidents/');
    const last = Math.ceil(postmortems.length / PAGE_SIZE);
    const seen: string[] = [];
    for (let number = 1; number <= last; number++) {
      const nav = page.getByRole('navigation', { name: 'Pages of post-mortems' });
      await expect(nav.getByRole('link', { name: `Page ${number}` })).toHaveAttribute('aria-current', 'page');
      seen.push(...(await rows(page).getByRole('heading').allTextContents()).map((title) => title.trim()));
      if (number < last) await nav.getByRole('link', { name: 'Next' }).click();
      else await expect(nav.getByRole('link', { name: 'Next' })).toHaveCount(0);
    }
    expect(page.url()).toMatch(new RegExp(`/incidents/page/${last}/$`));
    expect(seen).toEqual(postmortems.map((pm) => pm.meta.title));
    await page.getByRole('navigation', { name: 'Pages of post-mortems' }).getByRole('link', { name: 'First' }).click();
    await expect(page).toHaveURL(/\/incidents\/$/);
    // Controls that need scripts are not offered.
    await expect(searchBox(page)).toBeHidden();
    await expect(page.getByRole('group', { name: 'Severity' })).toBeHidden();
  });
});
