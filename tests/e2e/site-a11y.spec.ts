/** Every page type passes axe in light and dark, and the theme toggle is remembered. */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

const PAGES = [
  { name: 'home', path: './' },
  { name: 'incident list', path: 'incidents/' },
  { name: 'incident list with a search', path: 'incidents/?q=redis&severity=SEV-2' },
  { name: 'post-mortem', path: 'incidents/2026-03-14-report-export-timeouts/' },
  { name: 'post-mortem (SEV-1)', path: 'incidents/2025-04-09-expired-tls-certificate/' },
  { name: 'guide', path: 'guide/' },
  { name: 'incident list, page 2', path: 'incidents/page/2/' },
  { name: 'action items, page 2', path: 'action-items/page/2/' },
];

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} mode`, () => {
    test.use({ colorScheme });
    for (const { name, path } of PAGES) {
      test(`${name} has no axe violations`, async ({ page }) => {
        await page.goto(path);
        if (path.includes('q=')) await expect(page.locator('[data-results] mark').first()).toBeVisible();
        // Tables under disclosures are checked open (the accessible data behind each chart).
        await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
        const results = await new AxeBuilder({ page }).analyze();
        expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
      });
    }
  });
}

test('the theme toggle says what it does, switches, is remembered, and applies before paint', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('guide/');
  // Its name is the action: in the light theme it offers the dark one, and the other way round.
  const toggle = page.locator('[data-theme-toggle]');
  await expect(toggle).toHaveAccessibleName('Dark theme');
  await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(toggle).toHaveAccessibleName('Light theme');
  await page.goto('incidents/', { waitUntil: 'commit' });
  // The inline head script has run by the time the body is parsed.
  await page.waitForSelector('body');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).not.toBe('rgb(255, 255, 255)');
  await page.getByRole('button', { name: 'Light theme' }).click();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(page.getByRole('button', { name: 'Dark theme' })).toBeVisible();
});

test('a system in dark mode gets a toggle that offers the light theme', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('guide/');
  await expect(page.locator('[data-theme-toggle]')).toHaveAccessibleName('Light theme');
});

test('the skip link moves to the content', async ({ page }) => {
  await page.goto('incidents/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await skip.press('Enter');
  await expect(page).toHaveURL(/#main$/);
});
