/** A post-mortem page: metadata, rendered tables, action items, related incidents, edit link, anchors, print. */
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { isOverdue } from '../../src/lib/postmortem/ledger/ledger-rules.ts';
import { loadArchive } from '../../src/lib/postmortem/archive/archive.ts';
import { buildDate } from '../../src/lib/build/build-date.ts';

const { postmortems } = loadArchive(path.resolve('tests/fixtures/site'));
const pm = postmortems.find((candidate) => candidate.slug === '2026-03-14-report-export-timeouts')!;
const PAGE = `incidents/${pm.slug}/`;

test('shows the metadata and computed intervals', async ({ page }) => {
  await page.goto(PAGE);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(pm.meta.title);
  const header = page.locator('.pm-header');
  await expect(header.getByRole('link', { name: 'SEV-2 · Major' })).toHaveAttribute('href', '/hindsight/guide/#sev-2');
  await expect(header).toContainText('final');
  await expect(header).toContainText('14 Mar 2026');
  await expect(header).toContainText('1 h 53 min');
  await expect(header).toContainText('Dana Kim');
  await expect(header.getByRole('link', { name: 'Deployment' })).toHaveAttribute('href', '/hindsight/guide/#category-deployment');
  await expect(header).toContainText('42 of 310 · 14%');
  for (const service of pm.meta.services) await expect(header.getByRole('link', { name: service, exact: true })).toBeVisible();
  const milestones = page.getByRole('list', { name: 'Milestone intervals' });
  await expect(milestones.getByRole('listitem').filter({ hasText: 'Time to detect' })).toContainText('7 min');
  await expect(milestones.getByRole('listitem').filter({ hasText: 'Time to mitigate' })).toContainText('1 h 29 min');
  await expect(milestones.getByRole('listitem').filter({ hasText: 'Time to resolve' })).toContainText('1 h 53 min');
});

test('renders the body with its GFM tables and heading anchors', async ({ page }) => {
  await page.goto(PAGE);
  const timeline = page.getByRole('table').filter({ hasText: 'Deploy 2026.03.14-2' });
  await expect(timeline.getByRole('columnheader')).toHaveText(['Time', 'Event']);
  await expect(timeline.getByRole('row')).toHaveCount(pm.timeline.length + 1);
  await expect(page.getByRole('heading', { name: 'Summary', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Section titled “Summary”' })).toHaveAttribute('href', '#summary');
});

test('renders highlighted code with classes (no inline styles) and a local image with its size', async ({ page }) => {
  await page.goto(PAGE);
  const code = page.locator('.prose pre.language-sql code');
  await expect(code).toContainText('SELECT id, created_at FROM exports');
  await expect(code.locator('.token.keyword').first()).toHaveText('SELECT');
  await expect(page.locator('.prose [style]')).toHaveCount(0);
  const image = page.getByRole('img', { name: /^Export latency during the incident/ });
  await expect(image).toHaveAttribute('src', /^\/hindsight\/_astro\/report-export-latency\.[\w-]+\.svg$/);
  await expect(image).toHaveAttribute('width', '480');
  // The image is lazy: bring it into view, then it must load from the site's own files (CSP img-src 'self').
  await image.scrollIntoViewIfNeeded();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(480);
});

test('keeps commands and quotes in prose as written (no typographic rewriting)', async ({ page }) => {
  await page.goto(PAGE);
  await expect(page.getByRole('listitem').filter({ hasText: 'The on-call paused large exports' })).toContainText('exportctl pause --min-rows=10000 --reason "index build" while');
});

test('counts the action items by status with build-date overdue marks, without listing them a second time', async ({ page }) => {
  await page.goto(PAGE);
  const status = page.getByRole('region', { name: 'Action item status' });
  await expect(status.getByRole('listitem')).toHaveCount(0);
  await expect(status).toContainText(`${pm.actionItems.length} action items`);
  const today = buildDate(process.env.HINDSIGHT_TODAY ?? null);
  const overdue = pm.actionItems.filter((item) => isOverdue({ ...item, severity: pm.meta.severity, date: pm.meta.date }, today)).length;
  await expect(status).toContainText(overdue ? `${overdue} overdue` : 'None overdue');
  await expect(status).toContainText('when this page was built');
  // The items themselves are the body's Action Items table.
  for (const item of pm.actionItems) await expect(page.locator('.postmortem__body table').filter({ hasText: item.action })).toHaveCount(1);
});

test('links related incidents and the file to edit', async ({ page }) => {
  await page.goto(PAGE);
  const related = page.getByRole('region', { name: 'Related incidents' });
  await expect(related.getByRole('link', { name: 'Bank feed ingest silently dropped transactions after upstream schema change' })).toBeVisible();
  await expect(related).toContainText('Also affected report-export, postgres');
  await expect(page.getByRole('link', { name: 'Edit this file' })).toHaveAttribute('href', `https://github.com/acme/ops/edit/main/${pm.path}`);
});

test('a severity badge leads to its row in the guide', async ({ page }) => {
  await page.goto(PAGE);
  await page.locator('.pm-header').getByRole('link', { name: 'SEV-2 · Major' }).click();
  await expect(page).toHaveURL(/\/hindsight\/guide\/#sev-2$/);
  await expect(page.locator('#sev-2')).toContainText('Major feature broken');
});

test('prints the post-mortem without the site around it', async ({ page }) => {
  await page.goto(PAGE);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('.site-footer')).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('table').first()).toBeVisible();
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
});
