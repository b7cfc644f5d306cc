/**
 * How a query of several words is answered, the same on the site (over
 * Pagefind's answers) and for agents (over ranking.ts's): the pages holding
 * every word first, in the whole query's order; then those holding some of
 * them, more words first, then by the sum of their one-word scores. A word
 * that finds nothing alone, or that must be held whole and is not
 * (query-words.ts, `known`), means no page holds every word (Pagefind would
 * leave it out of the whole query) and adds no page. Browser-safe, no imports.
 */

/** What the merge needs of a result: its page and its score. */
export interface Scored<Id> {
  id: Id;
  score: number;
}

/**
 * The results, every-word matches first, and how many of them hold every word.
 * `perWord`: each word's own answer (asked only for a query of several words);
 * `known`: per word, whether it may be searched (see mustBeWhole).
 */
export function mergeMatches<T, Id>(whole: readonly T[], perWord: readonly (readonly T[])[], read: (result: T) => Scored<Id>, known: readonly boolean[]): { results: T[]; complete: number } {
  if (perWord.length < 2) return known.every(Boolean) ? { results: [...whole], complete: whole.length } : { results: [], complete: 0 };
  const usable = perWord.map((results, at) => (known[at] ? results : []));
  const full = usable.every((results) => results.length > 0) ? [...whole] : [];
  const seen = new Set(full.map((result) => read(result).id));
  const found = new Map<Id, { result: T; words: number; score: number }>();
  for (const results of usable) {
    for (const result of results) {
      const { id, score } = read(result);
      if (seen.has(id)) continue;
      const entry = found.get(id) ?? { result, words: 0, score: 0 };
      entry.words += 1;
      entry.score += score;
      found.set(id, entry);
    }
  }
  const partial = [...found.values()].sort((a, b) => b.words - a.words || b.score - a.score).map((entry) => entry.result);
  return { results: full.concat(partial), complete: full.length };
}
