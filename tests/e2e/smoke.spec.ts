import { expect, test } from '@playwright/test';

test('the home page lists the fixture archive and links to a post-mortem', async ({ page }) => {
  await page.goto('./');
  const link = page.getByRole('link', { name: 'Report exports time out for large tenants' });
  await expect(link).toBeVisible();
  await link.click();
  await expect(page).toHaveURL(/\/hindsight\/incidents\/2026-03-14-report-export-timeouts\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Report exports time out for large tenants');
  await expect(page.getByRole('table').first()).toContainText('Deploy 2026.03.14-2');
});
