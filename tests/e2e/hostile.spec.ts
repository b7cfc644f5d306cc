/**
 * The hostile corpus (tests/fixtures/hostile/archive: scripts, handlers, script
 * URLs, styles, frames, forms, mutation XSS, hostile SVGs, executable MDX),
 * built with validation bypassed (HINDSIGHT_BUILD_INVALID=1, see
 * playwright.config.ts), then opened in Chromium page by page and asset by
 * asset. Every payload writes `window.__pwned` or opens a dialog if it runs;
 * any style a post-mortem applies, or a CSP violation, fails the test too.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { checkSvg } from '../../src/lib/postmortem/safety/svg-check.ts';
import { watchRequests } from './settle.ts';

const DIST = path.resolve('.cache/e2e-hostile');

/** What the build published, read when a test runs (the web server builds it after the tests are collected). */
function published() {
  const files = readdirSync(DIST, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(DIST, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
  /** Every page, as its URL path under the base. */
  const pages = files.filter((file) => file.endsWith('.html')).map((file) => file.replace(/index\.html$/, ''));
  return { pages, assets: files.filter((file) => !file.endsWith('.html')), postmortems: pages.filter((page) => /^incidents\/\d{4}-/.test(page)) };
}

interface Watch {
  dialogs: string[];
  violations: string[];
  errors: string[];
  /** Requests to any origin but the site's own (data: and blob: URLs are judged in the page). */
  foreign: string[];
}

/** Records dialogs, page errors and CSP violations (reported by an init script, which the page's CSP cannot block). */
async function watch(page: Page): Promise<Watch> {
  const seen: Watch = { dialogs: [], violations: [], errors: [], foreign: [] };
  const origin = new URL(test.info().project.use.baseURL!).origin;
  page.on('request', (request) => {
    const url = request.url();
    if (!/^(?:data|blob|about):/i.test(url) && new URL(url).origin !== origin) seen.foreign.push(url);
  });
  page.on('dialog', (dialog) => {
    seen.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => seen.errors.push(error.message));
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) seen.violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`Refused to: CSP violation of ${event.violatedDirective} by ${event.blockedURI || 'inline'} (${event.sample})`);
    });
  });
  return seen;
}

async function pwned(page: Page): Promise<unknown> {
  return page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
}

test('the corpus built: every post-mortem with valid frontmatter has a page, the rest none', () => {
  const { postmortems } = published();
  expect(postmortems.length).toBeGreaterThanOrEqual(8);
  // A script URL in the frontmatter links is a schema error: the file has no page model at all.
  expect(postmortems).not.toContain('incidents/2026-03-18-frontmatter-link/');
});

/** Pages and assets are checked in this many tests each, so the two workers share them and one slow page costs only its part's time. */
const PAGE_PARTS = 4;

