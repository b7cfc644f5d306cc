/**
 * How a query is read, the same on the site and for agents: its terms
 * (compound ids such as `OPS-1234`, `SEV-1`, `@owner`'s handle and service
 * names whole; other words alone, see highlight.ts's queryTerms), without the
 * common words that say nothing about an incident ("the", "in", "how"), so a
 * pasted sentence searches for what it is about and a phrase with no full
 * match does not fall back to every post-mortem that holds "a".
 * Browser-safe.
 */
import { stemmer } from 'stemmer';
import { queryTerms } from './highlight.ts';
import { STOP_WORDS } from './stop-words.ts';

/** The terms a query searches for: its terms without common words (all of them when nothing else is left). */
export function searchTerms(query: string): string[] {
  const terms = queryTerms(query);
  const meaningful = terms.filter((term) => !STOP_WORDS.has(term));
  return meaningful.length ? meaningful : terms;
}

/** A word's stem (Porter), so "throttled" finds "throttling"; ids and numbers are kept whole. */
export function stemOf(word: string): string {
  return /[\p{N}\-_./:]/u.test(word) ? word : stemmer(word);
}
