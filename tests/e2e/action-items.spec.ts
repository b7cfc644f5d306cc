import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { E2E_TODAY } from '../../playwright.config.ts';
import { collectActionItems, isOverdue, ledgerCounts, selectLedgerItems, statusFilterOf } from '../../src/lib/postmortem/ledger/ledger-rules.ts';
import { loadArchive } from '../../src/lib/postmortem/archive/archive.ts';
import { unpackLedger } from '../../src/lib/postmortem/ledger/packed-ledger.ts';
import { exportCounts } from '../../src/lib/postmortem/ledger/ledger-export.ts';

// Expectations come from the fixture through the core, so they follow its content.
const ITEMS = collectActionItems(loadArchive(path.resolve(import.meta.dirname, '../fixtures/site')).postmortems);
const TODAY = '2026-04-15';
/** The static pages' order: open first, soonest due first. */
const DEFAULT_ORDER = selectLedgerItems(ITEMS, {}, 'due', E2E_TODAY);

const rows = (page: Page) => page.locator('[data-ledger-table] tbody tr');
const overdueRows = (page: Page) => page.locator('[data-ledger-table] tbody tr.is-overdue');
const actions = (page: Page) => rows(page).locator('.items__action').allTextContents();
const pager = (page: Page) => page.getByRole('navigation', { name: 'Action item pages' });

/** Rows per page, as the build was configured (HINDSIGHT_PAGE_SIZE in playwright.config.ts). */
async function pageSizeOf(page: Page): Promise<number> {
  return Number(await page.locator('[data-ledger]').getAttribute('data-page-size'));
}

async function openOn(page: Page, day: string, query = '') {
  await page.clock.setFixedTime(new Date(`${day}T12:00:00`));
  await page.goto(`action-items/${query}`);
}

async function dueDates(page: Page): Promise<string[]> {
  return rows(page).evaluateAll((trs) => trs.map((tr) => tr.querySelector('.items__due time')?.getAttribute('datetime') ?? ''));
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('pages through every item in order, marked overdue against the build date', async ({ page }) => {
    await page.goto('action-items/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Action items');
    const size = await pageSizeOf(page);
    const lastPage = Math.ceil(ITEMS.length / size);
    expect(lastPage, 'the fixture must span several pages').toBeGreaterThan(2);
    await expect(page.locator('[data-ledger-filters]')).toBeHidden();
    const buildDate = (await page.locator('[data-ledger]').getAttribute('data-build-date'))!;
    await expect(page.locator('[data-ledger-asof] time')).toHaveAttribute('datetime', buildDate);
    await expect(page.locator('[data-ledger-asof]')).toContainText('the day this site was built');
    // Whole-archive figures on every page.
    await expect(page.locator('.counts [data-count="overdue"]')).toHaveText(String(ledgerCounts(ITEMS, buildDate).overdue));
    await expect(pager(page).locator('[aria-current="page"]')).toHaveText('1');
    await expect(rows(page)).toHaveCount(size);
    await expect(overdueRows(page)).toHaveCount(DEFAULT_ORDER.slice(0, size).filter((item) => isOverdue(item, buildDate)).length);

    // Follow "Next" to the end: every item once, in the default order.
    const seen = await actions(page);
    for (let n = 2; n <= lastPage; n++) {
      await pager(page).getByRole('link', { name: `Next page (${n})` }).click();
      await expect(page).toHaveURL(new RegExp(`/hindsight/action-items/page/${n}/$`));
      await expect(pager(page).locator('[aria-current="page"]')).toHaveText(String(n));
      await expect(page.locator('.counts [data-count="overdue"]')).toHaveText(String(ledgerCounts(ITEMS, buildDate).overdue));
      seen.push(...(await actions(page)));
    }
    expect(seen).toEqual(DEFAULT_ORDER.map((item) => item.action));
    await expect(pager(page).getByRole('link', { name: /^Next page/ })).toHaveCount(0);
    await pager(page).getByRole('link', { name: 'First page (1)' }).click();
    await expect(page).toHaveURL(/\/hindsight\/action-items\/$/);
  });
});

