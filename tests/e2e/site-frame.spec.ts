/**
 * What every page's frame offers: the Learning pages in the main navigation,
 * and `/` searching the incidents from any page (the incident list focuses
 * its search box; elsewhere `/` opens the list with the box focused).
 */
import { expect, test } from '@playwright/test';

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]) {
  test.describe(`at ${viewport.width} px`, () => {
    test.use({ viewport });

    test('the main navigation links the Learning pages, marked current there', async ({ page }) => {
      await page.goto('analytics/');
      const nav = page.getByRole('navigation', { name: 'Main' });
      await expect(nav.getByRole('link')).toHaveText(['Incidents', 'Analytics', 'Learning', 'Action items', 'Guide']);
      // Every link in sight, none scrolled out of the header.
      for (const box of await nav.getByRole('link').evaluateAll((links) => links.map((link) => link.getBoundingClientRect().toJSON() as DOMRect))) {
        expect(box.left).toBeGreaterThanOrEqual(0);
        expect(box.right).toBeLessThanOrEqual(viewport.width);
      }
      await nav.getByRole('link', { name: 'Learning' }).click();
      await expect(page).toHaveURL(/\/learning\/$/);
      await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Learning' })).toHaveAttribute('aria-current', 'page');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    });
  });
}

for (const from of ['', 'analytics/', 'action-items/', 'learning/', 'guide/']) {
  test(`\`/\` on /${from} opens the incident search with the box focused`, async ({ page }) => {
    await page.goto(from);
    await page.locator('body').press('/');
    await expect(page).toHaveURL(/\/incidents\/#incident-search$/);
    await expect(page.getByRole('searchbox', { name: 'Search post-mortems' })).toBeFocused();
  });
}

test('`/` in a form control is left to the control, not the shortcut', async ({ page }) => {
  await page.goto('analytics/');
  const control = page.locator('main select').first();
  await control.focus();
  await control.press('/');
  await expect(page).toHaveURL(/\/analytics\/$/);
  await expect(control).toBeFocused();
});
