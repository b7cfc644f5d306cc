/**
 * /action-items/ on a phone: one compact card per item (a few lines, not a
 * label-and-value row per column), every value still there and labelled.
 */
import { expect, test } from '@playwright/test';

test.use({ viewport: { width: 390, height: 844 } });

test('each item is a compact card: a few lines beside the action text, no sideways scroll', async ({ page }) => {
  await page.goto('action-items/');
  const cards = page.locator('[data-ledger-table] tbody tr:visible');
  expect(await cards.count()).toBeGreaterThan(3);
  const sizes = await cards.evaluateAll((rows) =>
    rows.map((row) => ({
      card: row.getBoundingClientRect().height,
      action: row.querySelector('.items__action')!.getBoundingClientRect().height,
      line: parseFloat(getComputedStyle(row).lineHeight),
      text: row.textContent ?? '',
    })),
  );
  // Status, due, owner, post-mortem, ticket and age in at most eight lines or so; a label-and-value row per column took twelve.
  for (const { card, action, line, text } of sizes) expect(card - action, text.slice(0, 60)).toBeLessThanOrEqual(line * 8.5);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // Status, due date, owner, post-mortem, ticket and age are all on the card.
  const first = cards.first();
  await expect(first.locator('.items__due')).toContainText(/\d{4}|No due date/);
  await expect(first.locator('.items__pm a')).toBeVisible();
  await expect(first.locator('.items__age')).toContainText(/\d+ d/);
  const label = await first.locator('.items__owner').evaluate((cell) => getComputedStyle(cell, '::before').content);
  expect(label).toContain('Owner');
});
