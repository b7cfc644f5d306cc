/**
 * Layout at a laptop (1280×800) and a phone (390×844), in the pixels a
 * reader sees: no page scrolls sideways, and every table either fits its box
 * or sits in a labelled scroll region that shows it scrolls. Then the layout
 * items of issue 14 one by one.
 */
import { expect, test, type Page } from '@playwright/test';

const VIEWPORTS = [
  { name: 'laptop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;

const PAGES = [
  { name: 'home', path: './' },
  { name: 'incident list', path: 'incidents/' },
  { name: 'post-mortem', path: 'incidents/2025-04-09-expired-tls-certificate/' },
  { name: 'post-mortem (MDX)', path: 'incidents/2026-09-15-search-reindex-backlog/' },
  { name: 'analytics', path: 'analytics/' },
  { name: 'action items', path: 'action-items/' },
  { name: 'guide', path: 'guide/' },
  { name: 'learning reviews', path: 'learning/' },
  { name: 'quarterly review', path: 'learning/2025-q2/' },
];

/** Opens every disclosure, so the tables inside are laid out and checked too. */
async function openDisclosures(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
}

/**
 * Problems with the tables of the page, as sentences (empty: none). For each
 * visible table: its scroll box is the nearest ancestor that scrolls sideways.
 * A table wider than that box needs the box to be a labelled, focusable
 * region with its "Scroll sideways" hint showing; a table without a scroll box
 * must fit its parent. No box may reach past the window, and the page itself
 * must not scroll sideways.
 */
async function tableProblems(page: Page): Promise<string[]> {
  // The hint follows a ResizeObserver: give it a frame after layout.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return page.evaluate(() => {
    const problems: string[] = [];
    const viewport = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > viewport + 1) problems.push(`the page is ${document.documentElement.scrollWidth} px wide in a ${viewport} px window`);
    const name = (table: HTMLTableElement) =>
      table.id || table.querySelector('caption')?.textContent?.trim() || table.closest('[aria-label]')?.getAttribute('aria-label') || table.querySelector('th')?.textContent?.trim() || 'a table';
    for (const table of document.querySelectorAll('table')) {
      if (!table.getClientRects().length) continue;
      const what = name(table);
      let box: HTMLElement | null = table.parentElement;
      while (box && !/(auto|scroll)/.test(getComputedStyle(box).overflowX)) box = box.parentElement;
      if (!box || box === document.body || box === document.documentElement) {
        const parent = table.parentElement!.getBoundingClientRect();
        if (table.getBoundingClientRect().right > parent.right + 1) problems.push(`${what}: wider than its parent, with no scroll box`);
        continue;
      }
      const rect = box.getBoundingClientRect();
      if (rect.left < -1 || rect.right > viewport + 1) problems.push(`${what}: its box runs past the window (${Math.round(rect.left)}–${Math.round(rect.right)} px of ${viewport})`);
      if (box.scrollWidth <= box.clientWidth + 1) continue;
      const labelled = box.getAttribute('role') === 'region' && (box.getAttribute('aria-label') ?? '').trim() !== '' && box.tabIndex === 0;
      const hint = box.closest('.table-scroll')?.querySelector<HTMLElement>('.table-scroll__hint');
      const hintShows = !!hint && hint.getClientRects().length > 0 && getComputedStyle(hint).visibility !== 'hidden';
      if (!labelled) problems.push(`${what}: ${box.scrollWidth} px in a ${box.clientWidth} px box that is not a labelled, focusable region`);
      if (!hintShows) problems.push(`${what}: ${box.scrollWidth} px in a ${box.clientWidth} px box with no visible scroll hint`);
    }
    return problems;
  });
}

for (const viewport of VIEWPORTS) {
  test.describe(`${viewport.name} (${viewport.width} px)`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    for (const { name, path } of PAGES) {
      test(`${name}: every table fits or scrolls visibly in a labelled region`, async ({ page }) => {
        await page.goto(path);
        await openDisclosures(page);
        expect(await tableProblems(page)).toEqual([]);
      });
    }

    test('post-mortem action items: every column is on screen, dates and tickets unbroken', async ({ page }) => {
      await page.goto('incidents/2025-04-09-expired-tls-certificate/');
      const table = page.locator('.prose table').filter({ has: page.locator('th', { hasText: 'Ticket' }) });
      await expect(table).toBeVisible();
      for (const label of ['Action', 'Owner', 'Status', 'Ticket']) {
        const cell = table.locator(`td[data-label="${label}"]`).first();
        await cell.scrollIntoViewIfNeeded();
        const box = (await cell.boundingBox())!;
        expect(box.x + box.width, label).toBeLessThanOrEqual(viewport.width);
        await expect(cell).toBeInViewport();
      }
      // A date, a ticket id and an owner handle each on one line: one line box for the cell's text.
      const lines = await table.locator('td.cell-token').evaluateAll((cells) =>
        cells.map((cell) => {
          const range = document.createRange();
          range.selectNodeContents(cell);
          const tops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
          return `${cell.textContent?.trim()}: ${tops.size}`;
        }),
      );
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) expect(line).toMatch(/: 1$/);
    });

    test('action items page: the ledger stays inside the content column', async ({ page }) => {
      await page.goto('action-items/');
      const main = (await page.locator('#main').boundingBox())!;
      const region = page.locator('.ledger-table .table-scroll__region');
      const box = (await region.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(main.x + main.width);
      if (viewport.width >= 1280) {
        // On a laptop all seven columns fit: nothing to scroll.
        expect(await region.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(1);
      }
    });

    test('home: a severity without incidents draws no bar, and headings do not break at a hyphen', async ({ page }) => {
      await page.goto('./');
      const rows = page.locator('.severity-bars tbody tr');
      await expect(rows).toHaveCount(4);
      let zero = 0;
      for (const row of await rows.all()) {
        const count = Number((await row.locator('.severity-bars__count').innerText()).trim().split(/\s/)[0]);
        // A severity without incidents has no bar element at all; one with incidents has a visible one.
        const bar = row.locator('.severity-bars__bar');
        const width = (await bar.count()) ? await bar.evaluate((element) => element.getBoundingClientRect().width) : 0;
        if (count === 0) {
          zero++;
          expect(width).toBe(0);
        } else expect(width).toBeGreaterThan(0);
      }
      // The fixture's last 90 days hold two incidents, so at least two severities have none.
      expect(zero).toBeGreaterThanOrEqual(2);
      const heading = page.getByRole('heading', { name: 'Recent post-mortems' });
      const lines = await heading.locator('.no-break').evaluate((span) => new Set([...span.getClientRects()].map((rect) => Math.round(rect.top))).size);
      expect(lines).toBe(1);
    });
  });
}

