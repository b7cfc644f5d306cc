/**
 * The in-memory incident search for agents and the terminal (the site asks
 * Pagefind, over the same sections): a word index over the search records,
 * built once, and a query read by the core (query.ts: common words dropped,
 * ids whole) after spelling correction (correct.ts). Each term matches a
 * vocabulary word whole, by its stem ("throttled" ~ "throttling", as
 * Pagefind stems) or as its beginning, as Pagefind does; no typo matching
 * here, as the corrector already rewrote misspellings, the same way on both
 * sides. Post-mortems containing every term rank first (by where the terms
 * were found: field weights in records.ts), then those containing only
 * some of them (more terms first), reported as partial.
 * Compound tokens (`OPS-1676`, `SEV-1`, `@platform-team`) are indexed whole
 * as well as in parts.
 *
 * Why not Fuse over the records: Fuse scores every record's full text on each
 * keystroke, ~0.7 s at 5,000 post-mortems. Here a query costs one pass
 * over the distinct words plus the posting lists of the words that matched,
 * and words already looked up are remembered.
 */
import { SEARCH_KEYS, type SearchData, type SearchKey } from './records.ts';
import { indexWords, isCompound, termParts } from './highlight.ts';
import { searchTerms, stemOf } from './query.ts';

/** How well a vocabulary word answers a typed word; multiplied by the field's weight. */
const QUALITY = { exact: 1, stem: 0.95, start: 0.85 } as const;
/** Packed sort keys: scores (×64) below this, list positions below {@link POSITION_SPAN}; both fit a double exactly. */
const SCORE_SPAN = 2 ** 20;
const POSITION_SPAN = 2 ** 22;
/** Postings pack the record and the field: `record * FIELD_SLOTS + field` (room for 16 fields). */
const FIELD_SLOTS = 16;
const WEIGHTS = SEARCH_KEYS.map((key) => key.weight);
const MAX_WEIGHT = Math.max(...WEIGHTS);

/** One field of a record with text, for the "matched in …" lines under a result. */
export interface RecordField {
  key: SearchKey;
  label: string;
  values: readonly string[];
}

/** What a query found: positions in the list, best first. */
export interface SearchResult {
  /** Post-mortems matching every word first (best first; ties: list order), then those matching some of them (more words first). */
  hits: number[];
  /** How many of `hits`, from the start, match every word. */
  complete: number;
}

export interface IncidentSearch {
  /** What `query` finds; null for a query without words. */
  search(query: string): SearchResult | null;
  /** The fields of record `index`, in {@link SEARCH_KEYS} order. */
  fields(index: number): RecordField[];
  /**
   * The records that read most like `text` (a new incident's description or a draft), best first: every
   * meaningful word of the text (whole or by stem) scored by how rare it is in the archive (BM25's idf)
   * times the weight of the best field it is in, over every section; `score` is that sum over the most
   * the text could score (0 to 1), `terms` the text's words the record shares, rarest first.
   */
  likeText(text: string): TextLikeness[];
}

/** A record like a text, and the words it shares with it. */
export interface TextLikeness {
  record: number;
  score: number;
  terms: string[];
}

/**
 * The vocabulary, each word's stem, and per word the packed slots (`record * FIELD_SLOTS + field`) it
 * occurs in. Plain data, so a command can keep it on disk between runs (src/lib/agent/search-snapshot.ts).
 */
export interface WordIndex {
  words: string[];
  stems: string[];
  postings: Int32Array[];
}

/** A vocabulary word that answers a typed word, and how well. */
interface WordMatch {
  id: number;
  quality: number;
}

/** Per-record tallies, allocated once per index so a keystroke allocates nothing in proportion to the records. */
interface Tallies {
  /** The current word's best score in each record. */
  best: Float32Array;
  /** The sum of each record's best scores over the query's words. */
  total: Float32Array;
  /** How many of the query's words each record contains. */
  found: Uint8Array;
  /** Sort keys of the records found (see {@link rankTallies}). */
  keys: Float64Array;
}

/**
 * Indexes the search data: every distinct word, and for each, the records and fields it occurs in.
 * `index`: the one {@link indexRecords} made of the same data earlier; `data.records` is then read only
 * for the records whose fields are asked for.
 */
