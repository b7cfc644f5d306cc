import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { writeArchive } from '../../scripts/bench/generate.ts';
import { loadArchive } from '../../src/lib/postmortem/archive.ts';
import { SEARCH_KEYS, SEARCH_TEXT_LIMIT, type SearchData } from '../../src/lib/postmortem/search-options.ts';
import { buildSearchData, clipText, searchVersion, toSearchRecord } from '../../src/lib/postmortem/search.ts';
import { highlightRanges } from '../../src/lib/site/highlight.ts';
import { createIncidentSearch } from '../../src/lib/site/search-engine.ts';

const { postmortems } = loadArchive(path.resolve('tests/fixtures/site'));
const EXAMPLES = loadArchive(path.resolve('docs/spec/.llm/completed')).postmortems;

const engine = createIncidentSearch(JSON.parse(JSON.stringify(buildSearchData(postmortems))) as SearchData);

/** Searches the serialized data the way the browser does; `keys` are the fields the highlighter marks a word in. */
function searchLikeBrowser(query: string) {
  return (engine.search(query) ?? []).map((index) => ({
    slug: postmortems[index]!.slug,
    keys: engine.fields(index).filter((field) => field.values.some((value) => highlightRanges(value, query).length)).map((field) => field.key),
  }));
}

describe('search records', () => {
  it('keep the searchable fields of a post-mortem, clipped', () => {
    const pm = postmortems.find((candidate) => candidate.slug === '2026-03-14-report-export-timeouts')!;
    const record = toSearchRecord(pm);
    expect(record.title).toBe('Report exports time out for large tenants');
    expect(record.services).toEqual(['report-export', 'postgres']);
    expect(record.tags).toEqual(['timeouts', 'migration']);
    expect(record.rootCause).toContain('missing index');
    expect(record.actions).toContain('Add index on exports.tenant_id');
    expect(Object.keys(record).sort()).toEqual(SEARCH_KEYS.map((key) => key.name).sort());
  });

  it('clip long text at a word boundary with an ellipsis', () => {
    const long = 'word '.repeat(100);
    const clipped = clipText(long);
    expect(clipped.length).toBeLessThanOrEqual(SEARCH_TEXT_LIMIT + 1);
    expect(clipped.endsWith('word…')).toBe(true);
    expect(clipText('  short   text ')).toBe('short text');
  });
});

describe('search data', () => {
  it('is one index in archive order, with the text once', () => {
    const data = buildSearchData(postmortems);
    expect(data.count).toBe(postmortems.length);
    expect(data.version).toBe(searchVersion(postmortems));
    expect(data.records).toHaveLength(postmortems.length);
    expect(data.records[0]).toEqual(SEARCH_KEYS.map(({ name }) => toSearchRecord(postmortems[0]!)[name]));
    expect(JSON.stringify(data)).not.toContain('"slug"');
  });

  it('finds an incident from a misspelt word', () => {
    expect(searchLikeBrowser('certficate')[0]!.slug).toBe('2025-04-09-expired-tls-certificate');
    expect(searchLikeBrowser('evicton')[0]!.slug).toBe('2025-05-21-redis-session-eviction');
  });

  it('searches services, tags, root cause and action items', () => {
    expect(searchLikeBrowser('ingest-worker').map((hit) => hit.slug)).toEqual(
      expect.arrayContaining(['2026-01-14-ingest-worker-oom-upgrade', '2026-02-26-bank-feed-schema-drift']),
    );
    expect(searchLikeBrowser('dst')[0]!.slug).toBe('2025-10-26-dst-scheduled-report-duplicates');
    const hit = searchLikeBrowser('EXPLAIN ANALYZE').find((result) => result.slug === '2026-03-14-report-export-timeouts');
    expect(hit?.keys).toContain('actions');
  });

  it('needs every word of the query, ranks title matches first, and finds nothing for gibberish', () => {
    const both = searchLikeBrowser('redis eviction').map((hit) => hit.slug);
    expect(both[0]).toBe('2025-05-21-redis-session-eviction');
    for (const slug of both) expect(searchLikeBrowser('redis').map((hit) => hit.slug)).toContain(slug);
    expect(searchLikeBrowser('zqxwv')).toEqual([]);
    expect(engine.search('  -- ')).toBeNull();
  });

  it('changes version when the list of post-mortems changes', () => {
    expect(searchVersion(postmortems)).not.toBe(searchVersion(postmortems.slice(1)));
  });

  it('fits the budget: at most 60 KB gzip per 1,000 post-mortems (the benchmark archive)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hindsight-search-'));
    try {
      writeArchive(dir, 1000);
      const archive = loadArchive(dir).postmortems;
      expect(archive).toHaveLength(1000);
      expect(gzipSync(JSON.stringify(buildSearchData(archive))).length).toBeLessThanOrEqual(60 * 1024);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('builds for the shipped examples', () => {
    const data = buildSearchData(EXAMPLES);
    expect(data.count).toBe(EXAMPLES.length);
    expect(EXAMPLES.length).toBeGreaterThan(0);
  });
});
