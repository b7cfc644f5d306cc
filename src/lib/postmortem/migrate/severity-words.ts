/**
 * A severity written as a word or a priority instead of `SEV-N`. The skill
 * defines four levels in order (SEV-1 service down … SEV-4 cosmetic) and names
 * them by their criteria: "Major feature broken", "Minor feature degraded",
 * "Cosmetic issue". A four-step word scale (`Critical`, `High`, `Medium`,
 * `Low`, as most incident tools name theirs) and a priority `P1` … `P4` map
 * one to one onto those levels, but a team's own scale may not: every such
 * reading is a proposal to review, never a fact.
 */
import { SEVERITIES, type SeverityId } from '../model/severity.ts';

/** Each level's words: the spec's own name for it (severity.ts) first, then the common four-step scale. */
const WORDS: Record<SeverityId, readonly string[]> = {
  'SEV-1': [SEVERITIES[0]!.label],
  'SEV-2': [SEVERITIES[1]!.label, 'High'],
  'SEV-3': [SEVERITIES[2]!.label, 'Medium', 'Moderate'],
  'SEV-4': [SEVERITIES[3]!.label, 'Low'],
};
const BY_WORD = new Map(Object.entries(WORDS).flatMap(([id, words]) => words.map((word) => [word.toLowerCase(), id as SeverityId] as const)));

/** What a severity value written as a word or a priority states, with the words it was read from; null for anything else. */
export function severityFromWords(value: string): { severity: SeverityId; written: string; priority: boolean } | null {
  // Only the value's first word, and not a compound (`Medium-High`, `Low/Medium`): that names no one level.
  const first = /^\W*([a-z]+|p[1-4])\b(?!\s*[-/]\s*\w)/i.exec(value);
  if (!first) return null;
  const word = first[1]!.toLowerCase();
  const priority = /^p([1-4])$/.exec(word);
  const severity = priority ? (`SEV-${priority[1]}` as SeverityId) : BY_WORD.get(word);
  return severity ? { severity, written: first[1]!, priority: priority !== null } : null;
}
