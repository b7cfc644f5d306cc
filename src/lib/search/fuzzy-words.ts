/**
 * fuse.js's fuzzy search over a word list, for the corrector (correct.ts),
 * asked of the few words it could match instead of all of them. fuse's Bitap
 * accepts a word only where the pattern occurs in it with at most
 * `threshold × length` errors (edits), so the word holds at least the rest of
 * the pattern's letters; counting shared letters leaves most of the
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
/**
 * The farthest a match may start and still score within the threshold (fuse's score adds start / distance
 * to errors / length, the location being 0): fuse's Bitap reads a text no further than this plus the
 * pattern's length, so letters past that cannot be part of a match.
 */
const FARTHEST_START = farthestStart();

function farthestStart(): number {
  let start = 0;
  while ((start + 1) / FUSE_OPTIONS.distance <= THRESHOLD) start += 1;
  return start;
}

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
 * Whether a text holds enough of `pattern`'s letters, within the part of it fuse reads, for fuse to match it
 * with the errors its threshold allows.
 */
function letterSieve(pattern: string): (text: string) => boolean {
  // fuse's score for a match with e errors is at least e / length, and must not exceed the threshold.
  let errors = 0;
  while ((errors + 1) / pattern.length <= THRESHOLD) errors += 1;
  const needed = pattern.length - errors;
  const units: number[] = [];
  const counts: number[] = [];
  for (let at = 0; at < pattern.length; at++) {
    const known = units.indexOf(pattern.charCodeAt(at));
    if (known < 0) {
      units.push(pattern.charCodeAt(at));
      counts.push(1);
    } else counts[known]! += 1;
  }
  const left = new Int32Array(units.length);
  const reach = FARTHEST_START + pattern.length;
  return (text) => {
    left.set(counts);
    let shared = 0;
    const end = Math.min(text.length, reach);
    for (let at = 0; at < end && shared < needed; at++) {
      const known = units.indexOf(text.charCodeAt(at));
      if (known >= 0 && left[known]! > 0) {
        left[known]! -= 1;
        shared += 1;
      }
    }
    return shared >= needed;
  };
}
