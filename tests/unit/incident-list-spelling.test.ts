/**
 * The incident list's spelling corrector (src/scripts/incident-list/spelling.ts)
 * against the core's over the whole vocabulary: the same corrections and the
 * same "the archive holds these words" for every query, fetching the whole
 * vocabulary only for a query with a word to correct. The files are the
 * build's (the vocabulary of the examples archive, its shards, the English
 * shards), served by a stubbed fetch that counts what is asked.
 */
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadArchive } from '../../src/lib/postmortem/archive/archive.ts';
import { createCorrector } from '../../src/lib/search/correct.ts';
import { englishShards, isEnglish } from '../../src/lib/search/english.ts';
import { correctable, vocabularyCounter } from '../../src/lib/search/vocabulary.ts';
import { textWords } from '../../src/lib/search/words.ts';
import { knownShard, knownShards } from '../../src/lib/site/search/known-words.ts';
import { browserCorrector } from '../../src/scripts/incident-list/spelling.ts';

const EXAMPLES = loadArchive(path.resolve('docs/spec/.llm/completed')).postmortems;
const counter = vocabularyCounter();
for (const pm of EXAMPLES) counter.addText(JSON.stringify(pm));
const vocabulary = counter.result();
const whole = createCorrector(vocabulary, isEnglish);

const files = new Map<string, unknown>([['/v.json', vocabulary]]);
for (const [key, words] of knownShards(vocabulary)) files.set(`/known/${key}.json`, words);
for (const [key, words] of englishShards()) files.set(`/english/${key}.json`, words);
let asked: string[] = [];
vi.stubGlobal('fetch', async (url: string) => {
  asked.push(url);
  const body = files.get(url);
  return { ok: body !== undefined, status: body === undefined ? 404 : 200, json: async () => body };
});
afterAll(() => vi.unstubAllGlobals());
beforeEach(() => (asked = []));
const corrector = () => browserCorrector({ vocabularyUrl: '/v.json', knownUrl: '/known/', englishUrl: '/english/' });

/** Archive words, their beginnings, English words the archive lacks, misspellings, ids and short words, alone and together. */
function queries(): string[] {
  const words = vocabulary.words.filter((_, at) => at % 7 === 0).slice(0, 120);
  const beginnings = words.map((word) => word.slice(0, Math.max(4, word.length - 2)));
  const misspelt = words.map((word) => `${word.slice(0, 2)}${word.slice(3)}`).concat(['certficate', 'databse', 'timout', 'zqxwvy']);
  const english = ['throttled', 'slowness', 'freshet', 'crashed', 'lagging'];
  const other = ['OPS-1676', '2026', 'oom', 'dns'];
  const singles = [...words, ...beginnings, ...misspelt, ...english, ...other];
  const pairs = singles.slice(0, 200).map((word, at) => `${word} ${singles[(at * 37) % singles.length]}`);
  return [...singles, ...pairs, 'Certficate expired on the CDN'];
}

describe('the list page corrects as the core does', () => {
  it('gives the same corrections and the same holds as the whole vocabulary, for every query', async () => {
    const list = queries();
    expect(list.filter((query) => whole.correct(query).changes.length).length).toBeGreaterThan(50);
    // One corrector for the whole run, as a page keeps it, and a fresh one per query: each order of loading answers alike.
    const kept = corrector();
    for (const query of list) {
      for (const browser of [kept, corrector()]) {
        expect(await browser.correct(query), query).toEqual(whole.correct(query));
        const searched = textWords(whole.correct(query).query);
        const expected = searched.every((word) => /^\p{L}+$/u.test(word) && correctable(word) && whole.unknownWords(word).length === 0);
        expect(browser.holds(searched), query).toBe(expected);
      }
    }
  });

  it('fetches the whole vocabulary only for a word to correct', async () => {
    const known = vocabulary.words.filter((word) => !isEnglish(word)).slice(0, 3);
    const browser = corrector();
    for (const query of [known.join(' '), `${known[0]!.slice(0, 4)}`, 'throttled slowness', 'oom OPS-1676']) {
      expect(await browser.correct(query), query).toEqual({ query, changes: [] });
    }
    expect(asked.filter((url) => url === '/v.json')).toEqual([]);
    // The archive's words needed no English shard; the English words their own.
    expect(asked.filter((url) => url.startsWith('/english/')).length).toBeLessThanOrEqual(2);
    expect(browser.holds(known)).toBe(true);
    expect((await browser.correct('certficate')).query).toBe('certificate');
    expect(asked.filter((url) => url === '/v.json')).toEqual(['/v.json']);
  });

  it('shards the vocabulary so a word and every word it begins share one', () => {
    const shards = knownShards(vocabulary);
    expect(shards.size).toBe(256);
    expect([...shards.values()].flat().sort()).toEqual([...vocabulary.words].sort());
    for (const word of vocabulary.words) expect(shards.get(knownShard(word.slice(0, 4)))).toContain(word);
  });

  it('falls back to the whole vocabulary when a shard cannot be fetched', async () => {
    const browser = browserCorrector({ vocabularyUrl: '/v.json', knownUrl: '/missing/', englishUrl: '/english/' });
    expect(await browser.correct('certficate databse')).toEqual(whole.correct('certficate databse'));
    expect(asked).toContain('/v.json');
  });
});
