/**
 * A post-mortem page tells its story first (issue 27): on a phone (390 × 844)
 * and a laptop the Summary starts within the first screen; the 5 Whys are one
 * ordered list whatever shape the author used, on screen and in print; each
 * follow-up is listed once; the action items appear once. Every post-mortem of
 * the site fixture is checked, and the longest is photographed in both themes.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { loadArchive } from '../../src/lib/postmortem/archive/archive.ts';
import { countWhySteps } from '../../src/lib/postmortem/parsing/why-steps.ts';

const { postmortems } = loadArchive(path.resolve('tests/fixtures/site'));
const SCREENS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'laptop', width: 1280, height: 800 },
] as const;

/** Top of the Summary heading and of the first block after it, in page pixels. Found by text, not id: heading ids may change. */
async function summaryTops(page: Page): Promise<{ heading: number; text: number }> {
  const summary = page.locator('.postmortem__body').getByRole('heading', { name: 'Summary', exact: true });
  return summary.evaluate((heading) => {
    // Headings sit in a wrapper with their anchor link; the text follows the wrapper.
    const block = heading.closest('.heading-wrapper') ?? heading;
    const top = (element: Element) => element.getBoundingClientRect().top + window.scrollY;
    return { heading: top(heading), text: top(block.nextElementSibling!) };
  });
}

for (const screen of SCREENS) {
  test(`on a ${screen.name}, every post-mortem's Summary starts within the first screen`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.setViewportSize({ width: screen.width, height: screen.height });
    const tops: string[] = [];
    for (const pm of postmortems) {
      await page.goto(`incidents/${pm.slug}/`);
      const { heading, text } = await summaryTops(page);
      tops.push(`${pm.slug}: ${Math.round(heading)}`);
      // The heading and at least one line of the Summary's text (about 30 px) above the fold.
      expect(text + 30, `${pm.slug} Summary text starts at ${text}`).toBeLessThanOrEqual(screen.height);
    }
    test.info().annotations.push({ type: 'summary tops', description: tops.join(', ') });
  });
}

/** The lists inside the Root Cause section: from its heading to the next heading of the same or a higher level. */
async function rootCauseLists(page: Page): Promise<{ ordered: number; items: number }[]> {
  return page.locator('.postmortem__body').evaluate((body) => {
    const headings = [...body.querySelectorAll('h2, h3, h4')];
    const heading = headings.find((candidate) => /^\s*(root cause|5 whys|five whys)/i.test(candidate.textContent ?? ''));
    if (!heading) return [];
    const level = Number(heading.tagName[1]);
    const lists: { ordered: number; items: number }[] = [];
    const levelOf = (node: Element) => Number((/^H([1-6])$/.exec(node.tagName) ?? /^H([1-6])$/.exec(node.querySelector(':scope > h1, :scope > h2, :scope > h3, :scope > h4')?.tagName ?? ''))?.[1] ?? 7);
    for (let node = (heading.closest('.heading-wrapper') ?? heading).nextElementSibling; node && levelOf(node) > level; node = node.nextElementSibling) {
      for (const list of [node, ...node.querySelectorAll('ol, ul')].filter((element) => element.tagName === 'OL' || element.tagName === 'UL')) {
        lists.push({ ordered: list.tagName === 'OL' ? 1 : 0, items: list.querySelectorAll(':scope > li').length });
      }
    }
    return lists;
  });
}

test('every post-mortem shows its 5 Whys as one ordered list, on screen and in print', async ({ page }) => {
  test.setTimeout(90_000);
  for (const pm of postmortems) {
    const steps = countWhySteps(pm.sectionMarkdown?.('root-cause') ?? '');
    if (!steps) continue;
    await page.goto(`incidents/${pm.slug}/`);
    const lists = await rootCauseLists(page);
    expect(lists.filter((list) => list.ordered && list.items === steps), pm.slug).toHaveLength(1);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.postmortem__body ol').filter({ hasText: /why/i }).first()).toBeVisible();
    await page.emulateMedia({ media: 'screen' });
  }
});

test('each follow-up is listed once on a page, and the action items once', async ({ page }) => {
  test.setTimeout(90_000);
  for (const pm of postmortems) {
    await page.goto(`incidents/${pm.slug}/`);
    const followUps = await page.locator('[data-learning="still-open-when"] [data-follow-up] > .learning-notes__action').allTextContents();
    expect(new Set(followUps).size, pm.slug).toBe(followUps.length);
    // The body's Action Items table is the one list of them; the aside only counts them.
    for (const item of pm.actionItems) await expect(page.locator('.postmortem__aside'), pm.slug).not.toContainText(item.action);
    if (pm.actionItems.length) await expect(page.locator('.postmortem__aside [data-counts]')).toContainText(`${pm.actionItems.length} action item`);
  }
});

test('"Across incidents" comes after the body, opens with a one-line summary, and every link says why', async ({ page }) => {
  const pm = postmortems.find((candidate) => candidate.slug === '2026-09-15-search-reindex-backlog')!;
  await page.goto(`incidents/${pm.slug}/`);
  const notes = page.getByRole('region', { name: 'Across incidents' });
  const [body, box] = [await page.locator('.postmortem__body').boundingBox(), await notes.boundingBox()];
  expect(box!.y).toBeGreaterThan(body!.y + body!.height - 1);
  await expect(notes.locator('.learning-notes__summary')).toHaveText(/^It repeats 1 earlier incident; 1 follow-up of earlier incidents was open when it started\./);
  await expect(notes.locator('[data-learning="open-at-the-time"]')).toContainText('Declared in prevented_by');
});

test('the longest example, photographed at 390 and 1280 px in light and dark', async ({ page }) => {
  test.setTimeout(90_000);
  const longest = [...postmortems].sort((a, b) => statSync(b.path).size - statSync(a.path).size)[0]!;
  for (const screen of SCREENS) {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width: screen.width, height: screen.height });
      await page.emulateMedia({ colorScheme });
      await page.goto(`incidents/${longest.slug}/`);
      const file = test.info().outputPath(`postmortem-${screen.width}-${colorScheme}.png`);
      await page.screenshot({ path: file });
      await test.info().attach(`${screen.width} ${colorScheme}`, { path: file, contentType: 'image/png' });
      const { text } = await summaryTops(page);
      expect(text).toBeLessThan(screen.height);
    }
  }
});
