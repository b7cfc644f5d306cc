/**
 * Typo correction before Pagefind, which matches words and their beginnings
 * but forgives no typo: each typed word nobody wrote (not a word of the
 * archive, nor the beginning of one) becomes the nearest word somebody did,
 * found by fuse.js over the archive's vocabulary (`incidents/vocabulary.json`,
 * fetched on first use). "certficate" then finds what "certificate" finds.
 */
import Fuse from 'fuse.js';
import { correctable, type Vocabulary } from './vocabulary.ts';

export interface Corrector {
  /** The query with each unknown word replaced by its nearest known word (unchanged when none is near). */
  correct(query: string): string;
}

/** Fuse's threshold: 0 exact … 1 anything; 0.3 forgives about one typo in five letters. */
const THRESHOLD = 0.3;

export function createCorrector(vocabulary: Vocabulary): Corrector {
  const known = new Set(vocabulary.words);
  const fuse = new Fuse(vocabulary.words, { threshold: THRESHOLD, distance: 10, minMatchCharLength: 3 });
  const sorted = [...vocabulary.words].sort();
  const cache = new Map<string, string>();
  const isBeginning = (word: string) => {
    // Binary search for the first vocabulary word not before `word`: a prefix sorts right there.
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (sorted[middle]! < word) low = middle + 1;
      else high = middle;
    }
    return sorted[low]?.startsWith(word) ?? false;
  };
  const correctWord = (word: string): string => {
    const lower = word.toLowerCase();
    if (!correctable(lower) || known.has(lower) || isBeginning(lower)) return word;
    let best = cache.get(lower);
    if (best === undefined) {
      best = fuse.search(lower, { limit: 1 })[0]?.item ?? word;
      cache.set(lower, best);
    }
    return best;
  };
  return {
    correct: (query) => query.replace(/[\p{L}\p{N}]+/gu, correctWord),
  };
}
