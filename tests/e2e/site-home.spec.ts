/** The home page: the archive at a glance, each figure linking to its detail. */
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { loadArchive } from '../../src/lib/postmortem/archive/archive.ts';
import { buildDate } from '../../src/lib/build/build-date.ts';
import { formatDuration } from '../../src/lib/site/format.ts';
import { homeSummary } from '../../src/lib/site/home.ts';

const { postmortems } = loadArchive(path.resolve('tests/fixtures/site'));
const home = homeSummary(postmortems, buildDate(process.env.HINDSIGHT_TODAY ?? null));

test('shows the key figures, each linking to its detail', async ({ page }) => {
  await page.goto('./');
  const figures = page.getByRole('region', { name: 'At a glance' });
  await expect(figures.getByRole('link', { name: `${home.total} post-mortems in the archive` })).toHaveAttribute('href', '/hindsight/incidents/');
  await expect(figures.getByRole('link', { name: /median time to resolve/ })).toContainText(formatDuration(home.resolve.median));
  await expect(figures.getByRole('link', { name: /median time to resolve/ })).toHaveAttribute('href', '/hindsight/analytics/');
  await expect(figures.getByRole('link', { name: `${home.actions.open} open action items` })).toHaveAttribute('href', '/hindsight/action-items/?status=open');
  await expect(figures.getByRole('link', { name: `${home.actions.overdue} overdue action items` })).toHaveAttribute('href', '/hindsight/action-items/?status=overdue');
});

test('counts the last 90 days by severity and links each level to the filtered list', async ({ page }) => {
  await page.goto('./');
  expect(home.bySeverity.filter(({ count }) => count > 0).length, 'the fixture has recent incidents').toBeGreaterThan(0);
  const panel = page.getByRole('region', { name: 'Last 90 days' });
  for (const { level, count } of home.bySeverity) {
    const link = panel.getByRole('link', { name: new RegExp(`see all ${level.id} post-mortems`) });
    await expect(link).toHaveText(new RegExp(`^\\s*${count}\\b`));
    await expect(link).toHaveAttribute('href', `/hindsight/incidents/?severity=${level.id}`);
  }
});

test('lists the most recent post-mortems, newest first', async ({ page }) => {
  await page.goto('./');
  const recent = page.getByRole('region', { name: 'Recent post-mortems' }).getByRole('heading', { level: 3 });
  await expect(recent).toHaveText(home.recent.map((pm) => pm.meta.title));
});

test('its search box takes the query to the incident list', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('searchbox', { name: 'Search post-mortems' }).fill('redis');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/\/hindsight\/incidents\/\?q=redis$/);
  await expect(page.locator('[data-results] > li:visible').first()).toContainText('Redis');
});
