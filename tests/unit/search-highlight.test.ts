import { describe, expect, it } from 'vitest';
import { editDistance, highlightRanges, indexWords, nearEdits, queryTerms, snippet } from '../../src/lib/search/highlight.ts';

const marks = (text: string, query: string) => highlightRanges(text, query).map(([start, end]) => text.slice(start, end));

describe('highlightRanges', () => {
  it('marks every occurrence of a query word, in any case', () => {
    expect(marks('The shared redis-main instance; Redis evicted keys', 'redis')).toEqual(['redis', 'Redis']);
  });

  it('marks whole words within a typo when the word does not occur', () => {
    expect(marks('Wildcard TLS certificate expired', 'certficate')).toEqual(['certificate']);
    expect(marks('Session keys lost under eviction', 'evicton')).toEqual(['eviction']);
  });

  it('never marks scattered letters of unrelated words', () => {
    expect(marks('Users were sent back to the login page', 'redis')).toEqual([]);
    expect(marks('Scheduled reports', 'dts')).toEqual([]);
  });

  it('marks compound tokens whole, and numbers only exactly', () => {
    expect(marks('Owner @platform-team, ticket OPS-1676', '@platform-team OPS-1676')).toEqual(['platform-team', 'OPS-1676']);
    expect(marks('A SEV-2 incident', 'SEV-1')).toEqual([]);
    expect(marks('Redis session eviction', 'redis-eviction')).toEqual(['Redis', 'eviction']);
    expect(marks('OPS-1676 and OPS-1677', 'OPS-1678')).toEqual([]);
  });

  it('handles several words and merges overlaps', () => {
    expect(marks('bank feed schema drift', 'schema drift')).toEqual(['schema', 'drift']);
    expect(highlightRanges('aaaa', 'aa aaa')).toEqual([[0, 4]]);
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and swaps', () => {
    expect(editDistance('certficate', 'certificate')).toBe(1);
    expect(editDistance('redsi', 'redis')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});

describe('snippet', () => {
  it('cuts a window around the first match and shifts the ranges', () => {
    const text = `${'word '.repeat(60)}target ${'tail '.repeat(40)}`;
    const part = snippet(text, highlightRanges(text, 'target'), 80);
    expect(part.text.startsWith('…')).toBe(true);
    expect(part.text.endsWith('…')).toBe(true);
    expect(part.ranges.map(([start, end]) => part.text.slice(start, end))).toEqual(['target']);
  });

  it('leaves short text alone', () => {
    expect(snippet('short', [[0, 5]])).toEqual({ text: 'short', ranges: [[0, 5]] });
  });
});

describe('near words', () => {
  it('do not include words that merely begin like a shortened query', () => {
    expect(marks('until a reissued certificate was live', 'redis')).toEqual([]);
    expect(marks('expired certificates', 'certficate')).toEqual(['certificates']);
  });
});

describe('nearEdits', () => {
  it('agrees with editDistance on whole words and beginnings, within the typo budget', () => {
    expect(nearEdits('certficate', 'certificate')).toBe(1);
    expect(nearEdits('certficate', 'certificates')).toBe(1);
    expect(nearEdits('redsi', 'redis')).toBe(1);
    expect(nearEdits('evicton', 'eviction')).toBe(1);
    expect(nearEdits('redis', 'reissued')).toBe(-1);
    expect(nearEdits('dts', 'dst')).toBe(-1);
    expect(nearEdits('kitten', 'sitting')).toBe(-1);
  });
});

describe('queryTerms', () => {
  it('splits on anything but letters and digits, lower-cased, without duplicates or lone letters', () => {
    // A hyphenated name is one term (search falls back to its words when no text holds it whole).
    expect(queryTerms('Ingest-Worker  ingest a')).toEqual(['ingest-worker', 'ingest']);
    expect(queryTerms('redis, eviction!')).toEqual(['redis', 'eviction']);
    expect(queryTerms('a')).toEqual(['a']);
    expect(queryTerms(' -- ')).toEqual([]);
  });
});

describe('tokens', () => {
  it('keeps ticket ids, owner handles and severities whole in queries and in the index, beside their parts', () => {
    expect(queryTerms('@platform-team OPS-1676 sev-1 leak')).toEqual(['platform-team', 'ops-1676', 'sev-1', 'leak']);
    expect(indexWords('Owner @platform-team, OPS-1676.')).toEqual(['owner', 'platform', 'team', 'ops', '1676', 'platform-team', 'ops-1676']);
  });
});