test.describe('in the browser', () => {
  test('fetches the ledger on first use only, then pages filtered results of the whole archive', async ({ page }) => {
    const fetched: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/ledger.json')) fetched.push(request.url());
    });
    // On the build date the static marks are right: nothing to fetch until the filters are used.
    await openOn(page, E2E_TODAY);
    const size = await pageSizeOf(page);
    await expect(page.locator('[data-ledger-filters]')).toBeVisible();
    await expect(rows(page)).toHaveCount(size);
    expect(fetched).toEqual([]);

    // An item that lives on the last static page is found by filtering for its owner.
    const far = DEFAULT_ORDER.at(-1)!;
    expect(DEFAULT_ORDER.indexOf(far)).toBeGreaterThanOrEqual(size);
    await page.getByLabel('Owner', { exact: true }).focus();
    await expect.poll(() => fetched.length).toBe(1);
    await page.getByLabel('Owner', { exact: true }).selectOption(far.owner);
    await page.getByLabel('Status').selectOption(statusFilterOf(far.status));
    await expect(rows(page).filter({ hasText: far.action })).toHaveCount(1);
    await expect(page).toHaveURL(new RegExp(`\\?status=${statusFilterOf(far.status)}&owner=${encodeURIComponent(far.owner)}$`));
    expect(fetched).toHaveLength(1);
  });

  test('pages client-side with the page in the URL; reload and Back reproduce the view', async ({ page }) => {
    await openOn(page, TODAY, '?sort=age-desc');
    const size = await pageSizeOf(page);
    const byAge = selectLedgerItems(ITEMS, {}, 'age-desc', TODAY).map((item) => item.action);
    await expect(page.locator('[data-ledger-result]')).toContainText(`of ${ITEMS.length}`);
    // The static page already says "of N"; the sorted rows follow once the script has applied the URL's sort.
    await expect.poll(() => actions(page)).toEqual(byAge.slice(0, size));

    await pager(page).getByRole('link', { name: 'Next page (2)' }).click();
    await expect(page).toHaveURL(/\/action-items\/\?sort=age-desc&page=2$/);
    await expect(pager(page).locator('[aria-current="page"]')).toHaveText('2');
    await expect.poll(() => actions(page)).toEqual(byAge.slice(size, 2 * size));

    await page.reload();
    await expect(page.getByLabel('Sort by')).toHaveValue('age-desc');
    await expect.poll(() => actions(page)).toEqual(byAge.slice(size, 2 * size));

    await page.goBack();
    await expect(page).toHaveURL(/\/action-items\/\?sort=age-desc$/);
    await expect.poll(() => actions(page)).toEqual(byAge.slice(0, size));

    // Unfiltered and in the default order, the pager links to the static pages themselves.
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(page).toHaveURL(/\/action-items\/$/);
    await expect(pager(page).getByRole('link', { name: 'Next page (2)' })).toHaveAttribute('href', '/hindsight/action-items/page/2/');
  });

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

    const owner = page.locator('[data-owner-table] tbody tr').filter({ has: page.getByRole('rowheader', { name: '@platform-team' }) });
    await expect(owner.locator('[data-count="overdue"]')).toHaveText('1');
    await expect(owner.locator('[data-count="dueSoon"]')).toHaveText('1');

    // A day later the item due on the 15th is late too.
    await openOn(page, '2026-04-16');
    await expect(overdueRows(page)).toHaveCount(3);
    await expect(dueToday).toHaveClass(/is-overdue/);
    await expect(dueToday.locator('[data-overdue-flag]')).toHaveText(/Overdue by\s+1\s+d/);
    await expect(owner.locator('[data-count="overdue"]')).toHaveText('2');
    // Owners are re-ranked: most overdue first.
    await expect(page.locator('[data-owner-table] tbody tr').first().getByRole('rowheader')).toHaveText('@platform-team');
  });

  test('filters by status, owner, severity and service, with the state in the URL', async ({ page }) => {
    await openOn(page, TODAY);
    const size = await pageSizeOf(page);
    const shown = (n: number) => Math.min(n, size);
    await expect(page.locator('[data-ledger-result]')).toContainText(`of ${ITEMS.length} (page 1 of`);

    await page.getByLabel('Status').selectOption('overdue');
    await expect(page).toHaveURL(/\?status=overdue$/);
    await expect(rows(page)).toHaveCount(2);
    await expect(page.locator('[data-ledger-result]')).toHaveText(`2 of ${ITEMS.length} action items match. Items 1–2 (page 1 of 1).`);

    await page.getByLabel('Status').selectOption('open');
    await page.getByLabel('Owner', { exact: true }).selectOption('@sre');
    await expect(page).toHaveURL(/\?status=open&owner=%40sre$/);
    await expect(rows(page)).toHaveCount(3);
    await expect(rows(page).locator('.items__owner')).toHaveText(['@sre', '@sre', '@sre']);

    await page.getByLabel('Owner', { exact: true }).selectOption('');
    await page.getByLabel('Severity').selectOption('SEV-2');
    await expect(rows(page)).toHaveCount(shown(ITEMS.filter((i) => ['TODO', 'IN PROGRESS'].includes(i.status) && i.severity === 'SEV-2').length));

    await page.getByLabel('Severity').selectOption('');
    await page.getByLabel('Service').selectOption('postgres');
    await expect(page).toHaveURL(/\?status=open&service=postgres$/);
    const postgresOpen = shown(ITEMS.filter((i) => ['TODO', 'IN PROGRESS'].includes(i.status) && i.services.includes('postgres')).length);
    await expect(rows(page)).toHaveCount(postgresOpen);

    // The URL restores the state after a reload.
    await page.reload();
    await expect(page.getByLabel('Status')).toHaveValue('open');
    await expect(page.getByLabel('Service')).toHaveValue('postgres');
    await expect(rows(page)).toHaveCount(postgresOpen);

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(page).toHaveURL(/\/action-items\/$/);
    await expect(rows(page)).toHaveCount(shown(ITEMS.length));
  });

  test('reads filters from a shared URL, owner in any case, and says when nothing matches', async ({ page }) => {
    await openOn(page, TODAY, '?owner=SRE&status=open');
    await expect(page.getByLabel('Owner', { exact: true })).toHaveValue('@sre');
    await expect(rows(page)).toHaveCount(3);

    await openOn(page, TODAY, '?owner=%40amara&status=open');
    await expect(page.locator('[data-ledger-empty]')).toBeVisible();
    await expect(rows(page)).toHaveCount(0);
  });

  test('sorts by due date and by age, both ways, open items first', async ({ page }) => {
    await openOn(page, TODAY, '?status=open');
    const size = await pageSizeOf(page);
    const ascending = ['2025-09-30', '2026-03-31', '2026-04-15', '2026-04-30', '2026-05-01', '2026-06-30', '2026-12-15'];
    await expect.poll(() => dueDates(page)).toEqual(ascending.slice(0, size));
    const due = page.locator('[data-ledger-table] th[data-sort-column="due"]');
    await expect(due).toHaveAttribute('aria-sort', 'ascending');

    await due.getByRole('button').click();
    await expect(page).toHaveURL(/sort=due-desc/);
    await expect(due).toHaveAttribute('aria-sort', 'descending');
    await expect.poll(() => dueDates(page)).toEqual([...ascending].reverse().slice(0, size));

    const age = page.locator('[data-ledger-table] th[data-sort-column="age"]');
    await age.getByRole('button').click();
    await expect(page).toHaveURL(/sort=age-desc/);
    await expect(age).toHaveAttribute('aria-sort', 'descending');
    await expect(due).not.toHaveAttribute('aria-sort', /.+/);
    const ages = await rows(page).locator('[data-age]').allTextContents();
    expect(ages.map(Number)).toEqual([...ages.map(Number)].sort((a, b) => b - a));

    await age.getByRole('button').click();
    await expect(page).toHaveURL(/sort=age(&|$)/);
    const newest = await rows(page).locator('[data-age]').allTextContents();
    expect(newest.map(Number)).toEqual([...newest.map(Number)].sort((a, b) => a - b));

    // Closed items stay below open ones whatever the order.
    await page.getByLabel('Status').selectOption('all');
    const expected = selectLedgerItems(ITEMS, {}, 'age', TODAY).slice(0, size).map((item) => item.status);
    await expect(rows(page).locator('.badge--status')).toHaveText(expected);
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
      await page.emulateMedia({ colorScheme: scheme });
      await openOn(page, TODAY, '?status=open');
      await expect(page.locator('[data-ledger-filters]')).toBeVisible();
      await expect(page.locator('[data-ledger-result]')).toContainText('match.');
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations).toEqual([]);
    });
  }

  test('a static later page has no accessibility violations', async ({ page }) => {
    await page.clock.setFixedTime(new Date(`${E2E_TODAY}T12:00:00`));
    await page.goto('action-items/page/2/');
    await expect(pager(page).locator('[aria-current="page"]')).toHaveText('2');
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations).toEqual([]);
  });
});

test.describe('exports', () => {
  test('JSON lists every item with absolute post-mortem URLs', async ({ request }) => {
    const response = await request.get('api/action-items.json');
    expect(response.ok()).toBe(true);
    expect(response.headers()['content-type']).toContain('application/json');
    const body = await response.json();
    expect(body.items).toHaveLength(ITEMS.length);
    expect(body.counts).toEqual(exportCounts(ledgerCounts(ITEMS, body.today)));
    expect(body.items[0].postmortem.url).toMatch(/^https?:\/\/[^/]+\/hindsight\/incidents\/[\w-]+\/$/);
  });

  test('ledger.json packs every item in the static pages\' order', async ({ request }) => {
    const response = await request.get('action-items/ledger.json');
    expect(response.ok()).toBe(true);
    const items = unpackLedger(await response.json());
    expect(items.map((item) => [item.slug, item.line, item.owner, item.due, item.status, item.closed ?? null])).toEqual(
      DEFAULT_ORDER.map((item) => [item.slug, item.line, item.owner, item.due, item.status, item.closed ?? null]),
    );
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
