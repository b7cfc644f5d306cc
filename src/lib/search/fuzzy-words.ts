/**
 * fuse.js's fuzzy search over a word list, for the corrector (correct.ts),
 * asked of the few words it could match instead of all of them. fuse's Bitap
 * accepts a word only where the pattern occurs in it with at most
 * `threshold × length` errors (edits), starting near the word's beginning, so the word's first letters
 * hold at least the rest of the pattern's letters; counting shared letters leaves most of the
 * vocabulary out before fuse reads it, and so does fuse's rule that a match
 * mark at least three letters in a row (`letterRun`). fuse scores each word on its own and
 * breaks ties by list order, which a sub-list keeps, so the answer is the
 * same (tests/unit/search-correct.test.ts compares the two on about 300
 * misspellings, short words among them). Over the 12,000-word vocabulary of 10,000 post-mortems, fuse
 * took 35-50 ms of CPU a misspelling, and 0.1-0.2 s to index the list first.
 * Browser-safe.
 */
import Fuse from 'fuse.js';

/** fuse's threshold, a first sieve only (the corrector's edit distance decides): 0 exact … 1 anything. */
const THRESHOLD = 0.4;
export const FUSE_OPTIONS = { threshold: THRESHOLD, distance: 10, minMatchCharLength: 3 } as const;
/** fuse's Bitap reads patterns up to this length at once; longer ones it splits, and they go to fuse over every word. */
const BITAP_LENGTH = 32;

/** The words fuse matches a pattern to, best first, at most `limit` (as `new Fuse(words, FUSE_OPTIONS).search`). */
export function fuzzyMatcher(words: readonly string[]): (pattern: string, limit: number) => string[] {
  // fuse compares lower case.
  const lowered = words.map((word) => word.toLowerCase());
  return (pattern, limit) => {
    const lower = pattern.toLowerCase();
    const holds = letterSieve(lower);
    const hasRun = letterRun(lower);
    const candidates = lower.length > BITAP_LENGTH ? [...words] : words.filter((_, at) => hasRun(lowered[at]!) && holds(lowered[at]!));
    return new Fuse(candidates, FUSE_OPTIONS).search(lower, { limit }).map((result) => result.item);
  };
}

/**
 * Whether a text has `minMatchCharLength` letters of `pattern` in a row: fuse marks the text's letters that
 * are in the pattern (Bitap's match mask) and rejects a text with no such run that long, whatever its score.
 * Over the 12,000-word vocabulary at 10,000 post-mortems it leaves out a quarter to two thirds of what the
 * count lets through for typed words of four to six letters ("emal": 2,682 to 766), little for longer ones.
 */
function letterRun(pattern: string): (text: string) => boolean {
  const run = FUSE_OPTIONS.minMatchCharLength;
  // fuse accepts a text equal to the pattern before any mask: a shorter pattern's own run is too short.
  if (pattern.length < run) return () => true;
  return (text) => {
    let length = 0;
    for (let at = 0; at < text.length; at++) {
      length = pattern.includes(text[at]!) ? length + 1 : 0;
      if (length >= run) return true;
    }
    return false;
  };
}

/**
 * Whether a text holds enough of `pattern`'s letters, where fuse could find them, for fuse to match it. fuse
 * accepts a match with e errors (edits) starting at s only if e / length + s / distance is within the threshold
 * (its score; the location is 0); such a match spans at most length + e letters of the text from s, and
 * at least length - e of them are the pattern's. So for some e the text's first (farthest s) + length + e
 * letters hold length - e of the pattern's: with 0.4 and a distance of 10, "fature" needs 6 of its letters
 * in the first 10, 5 in the first 9 (a start of 2 at most) or 4 in the first 8 (a start of 0).
 */
function letterSieve(pattern: string): (text: string) => boolean {
  const length = pattern.length;
  if (!length) return () => true;
  // Per number of errors the threshold allows: how far the text is read, and how many of the pattern's letters it must hold there.
  const reaches: number[] = [];
  const needs: number[] = [];
  for (let errors = 0; errors / length <= THRESHOLD; errors++) {
    let start = -1;
    while (errors / length + (start + 1) / FUSE_OPTIONS.distance <= THRESHOLD) start += 1;
    if (start < 0) break;
    reaches.push(start + length + errors);
    needs.push(length - errors);
  }
  const units: number[] = [];
  const counts: number[] = [];
  for (let at = 0; at < length; at++) {
    const known = units.indexOf(pattern.charCodeAt(at));
    if (known < 0) {
      units.push(pattern.charCodeAt(at));
      counts.push(1);
    } else counts[known]! += 1;
  }
  const left = new Int32Array(units.length);
  // The checks in the order the text's letters reach them.
  const order = reaches.map((_, at) => at).sort((a, b) => reaches[a]! - reaches[b]!);
  const farthest = reaches[order.at(-1)!]!;
  return (text) => {
    left.set(counts);
    // How many of the pattern's letters the text's first `at` letters hold.
    let shared = 0;
    const end = Math.min(text.length, farthest);
    let next = 0;
    for (let at = 0; ; at++) {
      // A text shorter than a reach holds there what it holds whole.
      for (; next < order.length && (reaches[order[next]!] === at || at === end); next++) if (shared >= needs[order[next]!]!) return true;
      if (at === end) break;
      const known = units.indexOf(text.charCodeAt(at));
      if (known >= 0 && left[known]! > 0) {
        left[known]! -= 1;
        shared += 1;
      }
    }
    return false;
  };
}
