/**
 * Spelling correction, the same for the site, the CLI and the MCP server:
 * a typed word is rewritten only when it is a misspelling, that is, when it
 * is none of: a word of the archive, the beginning of one, correctly spelt
 * English (english.ts), a short word, a number or an id. It then becomes the
 * nearest archive word within a typo (the same budget the highlighter
 * forgives: one edit up to six letters, two beyond), found with fuse.js over
 * the archive's vocabulary and checked by edit distance, so "certficate"
 * finds what "certificate" finds but "throttled" stays "throttled" even in an
 * archive that only says "throttling". Browser-safe: whether a word is English
 * is asked of the caller (Node has the whole list; the browser fetches the
 * shard of the list the word belongs to, see {@link englishShard}).
 */
import { allowedEdits, editDistance } from './highlight.ts';
import { correctable, type Vocabulary } from './vocabulary.ts';
import { lowerBound } from './sorted-words.ts';
import { fuzzyMatcher } from './fuzzy-words.ts';

/** What correction did to a query: the query searched, and each word changed. */
export interface Correction {
  /** The query with each misspelling replaced (the typed query when nothing changed). */
  query: string;
  /** The words rewritten, as typed and as searched. */
  changes: { from: string; to: string }[];
}

export interface Corrector {
  /** The typed words that are neither archive words nor their beginnings: those whose Englishness decides. */
  unknownWords(query: string): string[];
  correct(query: string): Correction;
}

/** Candidates fuse offers per word, checked by edit distance. */
const CANDIDATES = 10;
const TYPED_WORD = /[\p{L}\p{N}]+/gu;

/** Shards of the English list the site ships: a misspelling costs one fetch of about 4 KB gzip. */
export const ENGLISH_SHARDS = 256;

/**
 * The shard of the English list a word is in (`incidents/english/3f.json`): FNV-1a of the word, so every
 * shard holds about the same number of words (by first letters, "co" or "re" would weigh 25 KB gzip).
 */
export function englishShard(word: string): string {
  let hash = 0x811c9dc5;
  for (let at = 0; at < word.length; at++) hash = Math.imul(hash ^ word.charCodeAt(at), 0x01000193);
  return shardName((hash >>> 0) % ENGLISH_SHARDS);
}

/** The file name of shard `index` (0 to ENGLISH_SHARDS - 1): two hex digits. */
export function shardName(index: number): string {
  return index.toString(16).padStart(2, '0');
}

/** A corrector over the archive's vocabulary; `isEnglish` answers for lower-case words. */
export function createCorrector(vocabulary: Vocabulary, isEnglish: (word: string) => boolean): Corrector {
  const known = new Set(vocabulary.words);
  const rank = new Map(vocabulary.words.map((word, at) => [word, at]));
  const fuzzy = fuzzyMatcher(vocabulary.words);
  const sorted = [...vocabulary.words].sort();
  const cache = new Map<string, string | null>();
  const isBeginning = (word: string) => sorted.at(lowerBound(sorted, word))?.startsWith(word) ?? false;
  const isUnknown = (lower: string) => correctable(lower) && !known.has(lower) && !isBeginning(lower);
  /** The nearest archive word within the typo budget, fewest edits first, then the more frequent. */
  const nearest = (lower: string): string | null => {
    if (cache.has(lower)) return cache.get(lower)!;
    const budget = allowedEdits(lower.length);
    let best: { word: string; edits: number } | null = null;
    for (const item of fuzzy(lower, CANDIDATES)) {
      const edits = editDistance(lower, item);
      if (edits > budget) continue;
      if (!best || edits < best.edits || (edits === best.edits && rank.get(item)! < rank.get(best.word)!)) best = { word: item, edits };
    }
    const found = best?.word ?? null;
    cache.set(lower, found);
    return found;
  };
  return {
    unknownWords: (query) => [...new Set((query.toLowerCase().match(TYPED_WORD) ?? []).filter(isUnknown))],
    correct(query) {
      const changes: Correction['changes'] = [];
      const corrected = query.replace(TYPED_WORD, (word) => {
        const lower = word.toLowerCase();
        if (!isUnknown(lower) || isEnglish(lower)) return word;
        const to = nearest(lower);
        if (!to) return word;
        changes.push({ from: word, to });
        return to;
      });
      return { query: corrected, changes };
    },
  };
}