test.describe('analytics', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('leads with the figures and the charts; each table is a closed disclosure beside its chart; an index links every section', async ({ page }) => {
    await page.goto('analytics/');
    // Before any table: the key figures and the first chart.
    const order = await page.evaluate(() => {
      const all = [...document.querySelectorAll('*')];
      const position = (selector: string) => all.indexOf(document.querySelector(selector)!);
      return { figures: position('.key-figures'), chart: position('[data-chart]'), table: position('table') };
    });
    expect(order.figures).toBeLessThan(order.table);
    expect(order.chart).toBeLessThan(order.table);
    const disclosures = page.locator('details[data-table-details]');
    expect(await disclosures.count()).toBeGreaterThan(10);
    for (const details of await disclosures.all()) await expect(details).not.toHaveAttribute('open', '');
    // Every chart's table is the disclosure right after it.
    const pairs = await page.locator('[data-chart]').evaluateAll((charts) => charts.map((chart) => chart.nextElementSibling?.matches('details[data-table-details]') ?? false));
    expect(pairs.every(Boolean)).toBe(true);
    // The index reaches every section.
    const index = page.getByRole('navigation', { name: 'On this page' });
    const links = await index.getByRole('link').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')!));
    const sections = await page.locator('section.analytics-section').evaluateAll((all) => all.map((section) => `#${section.id}`));
    expect(links).toEqual(sections);
    // A disclosure opens on click and shows its table.
    const first = disclosures.first();
    await first.locator('summary').click();
    await expect(first.locator('table')).toBeVisible();
  });

  test('"Every interval, every group" tables fit their boxes at 1280 px (the Mean column is whole)', async ({ page }) => {
    await page.goto('analytics/');
    await openDisclosures(page);
    const regions = page.locator('#all-intervals .table-scroll__region');
    expect(await regions.count()).toBeGreaterThan(0);
    for (const region of await regions.all()) {
      expect(await region.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(1);
      await expect(region.locator('th', { hasText: /^Mean$/ })).toBeVisible();
    }
  });

  test('a wide table on a phone says it scrolls, and scrolls from the keyboard', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('analytics/');
    const details = page.locator('details[data-table-details="resolve-by-quarter-table"]');
    await details.locator('summary').click();
    const box = details.locator('.table-scroll');
    await expect(box).toHaveClass(/is-overflowing/);
    await expect(box.locator('.table-scroll__hint')).toBeVisible();
    const region = box.getByRole('region');
    await region.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => region.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
  });
});

test('the chart colours keep their roles in both themes (main blue, contributing orange, open blue)', async ({ page }) => {
  const colours = async () =>
    page.locator('.analytics').evaluate((root) =>
      Object.fromEntries(
        ['--chart-primary', '--chart-contributing', '--chart-open'].map((name) => {
          const probe = document.createElement('span');
          probe.style.color = `var(${name})`;
          root.append(probe);
          const [r, , b] = getComputedStyle(probe).color.match(/\d+/g)!.map(Number);
          probe.remove();
          return [name, b! > r! ? 'blue' : 'orange'];
        }),
      ),
    );
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto('analytics/');
    expect(await colours(), colorScheme).toEqual({ '--chart-primary': 'blue', '--chart-contributing': 'orange', '--chart-open': 'blue' });
  }
});

test('the incident filters are never a box taller than the window that scrolls on its own', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('incidents/');
  const box = page.locator('[data-filters-box]');
  await expect(box.getByRole('group', { name: 'Severity' })).toBeVisible();
  const state = await box.evaluate((element: HTMLElement) => ({
    height: element.offsetHeight,
    sticky: getComputedStyle(element).position === 'sticky',
    ownScroll: element.scrollHeight > element.clientHeight + 1,
  }));
  expect(state.ownScroll).toBe(false);
  if (state.sticky) expect(state.height).toBeLessThanOrEqual(800);
  // Every group and the clear button can be brought into view and read.
  for (const legend of ['Severity', 'Root cause', 'Service', 'Year', 'Status']) {
    const group = box.getByRole('group', { name: legend });
    await group.scrollIntoViewIfNeeded();
    await expect(group).toBeInViewport();
  }
  const clear = box.getByRole('button', { name: 'Clear filters' });
  await clear.scrollIntoViewIfNeeded();
  await expect(clear).toBeInViewport({ ratio: 1 });
  // With a short window the box is taller than it, so it scrolls with the page.
  await page.setViewportSize({ width: 1280, height: 600 });
  await expect.poll(() => box.evaluate((element) => getComputedStyle(element).position)).not.toBe('sticky');
});
