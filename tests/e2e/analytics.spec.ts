/**
 * The analytics page on the fixture archive: every chart drawn, tables equal
 * to /api/metrics.json, controls that change tables, charts and the URL,
 * tables without JavaScript, and no axe violations in either theme.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DRAFT_RULE } from '../../src/lib/postmortem/model/drafts.ts';
import { buildReport } from '../../src/lib/postmortem/metrics/metrics-report.ts';
import type { MetricsExport } from '../../src/lib/postmortem/metrics/metrics-export.ts';
import type { MetricsReport } from '../../src/lib/postmortem/metrics/metrics-report.ts';
import { analyticsView } from '../../src/lib/site/analytics/analytics-view.ts';

const CHART_IDS = [
  'incidents-per-month',
  'resolve-histogram',
  'resolve-by-severity',
  'detect-by-severity',
  'resolve-by-quarter',
  'root-causes',
  'root-causes-by-service',
  'actions-by-quarter',
  'authors',
  'owners',
];

async function metricsJson(page: Page): Promise<MetricsExport> {
  const response = await page.request.get('api/metrics.json');
  expect(response.ok()).toBe(true);
  return (await response.json()) as MetricsExport;
}

/** Every table of the page as text, row by row (header row left out). */
async function tablesOnPage(page: Page): Promise<Record<string, string[][]>> {
  return page.locator('[data-table] table').evaluateAll((tables) =>
    Object.fromEntries(
      tables.map((table) => [
        table.id,
        [...table.querySelectorAll('tbody tr')]
          .filter((row) => !row.querySelector('td.empty'))
          .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent ?? '')),
      ]),
    ),
  );
}

/** The tables the JSON's report yields, through the same view the page uses. */
function tablesOf(report: MetricsReport, json: MetricsExport): Record<string, string[][]> {
  const view = analyticsView(report, json.intervals);
  return Object.fromEntries(view.sections.flatMap((section) => section.panels).map((panel) => [panel.table.id, panel.table.rows]));
}

/** True once chart.js has painted something into the chart's canvas. */
async function chartIsDrawn(page: Page, id: string): Promise<boolean> {
  return page.locator(`[data-chart="${id}"] canvas`).evaluate((canvas: HTMLCanvasElement) => {
    if (!canvas.width || !canvas.height) return false;
    const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    for (let index = 3; index < pixels.length; index += 4) if (pixels[index]! > 0) return true;
    return false;
  });
}

test('renders every chart, each with an accessible name', async ({ page }) => {
  await page.goto('analytics/');
  for (const id of CHART_IDS) {
    const slot = page.locator(`[data-chart="${id}"]`);
    await expect(slot, id).toBeVisible();
    await expect(slot.locator('canvas')).toHaveAttribute('role', 'img');
    await expect(slot.locator('canvas')).toHaveAttribute('aria-label', /.{40,}/);
    await expect.poll(() => chartIsDrawn(page, id), { message: id }).toBe(true);
  }
});

test('the tables show the same numbers as /api/metrics.json', async ({ page }) => {
  await page.goto('analytics/');
  const json = await metricsJson(page);
  const all = json.ranges[json.defaultRange];
  expect(await tablesOnPage(page)).toEqual(tablesOf(all, json));

  // And the raw figures, read straight from the JSON: 9 fixture incidents, one a draft, which is not counted.
  expect(all.n).toBe(8);
  expect(all.draftsLeftOut).toBe(1);
  await expect(page.locator('.key-figure').first()).toContainText(String(all.n));
  await expect(page.locator('.key-figure').first()).toContainText('1 draft not counted');
  await expect(page.locator('[data-notes="volume"]')).toContainText(`${DRAFT_RULE} 1 draft in this range is left out.`);
  const histogram = await page.locator('#resolve-histogram-table tbody tr td').allTextContents();
  expect(histogram.map(Number)).toEqual(all.resolveHistogram.buckets.map((bucket) => bucket.count));
  const severityN = await page.locator('#resolve-by-severity-table tbody tr td:nth-of-type(1)').allTextContents();
  expect(severityN.map(Number)).toEqual(all.bySeverity.map((group) => group.intervals.resolve.n));
  expect(severityN.map(Number)).toEqual([1, 3, 2, 2]);
});

