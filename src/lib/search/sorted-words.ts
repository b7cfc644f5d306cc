/** Binary search over a sorted word list: where a word, or every word it begins, would sort. */

/**
 * A sorted list of words read by position: an array, or a list read from a file that cuts its words out of
 * one string only when asked (packed-ranking.ts: 200,000 strings made up front cost more than a search).
 */
export interface SortedWords {
  readonly length: number;
  at(index: number): string | undefined;
}

/** The first position in `sorted` whose word is not below `word` (a word's prefixes sort right there). */
export function lowerBound(sorted: SortedWords, word: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted.at(middle)! < word) low = middle + 1;
    else high = middle;
  }
  return low;
}