export function createIncidentSearch(data: SearchData, index: WordIndex = indexRecords(data)): IncidentSearch {
  const { words, stems, postings } = index;
  const lookUp = createWordLookup(words, stems);
  const tallies = createTallies(data.count);

  return {
    search(query) {
      // A compound nobody wrote (`redis-session`) is searched as its words; an unknown id (`OPS-9999`) finds nothing.
      const typed = searchTerms(query);
      if (!typed.length) return null;
      const terms = new Set(typed.flatMap((term) => (isCompound(term) && !lookUp(term).length ? termParts(term) : [term])));
      if (!terms.size) return { hits: [], complete: 0 };
      tallies.total.fill(0);
      tallies.found.fill(0);
      for (const term of terms) tallyTerm(lookUp(term), postings, tallies);
      return rankTallies(tallies, terms.size);
    },
    likeText(text) {
      const count = data.count;
      const perRecord = new Map<number, { score: number; terms: { term: string; idf: number }[] }>();
      let possible = 0;
      for (const term of new Set(searchTerms(text).filter((term) => term.length >= 3))) {
        // Whole words and stems only: in a paragraph, beginnings ("time" in "timeline") are noise.
        const matches = lookUp(term).filter((match) => match.quality >= QUALITY.stem);
        if (!matches.length) continue;
        tallies.best.fill(0);
        const hit = bestPerRecord(matches, postings, tallies.best);
        const idf = Math.log(1 + (count - hit.length + 0.5) / (hit.length + 0.5));
        possible += idf * MAX_WEIGHT;
        for (const record of hit) {
          const entry = perRecord.get(record) ?? { score: 0, terms: [] };
          entry.score += idf * tallies.best[record]!;
          entry.terms.push({ term, idf });
          perRecord.set(record, entry);
        }
      }
      return [...perRecord]
        .map(([record, { score, terms }]) => ({ record, score: score / possible, terms: terms.sort((a, b) => b.idf - a.idf).map((entry) => entry.term) }))
        .sort((a, b) => b.score - a.score || a.record - b.record);
    },
    fields(index) {
      const row = data.records[index];
      if (!row) return [];
      return SEARCH_KEYS.map(({ name, label }, field) => ({ key: name, label, values: row[field] ?? [] }));
    },
  };
}

/**
 * Lists each distinct word once, with every record field it occurs in listed
 * once: a query then walks only the postings of the words it matched.
 */
export function indexRecords(data: SearchData): WordIndex {
  const ids = new Map<string, number>();
  const words: string[] = [];
  const postings: number[][] = [];
  const lastSeen: number[] = [];
  data.records.forEach((row, record) => {
    row.forEach((values, field) => {
      const slot = record * FIELD_SLOTS + field;
      for (const text of values) {
        for (const word of indexWords(text)) {
          let id = ids.get(word);
          if (id === undefined) {
            id = words.length;
            ids.set(word, id);
            words.push(word);
            postings.push([]);
            lastSeen.push(-1);
          }
          if (lastSeen[id] === slot) continue;
          lastSeen[id] = slot;
          postings[id]!.push(slot);
        }
      }
    });
  });
  return { words, stems: words.map(stemOf), postings: postings.map((list) => Int32Array.from(list)) };
}

/**
 * Looks a typed word up in the vocabulary and remembers the answer: typing
 * extends the last word, the earlier ones stay looked up.
 */
function createWordLookup(words: readonly string[], stems: readonly string[]): (term: string) => WordMatch[] {
  const cache = new Map<string, WordMatch[]>();
  return (term) => {
    const cached = cache.get(term);
    if (cached) return cached;
    const stem = stemOf(term);
    const matches: WordMatch[] = [];
    for (let id = 0; id < words.length; id++) {
      const word = words[id]!;
      const quality = word === term ? QUALITY.exact : stems[id] === stem ? QUALITY.stem : word.startsWith(term) ? QUALITY.start : 0;
      if (quality) matches.push({ id, quality });
    }
    if (cache.size > 500) cache.clear();
    cache.set(term, matches);
    return matches;
  };
}

/** Each record's best field weight × quality for one word's matches, into `best`; answers the records found. */
function bestPerRecord(matches: readonly WordMatch[], postings: readonly Int32Array[], best: Float32Array): number[] {
  const found: number[] = [];
  for (const { id, quality } of matches) {
    const list = postings[id]!;
    for (let k = 0; k < list.length; k++) {
      const slot = list[k]!;
      const record = (slot / FIELD_SLOTS) | 0;
      const score = WEIGHTS[slot - record * FIELD_SLOTS]! * quality;
      if (!best[record]) found.push(record);
      if (score > best[record]!) best[record] = score;
    }
  }
  return found;
}

/** Empty tallies for `count` records. */
function createTallies(count: number): Tallies {
  return { best: new Float32Array(count), total: new Float32Array(count), found: new Uint8Array(count), keys: new Float64Array(count) };
}

/**
 * Adds one typed word to the tallies: a record scores it once, by its best
 * field weight × match quality, so a word found in several fields or forms
 * does not count twice.
 */
function tallyTerm(matches: readonly WordMatch[], postings: readonly Int32Array[], { best, total, found }: Tallies): void {
  best.fill(0);
  for (const record of bestPerRecord(matches, postings, best)) {
    total[record] = total[record]! + best[record]!;
    found[record] = found[record]! + 1;
  }
}

/**
 * Ranks the records found: every word before some words; then by score; ties
 * keep list order. Each hit is packed into one number (words found, score to
 * 1/64, list position) so a native numeric sort ranks them: at 5,000
 * post-mortems a partial query can hit thousands, and a comparator sort was the slow part.
 */
function rankTallies({ total, found, keys }: Tallies, wanted: number): SearchResult {
  let size = 0;
  let complete = 0;
  for (let record = 0; record < found.length; record++) {
    if (!found[record]) continue;
    if (found[record] === wanted) complete++;
    keys[size++] = (found[record]! * SCORE_SPAN + Math.min(Math.round(total[record]! * 64), SCORE_SPAN - 1)) * POSITION_SPAN + (POSITION_SPAN - 1 - record);
  }
  const sorted = keys.subarray(0, size).sort();
  const hits = new Array<number>(size);
  for (let k = 0; k < size; k++) hits[k] = POSITION_SPAN - 1 - (sorted[size - 1 - k]! % POSITION_SPAN);
  return { hits, complete };
}
