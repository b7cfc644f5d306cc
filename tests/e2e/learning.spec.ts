/**
 * Learning across incidents on the site fixture: a declared repeat
 * (2026-09-15 repeats 2026-01-14), open follow-ups at the time, the list's
 * Learning filter, the analytics figures and the quarterly review (screen,
 * print and JSON). Expectations are computed from the fixture with the core.
 */
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { loadArchive } from '../../src/lib/postmortem/archive/archive.ts';
import { learningFigures } from '../../src/lib/postmortem/learning/figures.ts';
import { preventionOf } from '../../src/lib/postmortem/learning/prevented.ts';
import { quarterlyReview, reviewQuarters } from '../../src/lib/postmortem/learning/quarterly-review.ts';
import { isRepeat, repeatsOf } from '../../src/lib/postmortem/learning/repeats.ts';
import { linkKinds } from '../../src/lib/postmortem/learning/link-kinds.ts';
import { toMetricsDataset } from '../../src/lib/postmortem/metrics/record.ts';
import { learningView, linkKeyFiguresFor } from '../../src/lib/site/analytics/learning-view.ts';
import { E2E_TODAY } from '../../playwright.config.ts';

const { postmortems } = loadArchive(path.resolve('tests/fixtures/site'));
const bySlug = (slug: string) => postmortems.find((pm) => pm.slug === slug)!;
const REPEAT = bySlug('2026-09-15-search-reindex-backlog');
const EARLIER = bySlug('2026-01-14-ingest-worker-oom-upgrade');

test('a repeat says what it repeats, and the earlier post-mortem says it happened again', async ({ page }) => {
  expect(repeatsOf(REPEAT, postmortems).repeatOf.map((link) => link.slug)).toEqual([EARLIER.slug]);
  await page.goto(`incidents/${REPEAT.slug}/`);
  const notes = page.getByRole('region', { name: 'Across incidents' });
  const repeatOf = notes.locator('[data-learning="repeat-of"]');
  await expect(repeatOf.getByRole('heading')).toHaveText('Repeat of');
  await expect(repeatOf).toContainText('Declared in recurrence_of');
  await repeatOf.getByRole('link', { name: EARLIER.meta.title }).click();
  await expect(page).toHaveURL(new RegExp(`incidents/${EARLIER.slug}/$`));
  const again = page.getByRole('region', { name: 'Across incidents' }).locator('[data-learning="happened-again"]');
  await expect(again.getByRole('link', { name: REPEAT.meta.title })).toBeVisible();
});

test('open follow-ups at the time are listed on the new incident, and the older item says when it was still open', async ({ page }) => {
  const open = preventionOf(REPEAT, postmortems).openAtTheTime;
  expect(open.length).toBeGreaterThan(0);
  await page.goto(`incidents/${REPEAT.slug}/`);
  const list = page.locator('[data-learning="open-at-the-time"] > ul > li');
  await expect(list).toHaveCount(open.length);
  for (const [at, entry] of open.entries()) {
    await expect(list.nth(at)).toContainText(entry.item.action);
    await expect(list.nth(at).getByRole('link', { name: entry.source.title })).toBeVisible();
    await expect(list.nth(at)).toContainText(entry.reasons[0]!);
  }
  const source = bySlug(open[0]!.source.slug);
  await page.goto(`incidents/${source.slug}/`);
  const stillOpen = page.locator('[data-learning="still-open-when"] [data-follow-up]', { hasText: open[0]!.item.action });
  await expect(stillOpen).toHaveCount(1);
  await expect(stillOpen.getByRole('link', { name: REPEAT.meta.title })).toBeVisible();
});

test('the incident list filters to repeats and to incidents preceded by an open follow-up', async ({ page }) => {
  await page.goto('incidents/');
  const learning = page.getByRole('group', { name: 'Learning' });
  await learning.getByRole('checkbox', { name: /^Repeat of an earlier incident/ }).check();
  const rows = page.locator('[data-results] > li:visible');
  await expect(rows).toHaveCount(postmortems.filter((pm) => isRepeat(pm, postmortems)).length);
  await expect(rows.first().getByRole('heading')).toHaveText(REPEAT.meta.title);
  await expect(page).toHaveURL(/[?&]learning=repeat/);
  await learning.getByRole('checkbox', { name: /^Repeat of an earlier incident/ }).uncheck();
  await learning.getByRole('checkbox', { name: /^Open follow-up at the time/ }).check();
  await expect(rows).toHaveCount(postmortems.filter((pm) => preventionOf(pm, postmortems).openAtTheTime.length > 0).length);
});

