import { describe, expect, it } from 'vitest';
import { allowedEdits, editDistance, highlighter, highlightRanges, indexWords, isCompound, mergeRanges, nearEdits, queryTerms, snippet, termParts, WORD, type Range } from '../../src/lib/search/highlight.ts';

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

describe('highlighter', () => {
  // What it marks, read the plain way: every occurrence of a term, else every word of the text near it.
  const reference = (text: string, query: string): Range[] => {
    const lower = text.toLowerCase();
    const words = [...lower.matchAll(WORD)];
    const ranges: Range[] = [];
    const mark = (term: string): boolean => {
      const before = ranges.length;
      for (let at = lower.indexOf(term); at !== -1; at = lower.indexOf(term, at + term.length)) ranges.push([at, at + term.length]);
      if (ranges.length === before && allowedEdits(term.length)) for (const word of words) if (nearEdits(term, word[0]) >= 0) ranges.push([word.index, word.index + word[0].length]);
      return ranges.length > before;
    };
    for (const term of queryTerms(query).filter((term) => term.length >= 2)) if (!mark(term) && isCompound(term)) for (const part of termParts(term)) mark(part);
    return mergeRanges(ranges);
  };

  it('reads only the words long enough to be near a term, and marks what reading every word marks', () => {
    // Words one letter either side of the shortest a term forgives, letters outside the BMP (two UTF-16 units each), compounds.
    const texts = [
      'certificat certifica certificates cert certficat expired; the TLS certifcate was not renewed',
      'redis reds redi rdis redsi rediss, a reissued key, REDIS-main and redis_session',
      '𝐚𝐛𝐜 𝐚𝐛𝐜𝐝𝐞 ab abc abcdefgh abcdefg abcdef abcdeg',
      'Owner @platform-team, ticket OPS-1676, pay-flow payflow paymnt payments',
      'évictions éviction evicton evictions; straße strasse',
    ];
    const queries = ['certficate', 'redis', 'rediss', 'evicton', '𝐚𝐛𝐜𝐝', 'abcdefgh', 'abcdefghij', 'payment flow', 'platform-teams OPS-1676', 'pay-flw', 'straße', 'strase', 'évicton certficate redsi', 'ab', 'x'];
    let marked = 0;
    for (const query of queries) {
      const mark = highlighter(query);
      for (const text of texts) {
        const expected = reference(text, query);
        marked += expected.length;
        expect(mark(text), `${query} in ${text}`).toEqual(expected);
      }
    }
    expect(marked).toBeGreaterThan(30);
    // A word shorter in code points than the least length in units a term forgives, yet near it.
    expect(marks('𝐚𝐛𝐜 here', '𝐚𝐛𝐜𝐝')).toEqual(['𝐚𝐛𝐜']);
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
