import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeArchive } from '../../scripts/bench/generate.ts';
import { loadArchive } from '../../src/lib/postmortem/archive/archive.ts';
import { getRssString } from '@astrojs/rss';
import sax from 'sax';
import { FEED_LENGTH, feedItems } from '../../src/lib/site/feed.ts';

describe('feedItems', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hindsight-feed-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeArchive(dir, FEED_LENGTH + 10);
  const { postmortems } = loadArchive(dir);

  it('carries the newest post-mortems only, newest first', () => {
    const items = feedItems(postmortems);
    expect(postmortems).toHaveLength(FEED_LENGTH + 10);
    expect(items).toHaveLength(FEED_LENGTH);
    expect(items.map((item) => item.link)).toEqual(postmortems.slice(0, FEED_LENGTH).map((pm) => `/incidents/${pm.slug}/`));
    const dates = items.map((item) => item.pubDate!.getTime());
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
    for (const [index, item] of items.entries()) expect(item.title!.endsWith(' (draft)')).toBe(postmortems[index]!.meta.status === 'draft');
    expect(dates.at(-1)).toBeGreaterThanOrEqual(Math.max(...postmortems.slice(FEED_LENGTH).map((pm) => Date.parse(pm.meta.date))));
  });
});

describe('the feed is well-formed XML whatever the text', () => {
  it('control characters and lone surrogates in a title or summary are dropped, and the feed parses', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hindsight-feed-xml-'));
    try {
      writeArchive(dir, 1);
      const [pm] = loadArchive(dir).postmortems;
      const hostile = { ...pm!, meta: { ...pm!.meta, title: 'Bell\u0007 and escape\u001b[31m', authors: ['dana\u0000'] }, summary: 'Form feed\f, lone \uD800 surrogate, vertical tab\v.' };
      const items = feedItems([hostile]);
      expect(items[0]!.title).toBe('[' + pm!.meta.severity + '] Bell and escape[31m' + (items[0]!.title!.endsWith(' (draft)') ? ' (draft)' : ''));
      const xml = await getRssString({ title: 't', description: 'd', site: 'https://example.com', items });
      expect(() => sax.parser(true).write(xml).close()).not.toThrow();
      // Characters XML 1.0 cannot carry, which a parser may not check for.
      expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff]/);
      expect(xml).toContain('Form feed, lone  surrogate, vertical tab.');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
