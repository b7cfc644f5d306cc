import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { collectActionItems, isOverdue, ledgerCounts } from '../../src/lib/postmortem/ledger/ledger-rules.ts';
import { loadArchive } from '../../src/lib/postmortem/archive.ts';

// Expectations come from the fixture through the core, so they follow its content.
const ITEMS = collectActionItems(loadArchive(path.resolve(import.meta.dirname, '../fixtures/site')).postmortems);
const TODAY = '2026-04-15';

const rows = (page: Page) => page.locator('[data-ledger-table] tbody tr');
const visibleRows = (page: Page) => page.locator('[data-ledger-table] tbody tr:visible');
const overdueRows = (page: Page) => page.locator('[data-ledger-table] tbody tr.is-overdue');

async function openOn(page: Page, day: string, query = '') {
  await page.clock.setFixedTime(new Date(`${day}T12:00:00`));
  await page.goto(`action-items/${query}`);
}

async function dueDates(page: Page): Promise<string[]> {
  return visibleRows(page).evaluateAll((trs) => trs.map((tr) => tr.querySelector('.items__due time')?.getAttribute('datetime') ?? ''));
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('lists every item, marked overdue against the build date', async ({ page }) => {
    await page.goto('action-items/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Action items');
    await expect(rows(page)).toHaveCount(ITEMS.length);
    await expect(page.locator('[data-ledger-filters]')).toBeHidden();
    const buildDate = (await page.locator('[data-ledger]').getAttribute('data-build-date'))!;
    await expect(page.locator('[data-ledger-asof] time')).toHaveAttribute('datetime', buildDate);
    await expect(page.locator('[data-ledger-asof]')).toContainText('the day this site was built');
    const expected = ITEMS.filter((item) => isOverdue(item, buildDate)).length;
    await expect(overdueRows(page)).toHaveCount(expected);
    await expect(page.locator('.counts [data-count="overdue"]')).toHaveText(String(ledgerCounts(ITEMS, buildDate).overdue));
  });
});

