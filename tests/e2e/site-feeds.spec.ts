/** The RSS feed, the JSON API, the sitemap and the search data are well formed and agree with the archive. */
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { loadArchive } from '../../src/lib/postmortem/archive/archive.ts';
import { incidentIntervals } from '../../src/lib/postmortem/model/durations.ts';

const { postmortems } = loadArchive(path.resolve('tests/fixtures/site'));

test('the RSS feed is valid XML with one item per post-mortem, newest first (the latest 50)', async ({ page, request }) => {
  const response = await request.get('rss.xml');
  expect(response.ok()).toBe(true);
  expect(response.headers()['content-type']).toMatch(/xml/);
  const xml = await response.text();
  await page.goto('./');
  const feed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      title: doc.querySelector('channel > title')?.textContent,
      items: [...doc.querySelectorAll('item')].map((item) => ({ title: item.querySelector('title')?.textContent, link: item.querySelector('link')?.textContent, pubDate: item.querySelector('pubDate')?.textContent })),
    };
  }, xml);
  expect(feed.error).toBeNull();
  expect(feed.items).toHaveLength(postmortems.length);
  // The newest fixture is a draft: listed, and marked.
  expect(postmortems[0]!.meta.status).toBe('draft');
  expect(feed.items[0]!.title).toBe(`[${postmortems[0]!.meta.severity}] ${postmortems[0]!.meta.title} (draft)`);
  expect(feed.items[1]!.title).toBe(`[${postmortems[1]!.meta.severity}] ${postmortems[1]!.meta.title}`);
  for (const [index, item] of feed.items.entries()) {
    expect(item.link).toMatch(new RegExp(`^https?://[^/]+/hindsight/incidents/${postmortems[index]!.slug}/$`));
    expect(Number.isNaN(Date.parse(item.pubDate!))).toBe(false);
  }
});

test('/api/incidents.json has the documented shape', async ({ request }) => {
  const response = await request.get('api/incidents.json');
  expect(response.ok()).toBe(true);
  const data = await response.json();
  expect(data.version).toBe(1);
  expect(data.as_of).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(data.count).toBe(postmortems.length);
  expect(data.intervals.map((interval: { key: string }) => interval.key)).toEqual(['detect', 'acknowledge', 'mitigate', 'resolve']);
  expect(data.incidents.map((incident: { slug: string }) => incident.slug)).toEqual(postmortems.map((pm) => pm.slug));
  for (const [index, incident] of data.incidents.entries()) {
    const pm = postmortems[index]!;
    expect(Object.keys(incident).sort()).toEqual(['action_items', 'durations_minutes', 'frontmatter', 'root_cause', 'slug', 'source', 'summary', 'tenant_share', 'timestamps', 'url'].sort());
    expect(incident.url).toMatch(new RegExp(`/hindsight/incidents/${pm.slug}/$`));
    expect(incident.frontmatter.title).toBe(pm.meta.title);
    expect(incident.durations_minutes).toEqual(incidentIntervals(pm.meta));
    expect(Object.keys(incident.timestamps)).toEqual(['started_at', 'detected_at', 'acknowledged_at', 'mitigated_at', 'resolved_at']);
    expect(incident.action_items).toHaveLength(pm.actionItems.length);
    for (const item of incident.action_items) expect(typeof item.overdue).toBe('boolean');
  }
  const exports = data.incidents.find((incident: { slug: string }) => incident.slug === '2026-03-14-report-export-timeouts');
  expect(exports.durations_minutes.resolve).toBe(113);
  expect(exports.timestamps.started_at).toBe('2026-03-14T09:12:00.000Z');
  expect(exports.tenant_share).toBeCloseTo(42 / 310);
});

test('the sitemap lists the incident pages', async ({ request }) => {
  const index = await request.get('sitemap-index.xml');
  expect(index.ok()).toBe(true);
  const sitemap = await request.get('sitemap-0.xml');
  const text = await sitemap.text();
  for (const pm of postmortems) expect(text).toContain(`/hindsight/incidents/${pm.slug}/`);
});

test('the search index and its vocabulary are published with the site (search.json is retired)', async ({ request }) => {
  expect((await request.get('pagefind/pagefind.js')).ok()).toBe(true);
  const entry = await (await request.get('pagefind/pagefind-entry.json')).json();
  expect(Object.keys(entry.languages)).toEqual(['en']);
  expect(entry.languages.en.page_count).toBe(postmortems.length);
  const vocabulary = await (await request.get('incidents/vocabulary.json')).json();
  expect(vocabulary.words).toContain('durability');
  expect((await request.get('incidents/search.json')).status()).toBe(404);
});
