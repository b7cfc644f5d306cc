/**
 * The incident list from the keyboard (search first, one stop per result, a
 * way past the filters) and the searches issue 14 found empty: partial
 * matches, ticket ids, owner handles and severities. Expectations come from
 * the fixture archive through the core.
 */
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { loadArchive } from '../../src/lib/postmortem/archive/archive.ts';

const { postmortems } = loadArchive(path.resolve('tests/fixtures/site'));
const rows = (page: Page) => page.locator('[data-results] > li:visible');
const searchBox = (page: Page) => page.getByRole('searchbox', { name: /Search/ });
const titles = (page: Page) => rows(page).getByRole('heading').allTextContents();

/** Presses Tab until `done` says so, returning how many presses it took (at most `limit`). */
async function tabUntil(page: Page, done: () => Promise<boolean>, limit = 60): Promise<number> {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press('Tab');
    if (await done()) return presses;
  }
  return Infinity;
}

const focusedIs = (page: Page, selector: string) => () => page.evaluate((css) => document.activeElement?.matches(css) ?? false, selector);

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]) {
  test.describe(`keyboard at ${viewport.width} px`, () => {
    test.use({ viewport });

    test('Tab reaches the search box before any filter', async ({ page }) => {
      await page.goto('incidents/');
      let sawFilter = false;
      const presses = await tabUntil(page, async () => {
        if (await focusedIs(page, '[data-filter-form] input')()) sawFilter = true;
        return focusedIs(page, '[data-search-input]')();
      });
      expect(sawFilter).toBe(false);
      // Skip link, site title, five navigation links, theme toggle, then the search box.
      expect(presses).toBeLessThanOrEqual(9);
    });

    test('each result is one Tab stop, and a link skips the filters', async ({ page }) => {
      await page.goto('incidents/');
      const stops = await rows(page).evaluateAll((items) =>
        items.map((item) => [...item.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')].filter((element) => (element as HTMLElement).tabIndex >= 0).length),
      );
      expect(stops.length).toBeGreaterThan(1);
      expect(stops).toEqual(stops.map(() => 1));

      await searchBox(page).focus();
      await page.keyboard.press('Tab');
      const skip = page.getByRole('link', { name: 'Skip the filters, go to the results' });
      await expect(skip).toBeFocused();
      await expect(skip).toBeInViewport();
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      await expect(rows(page).nth(0).getByRole('link')).toBeFocused();
      await page.keyboard.press('Tab');
      await expect(rows(page).nth(1).getByRole('link')).toBeFocused();
    });
  });
}

test.describe('search', () => {
  test('ranks results with every word first, then results with some of them, instead of finding nothing', async ({ page }) => {
    await page.goto('incidents/');
    await searchBox(page).fill('redis zqxwv');
    await expect(page.getByRole('status')).toContainText('No post-mortem matches every word');
    const some = await titles(page);
    expect(some.length).toBeGreaterThan(0);
    await searchBox(page).fill('redis');
    await expect(page.getByRole('status')).not.toContainText('every word');
    expect(await titles(page)).toEqual(some);

    // Both words in one post-mortem: it comes first, and the count says how many have both.
    await searchBox(page).fill('redis eviction');
    await expect(rows(page).first().getByRole('heading')).toHaveText('Users repeatedly logged out as Redis evicted session keys');
    await expect(page.getByRole('status')).toContainText(/match every word|of 9 post-mortems/);
  });

  test('finds a ticket id, an owner handle and a severity as written', async ({ page }) => {
    await page.goto('incidents/');
    const ticketed = postmortems.filter((pm) => pm.actionItems.some((item) => item.ticket?.text === 'OPS-1112'));
    expect(ticketed).toHaveLength(1);
    await searchBox(page).fill('OPS-1112');
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first().getByRole('heading')).toHaveText(ticketed[0]!.meta.title);
    await expect(rows(page).first().locator('[data-search-matches]')).toContainText('OPS-1112');

    const owned = postmortems.filter((pm) => pm.actionItems.some((item) => item.owner === '@platform-team'));
    await searchBox(page).fill('@platform-team');
    await expect(page.getByRole('status')).toHaveText(`${owned.length} of ${postmortems.length} post-mortems`);
    // Results come a page (4 in the fixture build) at a time.
    const shown = await titles(page);
    expect(shown).toHaveLength(Math.min(4, owned.length));
    for (const title of shown) expect(owned.map((pm) => pm.meta.title)).toContain(title);

    const sev1 = postmortems.filter((pm) => pm.meta.severity === 'SEV-1');
    await searchBox(page).fill('SEV-1');
    await expect(rows(page).first().getByRole('heading')).toHaveText(sev1[0]!.meta.title);
    const found = await titles(page);
    for (const pm of sev1) expect(found).toContain(pm.meta.title);
    for (const pm of postmortems.filter((candidate) => candidate.meta.severity === 'SEV-2')) expect(found).not.toContain(pm.meta.title);
  });

  test('the sentence under the title follows the results', async ({ page }) => {
    await page.goto('incidents/');
    const lead = page.locator('[data-list-lead]');
    await expect(lead).toHaveText(`${postmortems.length} post-mortems, newest first. Page 1 of 3: 1–4.`);
    await searchBox(page).fill('OPS-1112');
    await expect(lead).toHaveText(`1 of ${postmortems.length} post-mortems match, best match first.`);
    await searchBox(page).fill('');
    await page.getByRole('group', { name: 'Severity' }).getByRole('checkbox', { name: /^SEV-2\b/ }).check();
    const sev2 = postmortems.filter((pm) => pm.meta.severity === 'SEV-2').length;
    await expect(lead).toHaveText(`${sev2} of ${postmortems.length} post-mortems match, newest first.`);
  });
});
