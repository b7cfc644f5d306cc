/**
 * The archive's vocabulary for typo tolerance: Pagefind matches whole words
 * and their beginnings but forgives no typo, so the browser first corrects a
 * word nobody wrote to the nearest word somebody did (fuse.js over this list)
 * and then asks Pagefind. Names (services, tags, owners, title words) are
 * always in; other words by how often they occur, up to a cap, so the file's
 * size follows the archive's language, not its length.
 * Browser-safe: the list is built at build time and read in the browser.
 */
import { textWords } from './words.ts';

/** Words kept at most (names always kept): about 60 KB gzip, within the first query's budget. */
export const VOCABULARY_LIMIT = 12_000;
/** Shorter words are not corrected (a typo in three letters is another word), so they need not ship. */
export const MIN_CORRECTED_LENGTH = 4;

/** `incidents/vocabulary.json`: words most frequent first. */
export interface Vocabulary {
  words: string[];
}

/** Whether a word can be corrected: long enough, and not an id or number (`OPS-1676`, `2026`), which must match exactly. */
export function correctable(word: string): boolean {
  return word.length >= MIN_CORRECTED_LENGTH && !/\p{N}/u.test(word);
}

/** Counts words across texts; `add` per text, `result` at the end. */
export function vocabularyCounter(limit = VOCABULARY_LIMIT) {
  const counts = new Map<string, number>();
  const names = new Set<string>();
  return {
    addText(text: string): void {
      for (const word of textWords(text)) if (correctable(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
    },
    addName(name: string): void {
      for (const word of textWords(name)) if (correctable(word)) names.add(word);
    },
    result(): Vocabulary {
      const ranked = [...counts].filter(([word]) => !names.has(word)).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      return { words: [...names, ...ranked.slice(0, Math.max(0, limit - names.size)).map(([word]) => word)] };
    },
  };
}

/** The text of an HTML fragment, roughly: tags dropped, common entities decoded. For counting words, not for showing. */
export function htmlWords(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(?:amp|lt|gt|quot|#39|#x27|nbsp);/g, ' ');
}
