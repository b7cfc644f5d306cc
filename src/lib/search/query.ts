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

/** English function words: never required, never a reason for a partial match. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about after again all also am an and any are as at be because been before being between both but by can could did do does doing
during each few for from further had has have having he her here hers him his how i if in into is it its itself just me more most
my no nor not now of off on once one only or other our out over own same she should so some such than that the their them then there these
they this those through to too under until up very was we were what when where which while who whom why will with would you your`.split(/\s+/),
);

/** Whether a term is a common word that says nothing about an incident. */
export function isStopWord(term: string): boolean {
  return STOP_WORDS.has(term);
}

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
