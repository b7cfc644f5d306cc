/**
 * What a word is, for search, the highlighter and related incidents alike:
 * a run of letters and digits. No imports, so browser code can use it.
 */

/** Words as search sees them: runs of letters and digits. */
export const WORD = /[\p{L}\p{N}]+/gu;

/** The words of a text, lower-cased, in order (repeats kept). */
export function textWords(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}
