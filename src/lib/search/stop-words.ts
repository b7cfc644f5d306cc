/**
 * The common words search drops (query.ts), on their own so the browser's
 * list script can read them without the stemmer. No imports.
 */

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
