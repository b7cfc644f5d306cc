/**
 * Words as Pagefind 1.6 reads them (pagefind/src/fossick/splitting.rs and
 * pagefind_web_js's query cleaning), so the agents' ranking (ranking.ts) sees
 * the words the site's index holds: a text is cut at white space; each piece
 * is one position, kept as its letters, digits and `_`, lower-cased and stemmed
 * (Snowball 3.1's English, Porter2, as Pagefind's own stemmer); a piece with punctuation or inner capitals is
 * also indexed as its parts (`OPS-1108` → `ops1108`, `ops`, `1108`) at the
 * same position, each part with the piece's weight shared among them.
 */
import EnglishStemmer from '../../../vendor/snowball/english-stemmer.js';

/** A word Pagefind indexes for a piece of text. */
export interface IndexableWord {
  stemmed: string;
  /** A part of a compound piece: it carries the piece's weight divided by the number of parts. */
  part: boolean;
}

const ALNUM = /[\p{L}\p{N}]/u;
/** What a word keeps: letters, digits and `_` (Pagefind 1.6 keeps `cert_has_expired` whole; measured on its index). */
const NOT_KEPT = /[^\p{L}\p{N}_]/gu;
const HAS_NOT_ALNUM = /[^\p{L}\p{N}]/u;
/** Where convert_case's default boundaries cut a word: between a lower and an upper letter, letters and digits, and before the last capital of an acronym. */
const CASE_BOUNDARY = /(?<=\p{Ll})(?=\p{Lu})|(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})/gu;
/** What Pagefind's search drops from a query (dashes, brackets, quotes and other punctuation), one character at a time. */
const QUERY_PUNCTUATION = /[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/gu;

const stemmer = new EnglishStemmer();
/** Stems already computed: a query's words recur as it is typed, an archive's words across post-mortems. Bounded. */
const stems = new Map<string, string>();

/** The Snowball English stem of a lower-cased word. */
export function pagefindStem(word: string): string {
  let stem = stems.get(word);
  if (stem === undefined) {
    stem = stemmer.stemWord(word);
    if (stems.size > 50_000) stems.clear();
    stems.set(word, stem);
  }
  return stem;
}

/** Pieces already read: an archive repeats most of its words, so most pieces are read once. Bounded. */
const pieces = new Map<string, IndexableWord[]>();

/** The words Pagefind indexes for one white-space-separated piece of text (none for punctuation alone). */
export function indexableWords(piece: string): IndexableWord[] {
  let words = pieces.get(piece);
  if (!words) {
    words = readPiece(piece);
    if (pieces.size > 100_000) pieces.clear();
    pieces.set(piece, words);
  }
  return words;
}

function readPiece(piece: string): IndexableWord[] {
  const normalized = piece.replace(NOT_KEPT, '').toLowerCase();
  const words: IndexableWord[] = normalized ? [{ stemmed: pagefindStem(normalized), part: false }] : [];
  const compound = HAS_NOT_ALNUM.test(piece) || /\p{Lu}/u.test(piece.slice(1));
  if (!compound) return words;
  const parts = discreteWords(piece);
  if (normalized && (parts.includes(' ') || !normalized.startsWith(parts))) {
    for (const part of parts.split(' ')) if (part.length > 1) words.push({ stemmed: pagefindStem(part), part: true });
    for (const tail of dottedTails(piece)) words.push({ stemmed: pagefindStem(tail), part: true });
  }
  return words;
}

/**
 * What follows each dot of a piece, when it is itself made of several words
 * (`invoice.sent.subject` → `sentsubject`; `alpha.beta` → nothing): Pagefind
 * 1.6 indexes these as parts too. Measured on its index, not in its source.
 */
function dottedTails(piece: string): string[] {
  const tails: string[] = [];
  // A leading dot (`.github/…`) has nothing before it: no tail.
  for (let at = piece.indexOf('.', 1); at >= 0; at = piece.indexOf('.', at + 1)) {
    const tail = piece.slice(at + 1);
    const joined = tail.replace(NOT_KEPT, '').toLowerCase();
    if (joined.length > 1 && discreteWords(tail).includes(' ')) tails.push(joined);
  }
  return tails;
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
