/**
 * A post-mortem full of injected markup (tests/fixtures/hostile): in the title,
 * services, tags, body and action items. No script it carries may ever run, on
 * any page or in any data file, and the text must still be readable.
 */
import { expect, test, type Page } from '@playwright/test';

const SLUG = '2026-03-14-hostile-content';
const PAGES = ['./', 'incidents/', `incidents/${SLUG}/`, 'action-items/', 'analytics/', 'guide/'];

async function expectNothingRan(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
}

for (const path of PAGES) {
  test(`no injected script runs on ${path}`, async ({ page }) => {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(path);
    await page.mouse.move(200, 300);
    await page.waitForLoadState('networkidle');
    await expectNothingRan(page);
    expect(dialogs).toEqual([]);
    // Active elements never reach the DOM.
    expect(await page.locator('main iframe, main object, main embed, main [onerror], main [onmouseover], main a[href^="javascript:" i]').count()).toBe(0);
    // Data blocks may carry the text (escaped JSON); no executable script may sit in the content.
    expect(await page.locator('main script:not([type="application/json"])').count()).toBe(0);
    for (const data of await page.locator('main script[type="application/json"]').allTextContents()) expect(() => JSON.parse(data)).not.toThrow();
  });
}

test('the post-mortem page shows the injected markup as text and strips it from the body', async ({ page }) => {
  await page.goto(`incidents/${SLUG}/`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('</script><script>window.__pwned');
  await expect(page.locator('main')).toContainText('Showing markup is fine in code');
  await expect(page.locator('main code').filter({ hasText: '<script>alert(1)</script>' })).toHaveCount(1);
  // The javascript: link keeps its text but loses its target.
  await expect(page.locator('main').getByText('click me')).toBeVisible();
  await expect(page.getByRole('link', { name: 'click me' })).toHaveCount(0);
  await page.locator('main').getByText('an anchor').click();
  await expectNothingRan(page);
});

test('searching for the injected text finds it without running it', async ({ page }) => {
  await page.goto('incidents/');
  await page.getByRole('searchbox', { name: /Search/ }).fill('pwned');
  await expect(page.locator('[data-results] > li:visible')).toHaveCount(1);
  await expectNothingRan(page);
});

test('the data files keep the text and escape it', async ({ request }) => {
  const feed = await (await request.get('rss.xml')).text();
  expect(feed).not.toMatch(/<script>window\.__pwned/);
  expect(feed).toContain('&lt;/script&gt;&lt;script&gt;window.__pwned');
  const incidents = await (await request.get('api/incidents.json')).json();
  expect(JSON.stringify(incidents)).toContain('</script><script>window.__pwned');
  const csv = await (await request.get('api/action-items.csv')).text();
  expect(csv).toContain('"Seed staging <script>window.__pwned=""action""</script> with a large tenant"');
});

test('every page carries a Content-Security-Policy without unsafe-inline', async ({ page }) => {
  for (const path of PAGES) {
    await page.goto(path);
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy, path).toMatch(/script-src 'self'/);
    expect(policy, path).not.toContain('unsafe-inline');
  }
});
