/**
 * What to mark in a search result. Fuse's own match indices mark every
 * scattered letter a fuzzy match touched ("re" in "shared" for "redis"),
 * which reads as noise; this marks whole words instead: each occurrence of
 * a query word, or, when it does not occur, the words within a typo of it.
 * Browser-safe, no imports.
 */

/** A range to mark: start inclusive, end exclusive. */
export type Range = [start: number, end: number];

/** Typos forgiven for a query word of this length: none for short words, one up to 6 letters, then two. */
export function allowedEdits(length: number): number {
  if (length <= 3) return 0;
  return length <= 6 ? 1 : 2;
}

/** Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of neighbours each cost one. */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * True when `word` is `term` give or take a typo: the whole word, or its
 * beginning for longer words ("certficate" ~ "certificates"). Beginnings
 * shorter than the term are not tried: "reis" is one edit from "redis", but
 * "reissued" is not what anyone searching "redis" meant.
 */
function isNear(term: string, word: string): boolean {
  const edits = allowedEdits(term.length);
  if (!edits) return false;
  if (Math.abs(word.length - term.length) <= edits && editDistance(term, word) <= edits) return true;
  for (let length = term.length; length <= Math.min(word.length - 1, term.length + edits); length++) {
    if (editDistance(term, word.slice(0, length)) <= edits) return true;
  }
  return false;
}

/** Ranges of `text` to mark for `query`, sorted and merged. */
export function highlightRanges(text: string, query: string): Range[] {
  const lower = text.toLowerCase();
  const terms = [...new Set(query.toLowerCase().split(/\s+/).filter((term) => term.length >= 2))];
  const ranges: Range[] = [];
  const words = [...lower.matchAll(/[\p{L}\p{N}]+/gu)].map((match) => ({ word: match[0], start: match.index! }));
  for (const term of terms) {
    let found = false;
    for (let at = lower.indexOf(term); at !== -1; at = lower.indexOf(term, at + term.length)) {
      ranges.push([at, at + term.length]);
      found = true;
    }
    if (found) continue;
    for (const { word, start } of words) if (isNear(term, word)) ranges.push([start, start + word.length]);
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Range[] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

/**
 * A window of `text` around its first range, at most `width` characters, on
 * word boundaries where possible, with the ranges shifted to match.
 */
export function snippet(text: string, ranges: readonly Range[], width = 140): { text: string; ranges: Range[] } {
  if (text.length <= width || !ranges.length) return { text, ranges: [...ranges] };
  let start = Math.max(0, ranges[0]![0] - Math.floor(width / 3));
  const space = text.lastIndexOf(' ', start);
  if (start > 0 && space > start - 20) start = space + 1;
  const end = Math.min(text.length, start + width);
  const prefix = start > 0 ? '…' : '';
  const suffix = end < text.length ? '…' : '';
  const shift = prefix.length - start;
  return {
    text: `${prefix}${text.slice(start, end)}${suffix}`,
    ranges: ranges.filter(([from, to]) => from >= start && to <= end).map(([from, to]) => [from + shift, to + shift]),
  };
}