test.describe('in the browser', () => {
  test('re-marks overdue rows and recounts against the browser clock; due today is not overdue', async ({ page }) => {
    await openOn(page, TODAY);
    const counts = ledgerCounts(ITEMS, TODAY);
    // The fixture's draft (two open items) is not counted.
    expect(counts).toEqual({ open: 7, overdue: 2, dueSoon: 1, doneRecently: 8 });
    await expect(page.locator('.counts [data-count="open"]')).toHaveText('7');
    await expect(rows(page).filter({ hasText: 'Decide the overlap window for signing keys' })).toHaveCount(0);
    await expect(page.locator('.counts [data-count="overdue"]')).toHaveText('2');
    await expect(page.locator('.counts [data-count="dueSoon"]')).toHaveText('1');
    await expect(page.locator('.counts [data-count="doneRecently"]')).toHaveText('8');
    await expect(page.locator('[data-ledger-asof]')).toContainText('today, 15 Apr 2026');

    await expect(overdueRows(page)).toHaveCount(2);
    const late = overdueRows(page).first();
    await expect(late).toContainText('Inventory remaining manually issued certificates');
    await expect(late.locator('[data-overdue-flag]')).toHaveText(/Overdue by\s+197\s+d/);
    const dueToday = rows(page).filter({ hasText: 'Add EXPLAIN ANALYZE to migration review checklist' });
    await expect(dueToday).not.toHaveClass(/is-overdue/);
    await expect(dueToday.locator('[data-overdue-flag]')).toBeHidden();
    await expect(dueToday.locator('[data-age]')).toHaveText('32');

    const owner = page.locator('[data-owner-table] tbody tr[data-owner="@platform-team"]');
    await expect(owner.locator('[data-count="overdue"]')).toHaveText('1');
    await expect(owner.locator('[data-count="dueSoon"]')).toHaveText('1');

    // A day later the item due on the 15th is late too.
    await openOn(page, '2026-04-16');
    await expect(overdueRows(page)).toHaveCount(3);
    await expect(dueToday).toHaveClass(/is-overdue/);
    await expect(dueToday.locator('[data-overdue-flag]')).toHaveText(/Overdue by\s+1\s+d/);
    await expect(owner.locator('[data-count="overdue"]')).toHaveText('2');
    // Owners are re-ranked: most overdue first.
    await expect(page.locator('[data-owner-table] tbody tr').first()).toHaveAttribute('data-owner', '@platform-team');
  });

  test('filters by status, owner, severity and service, with the state in the URL', async ({ page }) => {
    await openOn(page, TODAY);
    await expect(page.locator('[data-ledger-result]')).toHaveText(`Showing all ${ITEMS.length} action items.`);

    await page.getByLabel('Status').selectOption('overdue');
    await expect(page).toHaveURL(/\?status=overdue$/);
    await expect(visibleRows(page)).toHaveCount(2);
    await expect(page.locator('[data-ledger-result]')).toHaveText(`Showing 2 of ${ITEMS.length} action items.`);

    await page.getByLabel('Status').selectOption('open');
    await page.getByLabel('Owner', { exact: true }).selectOption('@sre');
    await expect(page).toHaveURL(/\?status=open&owner=%40sre$/);
    await expect(visibleRows(page)).toHaveCount(3);
    await expect(visibleRows(page).locator('.items__owner')).toHaveText(['@sre', '@sre', '@sre']);

    await page.getByLabel('Owner', { exact: true }).selectOption('');
    await page.getByLabel('Severity').selectOption('SEV-2');
    await expect(visibleRows(page)).toHaveCount(ITEMS.filter((i) => ['TODO', 'IN PROGRESS'].includes(i.status) && i.severity === 'SEV-2').length);

    await page.getByLabel('Severity').selectOption('');
    await page.getByLabel('Service').selectOption('postgres');
    await expect(page).toHaveURL(/\?status=open&service=postgres$/);
    const postgresOpen = ITEMS.filter((i) => ['TODO', 'IN PROGRESS'].includes(i.status) && i.services.includes('postgres')).length;
    await expect(visibleRows(page)).toHaveCount(postgresOpen);

    // The URL restores the state after a reload.
    await page.reload();
    await expect(page.getByLabel('Status')).toHaveValue('open');
    await expect(page.getByLabel('Service')).toHaveValue('postgres');
    await expect(visibleRows(page)).toHaveCount(postgresOpen);

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(page).toHaveURL(/\/action-items\/$/);
    await expect(visibleRows(page)).toHaveCount(ITEMS.length);
  });

  test('reads filters from a shared URL, owner in any case, and says when nothing matches', async ({ page }) => {
    await openOn(page, TODAY, '?owner=SRE&status=open');
    await expect(page.getByLabel('Owner', { exact: true })).toHaveValue('@sre');
    await expect(visibleRows(page)).toHaveCount(3);

    await openOn(page, TODAY, '?owner=%40amara&status=open');
    await expect(visibleRows(page)).toHaveCount(0);
    await expect(page.locator('[data-ledger-empty]')).toBeVisible();
  });

  test('sorts by due date and by age, both ways, open items first', async ({ page }) => {
    await openOn(page, TODAY, '?status=open');
    expect(await dueDates(page)).toEqual(['2025-09-30', '2026-03-31', '2026-04-15', '2026-04-30', '2026-05-01', '2026-06-30', '2026-12-15']);
    const due = page.locator('[data-ledger-table] th[data-sort-column="due"]');
    await expect(due).toHaveAttribute('aria-sort', 'ascending');

    await due.getByRole('button').click();
    await expect(page).toHaveURL(/sort=due-desc/);
    await expect(due).toHaveAttribute('aria-sort', 'descending');
    expect(await dueDates(page)).toEqual(['2026-12-15', '2026-06-30', '2026-05-01', '2026-04-30', '2026-04-15', '2026-03-31', '2025-09-30']);

    const age = page.locator('[data-ledger-table] th[data-sort-column="age"]');
    await age.getByRole('button').click();
    await expect(page).toHaveURL(/sort=age-desc/);
    await expect(age).toHaveAttribute('aria-sort', 'descending');
    await expect(due).not.toHaveAttribute('aria-sort', /.+/);
    const ages = await visibleRows(page).locator('[data-age]').allTextContents();
    expect(ages.map(Number)).toEqual([...ages.map(Number)].sort((a, b) => b - a));

    await age.getByRole('button').click();
    await expect(page).toHaveURL(/sort=age(&|$)/);
    const newest = await visibleRows(page).locator('[data-age]').allTextContents();
    expect(newest.map(Number)).toEqual([...newest.map(Number)].sort((a, b) => a - b));

    // Closed items stay below open ones whatever the order.
    await page.getByLabel('Status').selectOption('all');
    const statuses = await visibleRows(page).locator('.badge--status').allTextContents();
    const firstClosed = statuses.findIndex((s) => /DONE|WON'T DO/.test(s));
    expect(statuses.slice(firstClosed).every((s) => /DONE|WON'T DO/.test(s))).toBe(true);
    expect(firstClosed).toBe(7);
  });

  test('each row links to its post-mortem and its ticket', async ({ page }) => {
    await openOn(page, TODAY);
    const row = rows(page).filter({ hasText: 'Inventory remaining manually issued certificates' });
    await expect(row.getByRole('link', { name: 'API and web app unreachable after wildcard TLS certificate expired' })).toHaveAttribute(
      'href',
      '/hindsight/incidents/2025-04-09-expired-tls-certificate/',
    );
    await expect(row.getByRole('link', { name: 'OPS-1115' })).toHaveAttribute('href', 'https://tracker.example.com/OPS-1115');
    await row.getByRole('link', { name: /API and web app/ }).click();
    await expect(page).toHaveURL(/\/hindsight\/incidents\/2025-04-09-expired-tls-certificate\/$/);
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`has no accessibility violations (${scheme})`, async ({ page }) => {
      // axe walks every cell of the ledger; on a busy machine that takes a while (as on the analytics page).
      test.setTimeout(90_000);
      await page.emulateMedia({ colorScheme: scheme });
      await openOn(page, TODAY, '?status=open');
      await expect(page.locator('[data-ledger-filters]')).toBeVisible();
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations).toEqual([]);
    });
  }
});

test.describe('exports', () => {
  test('JSON lists every item with absolute post-mortem URLs', async ({ request }) => {
    const response = await request.get('api/action-items.json');
    expect(response.ok()).toBe(true);
    expect(response.headers()['content-type']).toContain('application/json');
    const body = await response.json();
    expect(body.items).toHaveLength(ITEMS.length);
    expect(body.counts).toEqual(ledgerCounts(ITEMS, body.today));
    expect(body.items[0].postmortem.url).toMatch(/^https?:\/\/[^/]+\/hindsight\/incidents\/[\w-]+\/$/);
  });

  test('CSV has a header, one row per item and neutralised formula cells', async ({ request }) => {
    const response = await request.get('api/action-items.csv');
    expect(response.ok()).toBe(true);
    expect(response.headers()['content-type']).toContain('text/csv');
    const lines = (await response.text()).split('\r\n');
    expect(lines[0]).toMatch(/^postmortem_title,severity,incident_date,/);
    expect(lines).toHaveLength(ITEMS.length + 2);
    expect(lines.slice(1, -1).every((line) => !/(^|,)[=+\-@]/.test(line))).toBe(true);
  });
});