for (let part = 0; part < PAGE_PARTS; part += 1) test(`every page, part ${part + 1} of ${PAGE_PARTS}: nothing runs, no style from content applies`, async ({ browser }) => {
  const { pages: all, postmortems } = published();
  const pages = all.filter((_, index) => index % PAGE_PARTS === part);
  test.setTimeout(30_000 * Math.max(1, pages.length));
  for (const pagePath of pages) {
    const page = await browser.newPage({ baseURL: test.info().project.use.baseURL });
    const seen = await watch(page);
    const requests = watchRequests(page);
    const response = await page.goto(pagePath);
    // As served: no style attribute anywhere (the page's own scripts may set styles through the DOM later, which CSP allows).
    expect((await response!.text()).match(/<[a-z][^>]*\sstyle=/gi), pagePath).toBeNull();
    await requests.settled();
    // Give handlers their chance: hover the body, move focus through the page, open every <details>.
    await page.mouse.move(300, 300);
    for (let i = 0; i < 12; i += 1) await page.keyboard.press('Tab');
    await page.locator('main details summary').evaluateAll((summaries) => summaries.forEach((summary) => (summary as HTMLElement).click()));
    expect(await pwned(page), pagePath).toBeUndefined();
    expect(seen.dialogs, pagePath).toEqual([]);
    expect(seen.violations, pagePath).toEqual([]);
    expect(seen.errors, pagePath).toEqual([]);
    expect(seen.foreign, pagePath).toEqual([]);

    const report = await page.evaluate(() => {
      const main = document.querySelector('main')!;
      const all = [...main.querySelectorAll('*')];
      return {
        // Only the site's own stylesheets, all of them files.
        inlineSheets: [...document.styleSheets].filter((sheet) => !sheet.href).length,
        foreignSheets: [...document.styleSheets].filter((sheet) => sheet.href && !sheet.href.startsWith(location.origin)).map((sheet) => sheet.href),
        styleAttributes: [...document.querySelectorAll('.prose [style]')].map((el) => el.outerHTML.slice(0, 80)),
        handlers: all.flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName} ${a.name}`)),
        active: [...main.querySelectorAll('script:not([type="application/json"]), style, link, meta, base, iframe, frame, object, embed, form, button, input:not([type="checkbox"]):not([type="search"]):not([type="radio"]), textarea, select, [srcdoc], [formaction]')]
          .filter((el) => !el.closest('form[role="search"], .filters, [data-filters], .list-controls'))
          .map((el) => el.outerHTML.slice(0, 80)),
        badLinks: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!).filter((href) => !/^(?:https?:|mailto:|#|\/|\.|[^:]*$)/i.test(href)),
        positioned: [...document.querySelectorAll('.prose *')].filter((el) => ['fixed', 'absolute', 'sticky'].includes(getComputedStyle(el).position) && !el.classList.contains('visually-hidden')).map((el) => el.outerHTML.slice(0, 80)),
        // No data: image is shown, whichever way it came (src, srcset, <source> of a <picture>).
        dataImages: [...document.images].filter((img) => /^data:/i.test(img.currentSrc || img.src)).map((img) => img.outerHTML.slice(0, 80)),
        dataSources: [...document.querySelectorAll('source[srcset], img[srcset]')].filter((el) => /data:|javascript:/i.test(el.getAttribute('srcset')!)).map((el) => el.outerHTML.slice(0, 80)),
        bodyShown: getComputedStyle(document.body).display !== 'none' && getComputedStyle(main).visibility !== 'hidden',
        headerShown: (document.querySelector('.site-header') as HTMLElement | null)?.offsetHeight ?? 0,
        // Classes in the body come only from Hindsight's own plugins (heading anchors, highlighted code, task lists,
        // table scroll boxes and unbreakable cells), which run after the sanitizer.
        proseClasses: [...document.querySelectorAll('.prose [class]')]
          .filter((el) => el.classList.length > 0 && !el.closest('pre, .heading-wrapper')
            && !el.matches('.contains-task-list, .task-list-item, .table-scroll, .table-scroll__hint, .table-scroll__region, .cell-token'))
          .map((el) => el.outerHTML.slice(0, 80)),
      };
    });
    expect(report.inlineSheets, `${pagePath}: inline <style> sheets`).toBe(0);
    expect(report.foreignSheets, pagePath).toEqual([]);
    expect(report.styleAttributes, pagePath).toEqual([]);
    expect(report.handlers, pagePath).toEqual([]);
    expect(report.badLinks, pagePath).toEqual([]);
    expect(report.dataImages, pagePath).toEqual([]);
    expect(report.dataSources, pagePath).toEqual([]);
    expect(report.positioned, pagePath).toEqual([]);
    expect(report.bodyShown, pagePath).toBe(true);
    expect(report.headerShown, pagePath).toBeGreaterThan(0);
    expect(report.proseClasses, pagePath).toEqual([]);
    if (postmortems.includes(pagePath)) expect(report.active, pagePath).toEqual([]);
    await page.close();
  }
});

for (let part = 0; part < PAGE_PARTS; part += 1) test(`every published asset, part ${part + 1} of ${PAGE_PARTS}: opening it runs nothing and loads nothing from elsewhere; every SVG is the copy the check wrote`, async ({ browser }) => {
  const assets = published().assets.filter((_, index) => index % PAGE_PARTS === part);
  test.setTimeout(10_000 * Math.max(1, assets.length));
  for (const asset of assets) {
    const page = await browser.newPage({ baseURL: test.info().project.use.baseURL });
    const seen = await watch(page);
    // Files the browser downloads (CSV) are not documents: nothing in them can run on the origin.
    const response = await page.goto(asset).catch((error: Error) => (/Download is starting/.test(error.message) ? null : Promise.reject(error)));
    if (response) await page.waitForLoadState('load');
    // Give an SVG's handlers their chance.
    if (response) await page.mouse.move(20, 20);
    if (response) await page.mouse.click(20, 20);
    expect(seen.dialogs, asset).toEqual([]);
    expect(seen.foreign, asset).toEqual([]);
    if (response) expect(await pwned(page), asset).toBeUndefined();
    if (asset.endsWith('.svg')) {
      const bytes = readFileSync(path.join(DIST, asset));
      const { problem, svg } = checkSvg(bytes);
      expect(problem, asset).toBeNull();
      // Published as written out by the check (writing it out again changes nothing), in ASCII only.
      expect(bytes.toString('latin1'), asset).toBe(svg);
      expect(bytes.every((byte) => byte < 0x80), asset).toBe(true);
    }
    await page.close();
  }
});

test('only accepted images are published: refused SVGs and rasters, the outside file and the fake PNG are not', () => {
  const images = published().assets.filter((file) => /\.(svg|png|jpe?g|gif|webp|avif)$/i.test(file));
  expect(images.length).toBeGreaterThan(0);
  for (const image of images) expect(path.basename(image)).toMatch(/^good[.-]/);
  const assetsPage = readFileSync(path.join(DIST, 'incidents/2026-03-20-assets/index.html'), 'utf8');
  expect(assetsPage).toContain('[image: A diagram with a script]');
  expect(assetsPage).not.toMatch(/src="[^"]*(?:evil|handler|foreign|external|animate|entity|nosize|linked|fake|missing)/);
  const roundTwo = readFileSync(path.join(DIST, 'incidents/2026-03-23-images-round-two/index.html'), 'utf8');
  for (const alt of ['A UTF-16 SVG with a script', 'CSS in CDATA', 'A decompression bomb', 'A GIF that is HTML']) expect(roundTwo).toContain(`[image: ${alt}]`);
  // The Inkscape diagram, the PNG with HTML after its end and the photo are published (the rasters re-encoded by the build).
  expect(images.filter((image) => /good-(?:inkscape|trailing-html|photo)/.test(image)).length).toBeGreaterThanOrEqual(3);
  const inkscape = images.find((image) => /good-inkscape.*\.svg$/.test(image))!;
  const inkscapeText = readFileSync(path.join(DIST, inkscape), 'utf8');
  expect(inkscapeText).toContain('Latenz &#x2013; Stra&#xdf;e 95 %');
  expect(inkscapeText).not.toMatch(/inkscape|sodipodi|cursor|evil\.example|<\?xml|<!--/);
});

test('a picture shows no data: image and loads nothing from another origin', async ({ page }) => {
  const seen = await watch(page);
  const requests = watchRequests(page);
  await page.goto('incidents/2026-03-23-images-round-two/');
  await requests.settled();
  const shown = await page.locator('main picture img, main img').evaluateAll((images) => images.map((img) => (img as HTMLImageElement).currentSrc));
  expect(shown.filter((src) => /^data:/i.test(src))).toEqual([]);
  expect(seen.foreign).toEqual([]);
  await expect(page.getByRole('img', { name: 'A picture whose source is a data URL' })).toHaveCount(1);
  expect(await pwned(page)).toBeUndefined();
});

test('the MDX post-mortem rendered without running its imports, exports or expressions', async ({ page }) => {
  expect(existsSync(path.join(DIST, 'mdx-ran.txt'))).toBe(false);
  expect((await page.request.get('mdx-ran.txt')).status()).toBe(404);
  await page.goto('incidents/2026-03-22-mdx-code/');
  const body = page.locator('.postmortem__body');
  await expect(body).toContainText('An MDX post-mortem whose code must never run. Home is ; sum is .');
  if (process.env.HOME) await expect(body).not.toContainText(process.env.HOME);
  await expect(body).toContainText('A literal handler');
  await expect(body.locator('[onclick], a[href]:not(.heading-anchor)')).toHaveCount(0);
});

test('a post-mortem page shows injected markup as text and keeps link texts without their script targets', async ({ page }) => {
  await page.goto('incidents/2026-03-14-hostile-content/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('</script><script>window.__pwned');
  await expect(page.locator('main code').filter({ hasText: '<script>alert(1)</script>' })).toHaveCount(1);
  await expect(page.locator('main').getByText('click me')).toBeVisible();
  await expect(page.getByRole('link', { name: 'click me' })).toHaveCount(0);
  await page.goto('incidents/2026-03-16-script-urls/');
  await expect(page.locator('main').getByText('Plain javascript link')).toBeVisible();
  await expect(page.getByRole('link', { name: 'OPS-9' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'A real link with a ping' })).toHaveAttribute('href', 'https://tracker.example.com/OPS-1');
});

test('the fake login banner is plain text in the flow of the page', async ({ page }) => {
  await page.goto('incidents/2026-03-15-style-injection/');
  const banner = page.locator('.prose div').filter({ hasText: 'Your session expired' }).last();
  await expect(banner).toBeVisible();
  expect(await banner.evaluate((el) => getComputedStyle(el).position)).toBe('static');
  expect(await banner.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgba(0, 0, 0, 0)');
  await expect(page.getByRole('banner')).toBeVisible();
  // The site's own class names do not reach the body either.
  await expect(page.getByText('Class names of the site')).not.toHaveClass(/site-header|visually-hidden/);
  await expect(page.getByText('Class names of the site')).toBeVisible();
});

test('searching for the injected text finds it without running it', async ({ page }) => {
  await page.goto('incidents/');
  await page.getByRole('searchbox', { name: /Search/ }).fill('pwned');
  await expect(page.locator('[data-results] > li:visible').first()).toBeVisible();
  expect(await pwned(page)).toBeUndefined();
});

test('the data files keep the text and escape it', async ({ request }) => {
  const feed = await (await request.get('rss.xml')).text();
  expect(feed).not.toMatch(/<script>window\.__pwned/);
  expect(feed).toContain('&lt;/script&gt;&lt;script&gt;window.__pwned');
  const incidents = await (await request.get('api/incidents.json')).json();
  expect(JSON.stringify(incidents)).toContain('</script><script>window.__pwned');
  // Ticket links that are not web links are dropped from the data too.
  expect(JSON.stringify(incidents)).not.toMatch(/"url":"(?:javascript|data|vbscript):/i);
  const csv = await (await request.get('api/action-items.csv')).text();
  expect(csv).toContain('"Seed staging <script>window.__pwned=""action""</script> with a large tenant"');
});

test('every page carries the same strict Content-Security-Policy', async ({ request }) => {
  const policies = new Set<string>();
  for (const pagePath of published().pages) {
    const html = await (await request.get(pagePath)).text();
    const policy = /<head><meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    expect(policy, pagePath).toBeDefined();
    policies.add(policy!);
  }
  expect(policies.size).toBe(1);
  const [policy] = [...policies];
  expect(policy).toMatch(/script-src 'self' 'sha256-[^']+'(?:;|$)/);
  expect(policy).toContain("style-src 'self';");
  for (const directive of ["object-src 'none'", "base-uri 'none'", "form-action 'none'"]) expect(policy).toContain(directive);
  expect(policy).not.toMatch(/unsafe-inline|unsafe-hashes|unsafe-eval/);
});
