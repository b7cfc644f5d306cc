/**
 * The in-memory incident search for agents and the terminal. `search` ranks
 * as the site does, with one ranking: the documents the site's Pagefind index
 * holds (document.ts), Pagefind's own scoring (ranking.ts), the site's words
 * (query-words.ts) and the site's merge of full and partial matches
 * (merge.ts), after the same spelling correction (correct.ts). Post-mortems
 * containing every word rank first, then those containing only some of them
 * (more words first), reported as partial.
 * `likeText` (for `similar`) scores a whole text over a word index of the
 * search records with the field weights of records.ts; compound tokens
 * (`OPS-1676`, `@platform-team`) are indexed whole as well as in parts.
 */
import { SEARCH_KEYS, type SearchData, type SearchKey } from './records.ts';
import { indexWords } from './highlight.ts';
import { mergeMatches } from './merge.ts';
import { searchTerms, stemOf } from './query.ts';
import { mustBeWhole, searchWords } from './query-words.ts';
import { createRanking, indexDocuments, type RankingIndex } from './ranking.ts';

/** How well a vocabulary word answers a typed word; multiplied by the field's weight. */
const QUALITY = { exact: 1, stem: 0.95, start: 0.85 } as const;
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
  /**
   * Post-mortems matching every word first (best first; ties: list order), then those matching some of them
   * (more words first). The partial ones are ordered when this is first read: each word of the query ranked
   * alone, over thousands of pages for common words, which a caller showing ten full matches never needs.
   */
  readonly hits: number[];
  /** How many of `hits`, from the start, match every word. */
  complete: number;
  /** `hits`' first `complete`: the pages matching every word, best first. */
  full: readonly number[];
  /** The pages of `hits` after `complete`, in list order: to count or filter them without ranking them. */
  partial: readonly number[];
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

/** The vocabulary, and per word the packed slots (`record * FIELD_SLOTS + field`) it occurs in. */
interface WordIndex {
  words: string[];
  postings: Int32Array[];
}

/** A vocabulary word that answers a typed word, and how well. */
interface WordMatch {
  id: number;
  quality: number;
}

/**
 * Indexes the search data: `search` ranks over Pagefind's index of `data.documents` (ranking.ts), `likeText`
 * over a word index of `data.records`, made on its first call (a search never needs it). `ranking`: the
 * index {@link indexDocuments} made of the same documents earlier (the search snapshot's,
 * src/lib/agent/search-snapshot.ts); `data.documents` is then not read, and `data.records` only by `fields`.
 */
export function createIncidentSearch(data: SearchData, ranking: RankingIndex = indexDocuments(data.documents)): IncidentSearch {
  const ranker = createRanking(data.documents, ranking);
  let similar: { lookUp: (term: string) => WordMatch[]; postings: Int32Array[]; best: Float32Array } | null = null;
  const similarIndex = () => {
    if (!similar) {
      const { words, postings } = indexRecords(data);
      // Each record's best field weight for the current word, allocated once.
      similar = { lookUp: createWordLookup(words), postings, best: new Float32Array(data.count) };
    }
    return similar;
  };

  return {
    search(query) {
      const typed = searchWords(query);
      if (!typed.length) return null;
      const whole = ranker.rank(typed.join(' '));
      const known = typed.map((word) => !mustBeWhole(word) || ranker.holds(word));
      const single = typed.length < 2;
      // mergeMatches' rules, on page sets: the full matches are the whole query's, the partial ones any usable word's other pages.
      const usable = single ? [] : typed.map((word, at) => (known[at] ? ranker.pages(word) : []));
      const full = (single ? known.every(Boolean) : usable.every((pages) => pages.length > 0)) ? whole.map((ranked) => ranked.page) : [];
      const inFull = new Uint8Array(data.count);
      for (const page of full) inFull[page] = 1;
      for (const pages of usable) for (const page of pages) inFull[page] ||= 2;
      const partial: number[] = [];
      for (let page = 0; page < inFull.length; page++) if (inFull[page] === 2) partial.push(page);
      let hits: number[] | null = null;
      return {
        complete: full.length,
        full,
        partial,
        get hits() {
          if (!hits) {
            const perWord = single ? [] : typed.map((word) => ranker.rank(word));
            hits = mergeMatches(whole, perWord, (ranked) => ({ id: ranked.page, score: ranked.score }), known).results.map((ranked) => ranked.page);
          }
          return hits;
        },
      };
    },
    likeText(text) {
      const { lookUp, postings, best } = similarIndex();
      const count = data.count;
      const perRecord = new Map<number, { score: number; terms: { term: string; idf: number }[] }>();
      let possible = 0;
      for (const term of new Set(searchTerms(text).filter((term) => term.length >= 3))) {
        // Whole words and stems only: in a paragraph, beginnings ("time" in "timeline") are noise.
        const matches = lookUp(term).filter((match) => match.quality >= QUALITY.stem);
        if (!matches.length) continue;
        best.fill(0);
        const hit = bestPerRecord(matches, postings, best);
        const idf = Math.log(1 + (count - hit.length + 0.5) / (hit.length + 0.5));
        possible += idf * MAX_WEIGHT;
        for (const record of hit) {
          const entry = perRecord.get(record) ?? { score: 0, terms: [] };
          entry.score += idf * best[record]!;
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
function indexRecords(data: SearchData): WordIndex {
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
  return { words, postings: postings.map((list) => Int32Array.from(list)) };
}

/**
 * Looks a typed word up in the vocabulary and remembers the answer: typing
 * extends the last word, the earlier ones stay looked up.
 */
function createWordLookup(words: readonly string[]): (term: string) => WordMatch[] {
  const stems = words.map(stemOf);
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
