/**
 * The words of a query that are searched, the same on the site (sent to
 * Pagefind) and for agents (ranking.ts): those with two letters or digits at
 * least (a word of one letter is one being typed; Pagefind matches word
 * beginnings, so it would match most of the archive), without the common
 * words (stop-words.ts), so "outage in the eu region" does not fall back to
 * every page holding "in"; all of them when nothing else is left. A word
 * with a digit (an id such as `OPS-1108`, `SEV-1`, a number) must be held
 * whole: Pagefind would otherwise fall back to its longest known beginning,
 * so an unknown `OPS-9999` would find every post-mortem holding "ops".
 * Browser-safe: only the stop words.
 */
import { isStopWord } from './stop-words.ts';

const MIN_WORD_LENGTH = 2;

export function searchWords(query: string): string[] {
  const words = query.split(/\s+/).filter((word) => (word.match(/[\p{L}\p{N}]/gu)?.length ?? 0) >= MIN_WORD_LENGTH);
  const meaningful = words.filter((word) => !isStopWord(word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')));
  return meaningful.length ? meaningful : words;
}

/** Whether a searched word must be held whole by a post-mortem (it has a digit): ids and numbers match exactly. */
export function mustBeWhole(word: string): boolean {
  return /\p{N}/u.test(word);
}
