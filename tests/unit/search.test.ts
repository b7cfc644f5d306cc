import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareSearch } from '../../src/lib/agent/agent-search.ts';
import { loadArchive } from '../../src/lib/postmortem/archive/archive.ts';
import { searchableSections } from '../../src/lib/search/searchable.ts';
import { createIncidentSearch } from '../../src/lib/search/engine.ts';
import { highlightRanges } from '../../src/lib/search/highlight.ts';
import { buildSearchData, clipText, SEARCH_KEYS, SUMMARY_LIMIT, toSearchRecord } from '../../src/lib/search/records.ts';

const { postmortems } = loadArchive(path.resolve('tests/fixtures/site'));
const EXAMPLES = loadArchive(path.resolve('docs/spec/.llm/completed')).postmortems;

/** The agents' engine over an archive. */
function engineFor(archive: typeof postmortems) {
  return createIncidentSearch(buildSearchData(archive));
}
const engine = engineFor(postmortems);

const { corrector } = prepareSearch(postmortems);

/** Searches the way agents do (spelling corrected first); `keys` are the fields the highlighter marks a word in. */
function searchLikeBrowser(typed: string) {
  const query = corrector.correct(typed).query;
  return (engine.search(query)?.hits ?? []).map((index) => ({
    slug: postmortems[index]!.slug,
    keys: engine.fields(index).filter((field) => field.values.some((value) => highlightRanges(value, query).length)).map((field) => field.key),
  }));
}

describe('search records', () => {
  it('keep the facts and every section of a post-mortem, as plain text', () => {
    const pm = postmortems.find((candidate) => candidate.slug === '2026-03-14-report-export-timeouts')!;
    const record = toSearchRecord(pm);
    expect(record.title).toEqual(['Report exports time out for large tenants']);
    expect(record.services).toEqual(['report-export', 'postgres']);
    expect(record.tags).toEqual(['timeouts', 'migration']);
    expect(record['root-cause'].join(' ')).toContain('missing index');
    expect(record['action-items'].join(' ')).toContain('Add index on exports.tenant_id');
    expect(record.timeline.length).toBe(pm.timeline.length);
    expect(record['lessons-learned'].join(' ')).not.toBe('');
    expect(record.severity).toEqual([pm.meta.severity]);
    expect(record.owners).toEqual([...new Set(pm.actionItems.map((item) => item.owner))]);
    const tickets = [...pm.actionItems.flatMap((item) => (item.ticket ? [item.ticket.text] : [])), ...pm.meta.links.map((link) => link.title)];
    expect(record.tickets).toEqual(tickets.filter((t, i, all) => all.indexOf(t) === i));
    expect(Object.keys(record).sort()).toEqual(SEARCH_KEYS.map((key) => key.name).sort());
  });

  it('clip long text at a word boundary with an ellipsis', () => {
    const long = 'word '.repeat(100);
    const clipped = clipText(long);
    expect(clipped.length).toBeLessThanOrEqual(SUMMARY_LIMIT + 1);
    expect(clipped.endsWith('word…')).toBe(true);
    expect(clipText('  short   text ')).toBe('short text');
  });
});

describe('search data', () => {
  it('searches every section: a phrase only in one Lessons Learned, a word only in one Timeline row', () => {
    const lessons = engine.search('durability class')!;
    expect(lessons.complete).toBe(1);
    expect(postmortems[lessons.hits[0]!]!.slug).toBe('2025-05-21-redis-session-eviction');
    expect(searchLikeBrowser('durability class')[0]!.keys).toContain('lessons-learned');
    const redis = postmortems.find((pm) => pm.slug === '2025-05-21-redis-session-eviction')!;
    const row = redis.timeline.find((event) => event.event.includes('UNLINK'))!;
    expect(row).toBeDefined();
    expect(searchLikeBrowser('UNLINK')[0]).toEqual({ slug: redis.slug, keys: ['timeline'] });
  });

  it('reads sections as a reader sees them: no Markdown, table rows from the parsed rows', () => {
    const redis = postmortems.find((pm) => pm.slug === '2025-05-21-redis-session-eviction')!;
    const sections = searchableSections(redis);
    expect(sections.map((section) => section.key)).toContain('lessons-learned');
    const text = JSON.stringify(sections);
    expect(text).not.toMatch(/\*\*|\|\s*-{3}|`/);
    expect(sections.find((section) => section.key === 'timeline')!.passages).toHaveLength(redis.timeline.length);
  });

  it('finds a ticket id that only the frontmatter links name, whole', () => {
    const cert = EXAMPLES.find((pm) => pm.slug === '2025-04-09-expired-tls-certificate')!;
    const id = cert.meta.links.find((link) => /^[A-Z]+-\d+$/.test(link.title))!.title;
    expect(cert.actionItems.some((item) => item.ticket?.text === id)).toBe(false);
    const examples = engineFor(EXAMPLES);
    expect(EXAMPLES[examples.search(id)!.hits[0]!]!.slug).toBe(cert.slug);
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
    expect(hit?.keys).toContain('action-items');
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

  it('builds for the shipped examples', () => {
    const data = buildSearchData(EXAMPLES);
    expect(data.count).toBe(EXAMPLES.length);
    expect(EXAMPLES.length).toBeGreaterThan(0);
  });
});
