import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { writeArchive } from '../../scripts/bench/generate.ts';
import { loadArchive } from '../../src/lib/postmortem/archive.ts';
import { SEARCH_KEYS, SEARCH_TEXT_LIMIT, type SearchData } from '../../src/lib/site/search/records.ts';
import { buildSearchData, buildTicketData, clipText, searchVersion, toSearchRecord } from '../../src/lib/postmortem/search.ts';
import { highlightRanges } from '../../src/lib/site/search/highlight.ts';
import { createIncidentSearch, withTickets } from '../../src/lib/site/search/engine.ts';

const { postmortems } = loadArchive(path.resolve('tests/fixtures/site'));
const EXAMPLES = loadArchive(path.resolve('docs/spec/.llm/completed')).postmortems;

/** The engine as the browser builds it from the two files it fetches (tickets: once a query has a digit). */
function engineFor(archive: typeof postmortems) {
  const roundTrip = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
  return createIncidentSearch(withTickets(roundTrip(buildSearchData(archive)) as SearchData, roundTrip(buildTicketData(archive))));
}
const engine = engineFor(postmortems);

/** Searches the serialized data the way the browser does; `keys` are the fields the highlighter marks a word in. */
function searchLikeBrowser(query: string) {
  return (engine.search(query)?.hits ?? []).map((index) => ({
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
    expect(record.severity).toBe(pm.meta.severity);
    expect(record.owners).toEqual([...new Set(pm.actionItems.map((item) => item.owner))]);
    expect(record.tickets).toEqual(pm.actionItems.flatMap((item) => (item.ticket ? [item.ticket.text] : [])).filter((t, i, all) => all.indexOf(t) === i));
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
    // Tickets ship in a file of their own, record by record.
    expect(data.records[0]).toEqual(SEARCH_KEYS.filter(({ name }) => name !== 'tickets').map(({ name }) => toSearchRecord(postmortems[0]!)[name]));
    const tickets = buildTicketData(postmortems);
    expect(tickets.version).toBe(data.version);
    expect(tickets.tickets[0]).toEqual(toSearchRecord(postmortems[0]!).tickets);
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

  it('ranks post-mortems with every word first, then those with some, and finds nothing for gibberish', () => {
    const both = searchLikeBrowser('redis eviction').map((hit) => hit.slug);
    expect(both[0]).toBe('2025-05-21-redis-session-eviction');
    const result = engine.search('redis eviction')!;
    expect(result.complete).toBeGreaterThan(0);
    // Every complete hit holds both words; every later one holds only one of them.
    const holds = (index: number, word: string) => engine.fields(index).some((field) => field.values.some((value) => highlightRanges(value, word).length));
    result.hits.forEach((index, rank) => {
      const words = ['redis', 'eviction'].filter((word) => holds(index, word)).length;
      expect(words, postmortems[index]!.slug).toBe(rank < result.complete ? 2 : 1);
    });
    expect(searchLikeBrowser('zqxwv')).toEqual([]);
    expect(engine.search('  -- ')).toBeNull();
  });

  it('finds something when one word of the query is in no post-mortem, ranked by the words it has', () => {
    const result = engine.search('redis zqxwv')!;
    expect(result.complete).toBe(0);
    expect(result.hits.map((index) => postmortems[index]!.slug)).toEqual(searchLikeBrowser('redis').map((hit) => hit.slug));
  });

  it('finds the shipped "CDN served cached dashboard pages" post-mortem for "dashboard leak" (the issue\'s example)', () => {
    const examples = engineFor(EXAMPLES);
    const result = examples.search('dashboard leak')!;
    expect(result.hits.length).toBeGreaterThan(0);
    expect(result.hits.slice(0, 3).map((index) => EXAMPLES[index]!.slug)).toContain('2025-12-10-cdn-cached-dashboard-leak');
  });

  it('finds ticket ids, owner handles and severities as written', () => {
    const slugs = (query: string) => {
      const result = engine.search(query)!;
      return result.hits.slice(0, result.complete).map((index) => postmortems[index]!.slug);
    };
    const ticketed = postmortems.filter((pm) => pm.actionItems.some((item) => item.ticket?.text === 'OPS-1112')).map((pm) => pm.slug);
    expect(ticketed).toHaveLength(1);
    expect(slugs('OPS-1112')).toEqual(ticketed);
    // Numbers are exact: a neighbouring ticket is not a typo of this one.
    expect(slugs('ops-1112')).toEqual(ticketed);

    const owned = postmortems.filter((pm) => pm.actionItems.some((item) => item.owner === '@platform-team')).map((pm) => pm.slug);
    expect(owned.length).toBeGreaterThan(1);
    expect(slugs('@platform-team').sort()).toEqual(owned.sort());

    const sev1 = postmortems.filter((pm) => pm.meta.severity === 'SEV-1').map((pm) => pm.slug);
    expect(sev1.length).toBeGreaterThan(0);
    const found = slugs('SEV-1');
    expect(found).toEqual(expect.arrayContaining(sev1));
    // Others only where their text names SEV-1 itself; never a SEV-2 post-mortem for being "one edit away".
    for (const slug of found.filter((candidate) => !sev1.includes(candidate))) {
      const index = postmortems.findIndex((pm) => pm.slug === slug);
      expect(JSON.stringify(engine.fields(index)).toLowerCase()).toContain('sev-1');
    }
    expect(searchLikeBrowser('SEV-1')[0]!.keys).toContain('severity');
    // An id nobody wrote finds nothing, rather than everything with "ops" in it.
    expect(engine.search('OPS-99999')!.hits).toEqual([]);
  });

  it('searches a compound nobody wrote as its words', () => {
    expect(searchLikeBrowser('redis-eviction')[0]!.slug).toBe('2025-05-21-redis-session-eviction');
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