test('the controls change the tables, the charts and the URL', async ({ page }) => {
  await page.goto('analytics/');
  const json = await metricsJson(page);
  const monthsChart = page.locator('[data-chart="incidents-per-month"] canvas');
  const allLabel = await monthsChart.getAttribute('aria-label');

  await page.locator('select[name="range"]').selectOption('12m');
  await expect(page).toHaveURL(/\?range=12m$/);
  await expect(page.locator('[data-scope]')).toContainText('Last 12 months');
  // The tables follow once the rows are fetched: read them until they do (a busy machine lets the test look first).
  await expect.poll(() => tablesOnPage(page)).toEqual(tablesOf(json.ranges['12m'], json));
  await expect(monthsChart).not.toHaveAttribute('aria-label', allLabel ?? '');
  await expect.poll(() => chartIsDrawn(page, 'incidents-per-month')).toBe(true);

  await page.locator('select[name="service"]').selectOption('postgres');
  await expect(page).toHaveURL(/\?range=12m&service=postgres$/);
  const postgres = buildReport({ asOf: json.asOf, intervals: json.intervals, records: json.incidents }, { range: '12m', service: 'postgres' });
  await expect.poll(() => tablesOnPage(page)).toEqual(tablesOf(postgres, json));
  await expect(page.locator('.key-figure').first()).toContainText(String(postgres.n));

  // The URL keeps the view: a reload shows the same selection.
  await page.reload();
  await expect(page.locator('select[name="range"]')).toHaveValue('12m');
  await expect(page.locator('select[name="service"]')).toHaveValue('postgres');
  // The selects are set at once from the URL; the tables only after the rows are fetched.
  await expect.poll(() => tablesOnPage(page)).toEqual(tablesOf(postgres, json));
});

test('the default view draws without the incident rows; they are fetched once, on first use', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('dataset.json')) fetched.push(request.url());
  });
  await page.goto('analytics/');
  await expect.poll(() => chartIsDrawn(page, 'owners')).toBe(true);
  expect(fetched).toEqual([]);
  // Nothing on the page holds a row per incident: the embedded block is the default view's chart models.
  const embedded = await page.locator('#analytics-charts').textContent();
  expect(embedded).not.toContain('"slug"');

  await page.locator('select[name="range"]').selectOption('12m');
  await expect(page.locator('[data-scope]')).toContainText('Last 12 months');
  await page.locator('select[name="range"]').selectOption('90d');
  await expect(page.locator('[data-scope]')).toContainText('Last 90 days');
  expect(fetched).toHaveLength(1);
});

test('an empty range says so instead of drawing empty charts', async ({ page }) => {
  await page.goto('analytics/');
  const json = await metricsJson(page);
  // Today is pinned to 27 Nov 2026: the last 90 days hold the 15 Sep fixture and the 2 Nov draft (not counted), neither on postgres.
  expect(json.ranges['90d'].n).toBe(1);
  await page.goto('analytics/?range=90d&service=postgres');
  await expect(page.locator('[data-notes="volume"]')).toContainText('No incidents in this range.');
  await expect(page.locator('[data-notes="volume"]')).toContainText(DRAFT_RULE);
  await expect(page.locator('[data-chart="resolve-histogram"]')).toBeHidden();
  const counts = await page.locator('#resolve-histogram-table tbody td').allTextContents();
  expect(counts).toEqual(['0', '0', '0', '0', '0', '0']);
  await expect(page.locator('[data-notes="resolve-distribution"]')).toHaveText('No resolved incidents in this range.');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the tables are there, with the default view, and the chart slots are hidden', async ({ page }) => {
    await page.goto('analytics/');
    const json = await metricsJson(page);
    expect(await tablesOnPage(page)).toEqual(tablesOf(json.ranges[json.defaultRange], json));
    // Each under a disclosure that opens without scripts.
    const disclosure = page.locator('details[data-table-details="resolve-histogram-table"]');
    await expect(disclosure.locator('table')).toBeHidden();
    await disclosure.locator('summary').click();
    await expect(disclosure.locator('table')).toBeVisible();
    await expect(page.locator('[data-chart]').first()).toBeHidden();
    await expect(page.locator('[data-controls]')).toBeHidden();
  });
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`no axe violations (${colorScheme})`, async ({ page }) => {
    // axe walks every table cell of a long page; on a busy machine that takes a while.
    test.setTimeout(90_000);
    await page.emulateMedia({ colorScheme });
    await page.goto('analytics/');
    await expect.poll(() => chartIsDrawn(page, 'owners')).toBe(true);
    // With every table's disclosure open, so the tables (the data behind each chart) are checked too.
    await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(', ')}`)).toEqual([]);
  });
}
