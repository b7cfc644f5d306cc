/** Binary search over a sorted word list: where a word, or every word it begins, would sort. */

/** The first position in `sorted` whose word is not below `word` (a word's prefixes sort right there). */
export function lowerBound(sorted: readonly string[], word: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]! < word) low = middle + 1;
    else high = middle;
  }
  return low;
}
