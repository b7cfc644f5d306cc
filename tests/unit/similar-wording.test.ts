/**
 * The wording join (PPJoin) held to its definition: every pair of sets
 * compared with jaccard(). The sets are built to sit on and around the bars,
 * including pairs exactly at them, of many sizes, so a prefix, length or
 * positional bound that is one word too tight loses a pair here.
 */
import { describe, expect, it } from 'vitest';
import { similarSets } from '../../src/lib/postmortem/learning/similar-wording.ts';
import { jaccard } from '../../src/lib/postmortem/related.ts';

/** A small deterministic generator (mulberry32), so a failure reproduces. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Word sets of 0–60 words: some drawn at random (common words likelier), and copies of earlier ones with some words swapped. */
function wordSets(count: number, seed: number): Int32Array[] {
  const random = generator(seed);
  const sets: Int32Array[] = [];
  for (let at = 0; at < count; at++) {
    const words = new Set<number>();
    if (at > 0 && random() < 0.6) {
      const base = [...sets[Math.floor(random() * at)]!];
      const swapped = Math.floor(random() * (base.length * 0.7 + 1));
      base.slice(swapped).forEach((word) => words.add(word));
      while (words.size < base.length + Math.floor(random() * 3) - 1) words.add(1000 + Math.floor(random() * 5000));
    } else {
      const size = Math.floor(random() * 61);
      while (words.size < size) words.add(Math.floor(random() ** 3 * 400));
    }
    sets.push(Int32Array.from(words).sort());
  }
  return sets;
}

/** For each set, the earlier ones at or above the bar, comparing every pair. */
function everyPair(sets: readonly Int32Array[], threshold: number): number[][] {
  return sets.map((set, at) => [...sets.keys()].filter((other) => other < at && jaccard(set, sets[other]!) >= threshold));
}

describe('similarSets', () => {
  for (const threshold of [0.3, 0.12, 0.5, 0.8, 1]) {
    it(`finds exactly the pairs at or above ${threshold} that comparing every pair finds`, () => {
      const sets = wordSets(700, Math.round(threshold * 100));
      const expected = everyPair(sets, threshold);
      const pairs = expected.reduce((sum, earlier) => sum + earlier.length, 0);
      expect(pairs).toBeGreaterThan(20); // the sample has pairs to find
      expect(similarSets(sets, threshold).map((earlier) => [...earlier])).toEqual(expected);
    });
  }

  it('takes a pair exactly on the bar and leaves one just below it', () => {
    const words = (from: number, to: number) => Int32Array.from({ length: to - from }, (_, at) => from + at);
    // 6 shared of 20 distinct: 0.3 exactly; 6 shared of 21: below.
    const result = similarSets([words(0, 13), words(7, 20), words(100, 113), words(107, 121)], 0.3);
    expect(result.map((earlier) => [...earlier])).toEqual([[], [0], [], []]);
  });

  it('never pairs empty sets, and refuses a bar outside (0, 1]', () => {
    expect(similarSets([new Int32Array(), new Int32Array()], 0.3).map((earlier) => earlier.length)).toEqual([0, 0]);
    expect(() => similarSets([], 0)).toThrow(RangeError);
    expect(() => similarSets([], 1.5)).toThrow(RangeError);
  });
});
