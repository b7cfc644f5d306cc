/**
 * The incident history: fuzzy search, combinable facets with counts, state
 * in the URL, `/` to search, lazy search data, and a list readable without
 * JavaScript. Expectations are computed from the fixture archive with the core.
 */
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { loadArchive } from '../../src/lib/postmortem/archive.ts';
import { facetValuesOf } from '../../src/lib/site/facet-options.ts';
import { countFacets, matchesFilters, type Filters } from '../../src/lib/site/facets.ts';

const { postmortems } = loadArchive(path.resolve('tests/fixtures/site'));
const items = postmortems.map((pm) => facetValuesOf(pm, postmortems));
const TLS = postmortems.find((pm) => pm.slug === '2025-04-09-expired-tls-certificate')!;
const expectedCount = (filters: Filters) => items.filter((item) => matchesFilters(item, filters)).length;

const rows = (page: Page) => page.locator('[data-results] > li:visible');
const searchBox = (page: Page) => page.getByRole('searchbox', { name: /Search/ });
const facet = (page: Page, legend: string, value: string) => page.getByRole('group', { name: legend }).getByRole('checkbox', { name: new RegExp(`^${value}\\b`) });

test('search finds an incident from a misspelt word and highlights the match', async ({ page }) => {
  await page.goto('incidents/');
  await searchBox(page).fill('certficate');
  await expect(rows(page).first().getByRole('heading')).toHaveText(TLS.meta.title);
  await expect(rows(page).first().locator('mark').first()).toBeVisible();
  await expect(page.getByRole('status')).toContainText(`of ${postmortems.length} post-mortems`);
  await expect(page).toHaveURL(/[?&]q=certficate/);
});

test('a search with no results shows a clear empty state that can be reset', async ({ page }) => {
  await page.goto('incidents/');
  await searchBox(page).fill('zqxwv');
  await expect(rows(page)).toHaveCount(0);
  const empty = page.getByText('No post-mortems match');
  await expect(empty).toBeVisible();
  await expect(empty).toContainText('“zqxwv”');
  await page.getByRole('button', { name: 'Clear search and filters' }).click();
  await expect(rows(page)).toHaveCount(postmortems.length);
  await expect(searchBox(page)).toHaveValue('');
});

test('clearing a search puts every post-mortem back in list order, without highlights', async ({ page }) => {
  await page.goto('incidents/');
  const titles = () => page.locator('[data-results] > li:visible').getByRole('heading').allTextContents();
  const before = await titles();
  await searchBox(page).fill('redis');
  await expect(page.getByRole('status')).toContainText(`of ${postmortems.length} post-mortems`);
  await expect(rows(page).first().locator('mark').first()).toBeVisible();
  await searchBox(page).fill('');
  await expect(rows(page)).toHaveCount(postmortems.length);
  expect(await titles()).toEqual(before);
  await expect(page.locator('[data-results] mark')).toHaveCount(0);
  await expect(page.locator('[data-show-more]')).toBeHidden();
});

test('the search data is fetched on first interaction, not with the first paint', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (request) => {
    if (/search\.json|fuse/.test(request.url())) fetched.push(request.url());
  });
  await page.goto('incidents/');
  await page.waitForLoadState('networkidle');
  expect(fetched).toEqual([]);
  await searchBox(page).focus();
  await expect.poll(() => fetched.some((url) => url.includes('search.json'))).toBe(true);
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
  await expect(rows(page)).toHaveCount(expectedCount(sev2));
  const counts = countFacets(items, sev2);
  for (const [service, count] of Object.entries(counts.service)) {
    await expect(page.locator(`[data-count="service:${service}"]`)).toHaveText(String(count));
  }
  // Severity counts ignore the severity filter itself.
  await expect(page.locator('[data-count="severity:SEV-1"]')).toHaveText(String(counts.severity['SEV-1']));

  const combined: Filters = { severity: ['SEV-2'], service: ['postgres'] };
  await facet(page, 'Service', 'postgres').check();
  await expect(rows(page)).toHaveCount(expectedCount(combined));
  await expect(page.getByRole('status')).toHaveText(`${expectedCount(combined)} of ${postmortems.length} post-mortems`);

  const widened: Filters = { severity: ['SEV-2', 'SEV-1'], service: ['postgres'] };
  await facet(page, 'Severity', 'SEV-1').check();
  await expect(rows(page)).toHaveCount(expectedCount(widened));
  await expect(page.locator('[data-count="year:2025"]')).toHaveText(String(countFacets(items, widened).year['2025'] ?? 0));
});

test('query and filters live in the URL: they survive reload, and back and forward work', async ({ page }) => {
  await page.goto('incidents/');
  await facet(page, 'Severity', 'SEV-2').check();
  await expect(page).toHaveURL(/\?severity=SEV-2$/);
  await searchBox(page).fill('redis');
  await expect(page).toHaveURL(/\?q=redis&severity=SEV-2$/);
  const bothCount = await rows(page).count();
  expect(bothCount).toBeGreaterThan(0);
  await expect(rows(page).first().getByRole('heading')).toContainText('Redis');

  await page.reload();
  await expect(searchBox(page)).toHaveValue('redis');
  await expect(facet(page, 'Severity', 'SEV-2')).toBeChecked();
  await expect(rows(page)).toHaveCount(bothCount);

  await page.goBack();
  await expect(page).toHaveURL(/\?severity=SEV-2$/);
  await expect(searchBox(page)).toHaveValue('');
  await expect(rows(page)).toHaveCount(expectedCount({ severity: ['SEV-2'] }));

  await page.goBack();
  await expect(facet(page, 'Severity', 'SEV-2')).not.toBeChecked();
  await expect(rows(page)).toHaveCount(postmortems.length);

  await page.goForward();
  await expect(facet(page, 'Severity', 'SEV-2')).toBeChecked();
  await expect(rows(page)).toHaveCount(expectedCount({ severity: ['SEV-2'] }));
});

test('a shared link opens with its filters applied', async ({ page }) => {
  await page.goto('incidents/?category=data&year=2026');
  await expect(facet(page, 'Root cause', 'Data')).toBeChecked();
  await expect(rows(page)).toHaveCount(expectedCount({ category: ['data'], year: ['2026'] }));
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the full list is there to read', async ({ page }) => {
    await page.goto('incidents/');
    await expect(rows(page)).toHaveCount(postmortems.length);
    for (const pm of postmortems) await expect(page.getByRole('link', { name: pm.meta.title })).toBeVisible();
    // Controls that need scripts are not offered.
    await expect(searchBox(page)).toBeHidden();
    await expect(page.getByRole('group', { name: 'Severity' })).toBeHidden();
  });
});
