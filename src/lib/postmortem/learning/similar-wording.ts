/**
 * Which word sets read alike: every pair with a Jaccard similarity at or above
 * a bar, found without comparing every pair. The method is PPJoin (Xiao, Wang,
 * Lin, Yu: "Efficient similarity joins for near duplicate detection", WWW 2008):
 * sets are visited shortest first with their words ranked rarest first; a set
 * looks only at earlier sets sharing a word of its prefix (prefix filter), long
 * enough to reach the bar (length filter), and drops a candidate as soon as the
 * words left after the shared one cannot reach the overlap the bar needs
 * (positional filter). Every candidate left is verified with {@link jaccard}
 * itself, so the result is exactly what comparing every pair gives.
 */
import { jaccard } from '../related.ts';

/**
 * Slack for the bounds, which are computed in floating point: each filter keeps
 * a candidate when in doubt. The verification decides, with the same division
 * as the every-pair definition.
 */
const SLACK = 1e-9;

/** Ranks words rarest first (ties: word id) and rewrites each set as its ranks, ascending. */
function rankedRarestFirst(sets: readonly Int32Array[]): { records: Int32Array[]; words: number } {
  const frequency = new Map<number, number>();
  for (const set of sets) for (const word of set) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  const order = [...frequency.keys()].sort((a, b) => frequency.get(a)! - frequency.get(b)! || a - b);
  const rank = new Map(order.map((word, at) => [word, at]));
  return { records: sets.map((set) => Int32Array.from(set, (word) => rank.get(word)!).sort()), words: order.length };
}

/** Postings of the words ranked so far: which sets hold the word in their indexed prefix, and where. */
interface Postings {
  sets: number[][];
  positions: number[][];
  /** Per word, how many of its first postings are too short for every set still to come (sets arrive shortest first). */
  skipped: Int32Array;
}

/**
 * For each set (by its index in `sets`), the indexes of the earlier sets (lower
 * index) whose Jaccard similarity with it is at least `threshold`, ascending.
 * Sets are sorted word ids, as {@link jaccard} reads them.
 */
export function similarSets(sets: readonly Int32Array[], threshold: number): Int32Array[] {
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError(`The similarity bar must be in (0, 1], not ${threshold}`);
  const { records, words } = rankedRarestFirst(sets);
  const postings: Postings = { sets: Array.from({ length: words }, () => []), positions: Array.from({ length: words }, () => []), skipped: new Int32Array(words) };
  const similar: number[][] = sets.map(() => []);
  // Per candidate: the probe that last met it, and the words shared so far (−1: dropped by the positional filter).
  const metBy = new Int32Array(sets.length).fill(-1);
  const overlap = new Int32Array(sets.length);
  const shortestFirst = Int32Array.from(sets.keys()).sort((a, b) => records[a]!.length - records[b]!.length || a - b);
  for (const probe of shortestFirst) {
    const record = records[probe]!;
    if (!record.length) continue;
    const candidates = candidatesOf(probe, records, postings, threshold, metBy, overlap);
    for (const other of candidates) {
      if (overlap[other]! > 0 && jaccard(sets[probe]!, sets[other]!) >= threshold) similar[Math.max(probe, other)]!.push(Math.min(probe, other));
    }
    // A later (not shorter) set shares a word with this one's first words when they reach the bar.
    const indexed = record.length - Math.ceil(((2 * threshold) / (1 + threshold)) * record.length - SLACK) + 1;
    for (let at = 0; at < indexed; at++) {
      postings.sets[record[at]!]!.push(probe);
      postings.positions[record[at]!]!.push(at);
    }
  }
  return similar.map((earlier) => Int32Array.from(earlier).sort());
}

/** The sets met through the prefix of `probe`'s words, with their shared-word counts in `overlap` (−1 when dropped). */
function candidatesOf(probe: number, records: readonly Int32Array[], postings: Postings, threshold: number, metBy: Int32Array, overlap: Int32Array): number[] {
  const record = records[probe]!;
  const size = record.length;
  const shortest = threshold * size - SLACK;
  const prefix = size - Math.ceil(threshold * size - SLACK) + 1;
  const candidates: number[] = [];
  for (let at = 0; at < prefix; at++) {
    const word = record[at]!;
    const sets = postings.sets[word]!;
    const positions = postings.positions[word]!;
    let first = postings.skipped[word]!;
    while (first < sets.length && records[sets[first]!]!.length < shortest) first++;
    postings.skipped[word] = first;
    for (let posting = first; posting < sets.length; posting++) {
      const other = sets[posting]!;
      if (metBy[other] !== probe) {
        metBy[other] = probe;
        overlap[other] = 0;
        candidates.push(other);
      } else if (overlap[other]! < 0) continue;
      const otherSize = records[other]!.length;
      const needed = Math.ceil((threshold / (1 + threshold)) * (size + otherSize) - SLACK);
      // Words after this one in rank order can only match each other: at most the fewer left on either side.
      const reachable = overlap[other]! + 1 + Math.min(size - at - 1, otherSize - positions[posting]! - 1);
      overlap[other] = reachable >= needed ? overlap[other]! + 1 : -1;
    }
  }
  return candidates;
}