test('analytics shows the repeat share, open follow-ups at the time and follow-up health, and links the reviews', async ({ page }) => {
  const view = learningView(learningFigures(postmortems, E2E_TODAY));
  await page.goto('analytics/');
  const section = page.getByRole('region', { name: 'Learning across incidents' });
  for (const figure of view.keyFigures) {
    await expect(section.locator('.key-figure', { hasText: figure.label }).locator('.key-figure__value')).toHaveText(figure.value);
  }
  await expect(section.getByRole('table', { name: 'How action items end' }).getByRole('row', { name: /^Won't do/ })).toContainText(view.followUpPanels[0]!.table.rows[2]![1]!);
  await expect(section.getByRole('table', { name: 'Open action items at the end of each month' }).locator('tbody tr')).toHaveCount(view.followUpPanels[2]!.table.rows.length);
  await section.getByRole('link', { name: 'quarterly learning reviews' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Learning review: ${quarterlyReview(postmortems, reviewQuarters(postmortems)[0]!, E2E_TODAY).label}`);
});

test('the repeat and open-follow-up figures follow the range and service controls, declared and computed apart', async ({ page }) => {
  const dataset = { ...toMetricsDataset(postmortems, E2E_TODAY), learning: linkKinds(postmortems) };
  const service = 'ingest-worker';
  const expected = linkKeyFiguresFor(dataset, { range: 'all', service });
  const whole = linkKeyFiguresFor(dataset, { range: 'all', service: null });
  expect(expected.map((figure) => figure.detail)).not.toEqual(whole.map((figure) => figure.detail));
  await page.goto('analytics/');
  const figures = page.locator('[data-learning-figures] .key-figure');
  await expect(figures.locator('.key-figure__value')).toHaveText(whole.map((figure) => figure.value));
  await page.locator('select[name="service"]').selectOption(service);
  for (const [at, figure] of expected.entries()) {
    await expect(figures.nth(at).locator('.key-figure__value')).toHaveText(figure.value);
    await expect(figures.nth(at)).toContainText(figure.detail);
  }
});

test('the quarterly review is reachable from home, shows the quarter, prints without navigation and has the same data as JSON', async ({ page, request }) => {
  const quarter = '2026-q3';
  const review = quarterlyReview(postmortems, quarter, E2E_TODAY);
  await page.goto('./');
  await page.getByRole('link', { name: 'Quarterly learning reviews' }).click();
  await page.getByRole('link', { name: review.label }).click();
  await expect(page).toHaveURL(new RegExp(`learning/${quarter}/$`));
  await expect(page.locator('[data-figure="repeats"]')).toHaveText(String(review.repeats.length));
  await expect(page.locator('[data-figure="prevented"]')).toHaveText(String(review.mightHaveBeenPrevented.length));
  await expect(page.locator('[data-figure="opened"]')).toHaveText(String(review.followUps.opened));
  for (const incident of review.incidents) {
    await expect(page.getByRole('region', { name: incident.title })).toContainText(incident.lessons);
  }
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Quarters' })).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const json = await (await request.get(`learning/${quarter}.json`)).json();
  expect(json).toEqual(JSON.parse(JSON.stringify(review)));
});

// The analytics page as a whole is checked in analytics.spec.ts; here only its learning part, which is slow enough.
for (const [pagePath, part] of [['learning/', null], ['learning/2026-q3/', null], [`incidents/${REPEAT.slug}/`, null], ['analytics/', '#learning']] as const) {
  test(`${pagePath}${part ? ` (${part})` : ''} has no axe violations`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto(pagePath);
    const axe = new AxeBuilder({ page });
    const results = await (part ? axe.include(part) : axe).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
