/**
 * The search core's spelling corrector (src/lib/search/correct.ts): it
 * rewrites misspellings only. Correctly spelt English the archive does not
 * use, words of the archive, beginnings of them, ids and short words are
 * left as typed, on the examples archive, with the real English word list.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareSearch } from '../../src/lib/agent/agent-search.ts';
import { loadArchive } from '../../src/lib/postmortem/archive/archive.ts';
import { gzipSync } from 'node:zlib';
import { createCorrector, ENGLISH_SHARDS, englishShard } from '../../src/lib/search/correct.ts';
import { englishShards, englishWords, isEnglish } from '../../src/lib/search/english.ts';
import { textWords } from '../../src/lib/search/words.ts';
import Fuse from 'fuse.js';
import { FUSE_OPTIONS, fuzzyMatcher } from '../../src/lib/search/fuzzy-words.ts';
import { vocabularyCounter } from '../../src/lib/search/vocabulary.ts';

const EXAMPLES = loadArchive(path.resolve('docs/spec/.llm/completed')).postmortems;
const { corrector } = prepareSearch(EXAMPLES);
const archiveWords = new Set(EXAMPLES.flatMap((pm) => textWords(JSON.stringify(pm))));

describe('the spelling corrector', () => {
  it('corrects misspellings to the archive word they miss', () => {
    const cases = { certficate: 'certificate', evicton: 'eviction', postgers: 'postgres', databse: 'database', timout: 'timeout', rollbak: 'rollback', memmory: 'memory', conection: 'connection' };
    for (const [typed, meant] of Object.entries(cases)) expect(corrector.correct(typed).query, typed).toBe(meant);
    expect(corrector.correct('Certficate expired on the cdn')).toEqual({ query: 'certificate expired on the cdn', changes: [{ from: 'Certficate', to: 'certificate' }] });
  });

  it('leaves correctly spelt English alone, even a word one letter from an archive word', () => {
    // Words the archive does not use, each within a typo of one it does: a corrector without the English list rewrites them.
    const english = ['slowness', 'hanging', 'crashed', 'looping', 'flooded', 'lagging', 'corrupted', 'reloaded', 'refused', 'revoked', 'lease', 'swapped', 'duplicated', 'leaking', 'throttled', 'stalled'];
    const counter = vocabularyCounter();
    for (const pm of EXAMPLES) counter.addText(JSON.stringify(pm));
    const withoutEnglish = createCorrector(counter.result(), () => false);
    const rewrittenWithoutList = english.filter((word) => withoutEnglish.correct(word).query !== word);
    expect(rewrittenWithoutList.length).toBeGreaterThanOrEqual(12);
    for (const word of english) {
      expect(isEnglish(word), word).toBe(true);
      expect(corrector.correct(word), word).toEqual({ query: word, changes: [] });
    }
    expect(rewrittenWithoutList.every((word) => !archiveWords.has(word))).toBe(true);
  });

  it('leaves archive words, their beginnings, ids, numbers and short words alone', () => {
    for (const query of ['certificate', 'certif', 'OPS-1676', 'SEV-1', '2026', 'oom', 'dns ttl', 'pgbouncer']) {
      expect(corrector.correct(query), query).toEqual({ query, changes: [] });
    }
  });

  it('reads the English list as shipped: lower case and sorted, which its binary search needs', () => {
    const words = englishWords();
    expect(words.length).toBeGreaterThan(250_000);
    expect(words.every((word, at) => word === word.toLowerCase() && (at === 0 || words[at - 1]! < word))).toBe(true);
    expect(['a', 'zyzzyva', 'throttled'].every(isEnglish)).toBe(true);
    expect(['certficate', 'zzzz', ''].some(isEnglish)).toBe(false);
    // isEnglish reads the package's text, not the parsed list: the two agree on its words and on near misses.
    const sample = words.filter((_, at) => at % 9 === 0);
    expect(sample.every(isEnglish)).toBe(true);
    expect(sample.filter((word) => isEnglish(`${word}qx`) || isEnglish(`${word}\u0000`))).toEqual([]);
  });

  it('ships the English list in even shards the browser corrector finds by the word alone', () => {
    const shards = englishShards();
    expect(shards.size).toBe(ENGLISH_SHARDS);
    expect(shards.get(englishShard('throttled'))).toContain('throttled');
    const sizes = [...shards.values()].map((words) => gzipSync(JSON.stringify(words)).length);
    expect(Math.max(...sizes)).toBeLessThan(8 * 1024);
    expect([...shards.values()].every((words) => words.every((word) => word.length >= 4 && !/\d/.test(word)))).toBe(true);
  });

  it('asks fuse of the words sharing enough letters only, and gets its answer over every word', () => {
    // A vocabulary of English and archive words, in a fixed order (fuse breaks ties by it).
    const english = englishWords();
    const words = [...new Set([...english.filter((_, at) => at % 97 === 0), ...archiveWords])].filter((word) => word.length >= 4);
    const fuse = new Fuse(words, FUSE_OPTIONS);
    const fuzzy = fuzzyMatcher(words);
    const typos = (word: string, turn: number): string[] => {
      const at = 1 + (turn % Math.max(1, word.length - 2));
      return [word.slice(0, at) + word.slice(at + 1), word.slice(0, at) + (word[at + 1] ?? '') + word[at] + word.slice(at + 2), word.slice(0, at) + word[at] + word.slice(at), word.slice(0, at) + 'q' + word.slice(at + 1)];
    };
    // Every kind of typo of one word in 90, short words (fuse's three-letters-in-a-row rule decides most of them) and odd ones.
    const short = words.filter((word) => word.length <= 5).filter((_, at) => at % 40 === 0);
    // Typed words that start inside a long word, on either side of the farthest start fuse reads a match at.
    const tails = words.filter((word) => word.length >= 10).filter((_, at) => at % 60 === 0).flatMap((word) => [2, 3, 4, 5, 6].flatMap((from) => [word.slice(from), ...typos(word.slice(from), from)]));
    const patterns = [...words.filter((_, at) => at % 90 === 0).flatMap(typos), ...short.flatMap(typos), ...tails, 'Certficate', 'zzzzqqq', 'abcdefghijklmnopqrstuvwxyzabcdefghij', 'straße', 'ab', 'abc', 'aab'];
    expect(patterns.length).toBeGreaterThan(500);
    for (const pattern of patterns) expect(fuzzy(pattern, 10), pattern).toEqual(fuse.search(pattern, { limit: 10 }).map((result) => result.item));
  });
});
