/**
 * Words as Pagefind 1.6 reads them (pagefind/src/fossick/splitting.rs and
 * pagefind_web_js's query cleaning), so the agents' ranking (ranking.ts) sees
 * the words the site's index holds: a text is cut at white space; each piece
 * is one position, kept as its letters and digits, lower-cased and stemmed
 * (Snowball English, Porter2); a piece with punctuation or inner capitals is
 * also indexed as its parts (`OPS-1108` → `ops1108`, `ops`, `1108`) at the
 * same position, each part with the piece's weight shared among them.
 */
import stem from 'wink-porter2-stemmer';

/** A word Pagefind indexes for a piece of text. */
export interface IndexableWord {
  stemmed: string;
  /** A part of a compound piece: it carries the piece's weight divided by the number of parts. */
  part: boolean;
}

const ALNUM = /[\p{L}\p{N}]/u;
const NOT_ALNUM = /[^\p{L}\p{N}]/gu;
const HAS_NOT_ALNUM = /[^\p{L}\p{N}]/u;
const DIGIT = /\p{N}/u;
/** Where convert_case's default boundaries cut a word: between a lower and an upper letter, letters and digits, and before the last capital of an acronym. */
const CASE_BOUNDARY = /(?<=\p{Ll})(?=\p{Lu})|(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})/gu;
/** What Pagefind's search drops from a query (dashes, brackets, quotes and other punctuation), one character at a time. */
const QUERY_PUNCTUATION = /[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/gu;

/**
 * The Snowball English stem of a lower-cased word. Words with a digit are kept
 * whole: Snowball leaves them as they are, the JavaScript port does not.
 */
export function pagefindStem(word: string): string {
  return DIGIT.test(word) ? word : stem(word);
}

/** The words Pagefind indexes for one white-space-separated piece of text (none for punctuation alone). */
export function indexableWords(piece: string): IndexableWord[] {
  const normalized = piece.replace(NOT_ALNUM, '').toLowerCase();
  const words: IndexableWord[] = normalized ? [{ stemmed: pagefindStem(normalized), part: false }] : [];
  const compound = HAS_NOT_ALNUM.test(piece) || /\p{Lu}/u.test(piece.slice(1));
  if (!compound) return words;
  const parts = discreteWords(piece);
  if (normalized && (parts.includes(' ') || !normalized.startsWith(parts))) {
    for (const part of parts.split(' ')) if (part.length > 1) words.push({ stemmed: pagefindStem(part), part: true });
  }
  return words;
}

/** A piece's words as convert_case splits them: ASCII punctuation becomes a space, then case and digit boundaries cut. */
function discreteWords(piece: string): string {
  return piece
    .replace(/[!-/:-@[-`{-~]/g, ' ')
    .split(/\s+/)
    .flatMap((word) => word.split(CASE_BOUNDARY))
    .map((word) => word.toLowerCase())
    .filter(Boolean)
    .join(' ');
}

/**
 * A query as Pagefind's search reads it: punctuation dropped character by
 * character (`OPS-1108` → `ops1108`), lower-cased, cut at spaces; each term
 * as typed (for the diacritics bonus) and stemmed.
 */
export function pagefindQuery(query: string): { original: string; stemmed: string }[] {
  const cleaned = query.replace(QUERY_PUNCTUATION, '').toLowerCase().replace(/\s+/g, ' ').trim();
  if (!cleaned) return [];
  return cleaned.split(' ').map((original) => ({ original, stemmed: ALNUM.test(original) ? pagefindStem(original) : original }));
}
