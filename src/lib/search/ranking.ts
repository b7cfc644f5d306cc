/**
 * Pagefind 1.6's ranking, in the core, so the agents rank exactly as the site
 * does: the same documents (document.ts), read into the same words
 * (pagefind-words.ts), scored with the same formula (pagefind_web/src/search.rs,
 * `search_term`): a term matches every indexed word it begins (or, when none,
 * the longest indexed word that begins it); per page and word, BM25 over the
 * word's weighted count (k1 1.4, b 0.75) times the idf of all the term's
 * words together, a length bonus for words near the term's length and a
 * bonus when the word is the term as typed (Pagefind's diacritics bonus);
 * then a boost for metadata holding the terms (title ×5, other fields ×1),
 * by the share of the query's idf it holds, squared.
 */
import { BLOCK_WEIGHTS, type SearchDocument } from './document.ts';
import { indexableWords, pagefindQuery } from './pagefind-words.ts';
import { lowerBound, type SortedWords } from './sorted-words.ts';

/** Pagefind's defaults (pagefind_web/src/lib.rs, RankingWeights). */
const K1 = 1.4;
const B = 0.75;
const TERM_SIMILARITY = 1;
const DIACRITIC_SIMILARITY = 0.8;
/** Pagefind stores a weight ×24 in a byte, at most 10. */
const WEIGHT_SCALE = 24;
const META_WEIGHTS: Readonly<Record<string, number>> = { title: 5 };

/**
 * One indexed word's postings, page by page, in flat arrays: no object per page (a common word is in thousands
 * of pages, and objects kept for every word a query reached were most of a warm server's garbage).
 */
export interface PostingList {
  /** The pages holding the word, ascending. */
  pages: Int32Array;
  /** Page `k`'s pairs of (weight ×24, position) are `locs[locStarts[k]]` … `locs[locStarts[k + 1] - 1]`. */
  locStarts: Int32Array;
  locs: Int32Array;
  /** Page `k`'s metadata fields holding the word, as ids into {@link RankingIndex.fieldNames}: `fields[fieldStarts[k]]` …. */
  fieldStarts: Int32Array;
  fields: Int32Array;
}

/** A page and its score, best first. */
export interface Ranked {
  page: number;
  score: number;
}

export interface Ranking {
  /** Pagefind's answer to `query` (words separated by spaces): every page holding every known term, best first. */
  rank(query: string): Ranked[];
  /** The pages `rank(query)` answers, in page order, without scoring them (what counting and filtering need). */
  pages(query: string): number[];
  /** Whether some page holds `word` whole, as Pagefind's exact search (`"word"`) reads it. */
  holds(word: string): boolean;
}

/**
 * What the ranking reads: the indexed (stemmed) words, sorted, each word's postings, each page's length in
 * words. Built from the documents (indexDocuments), or read back from a snapshot on disk
 * (packed-ranking.ts, for src/lib/agent/search-snapshot.ts), which ranks exactly alike.
 */
export interface RankingIndex {
  /** The indexed words, sorted (code-unit order, as `<` compares). */
  sorted: SortedWords;
  /** The postings of `sorted[id]`, by page. */
  postings(id: number): PostingList;
  /** The metadata fields' names, by the ids the postings hold. */
  fieldNames: readonly string[];
  lengths: ArrayLike<number>;
  average: number;
}

/** Indexes the documents as Pagefind does and answers queries with its ranking (`index`: the same documents' index, made earlier). */
export function createRanking(documents: readonly SearchDocument[], index: RankingIndex = indexDocuments(documents)): Ranking {
  const extensions = new Map<string, number[]>();
  const extend = (term: string) => {
    let found = extensions.get(term);
    if (!found) {
      found = wordExtensions(index, term);
      if (extensions.size > 500) extensions.clear();
      extensions.set(term, found);
    }
    return found;
  };
  const scratch = new Scratch();
  return {
    rank: (query) => rankQuery(index, extend, query, scratch),
    pages: (query) => {
      const { holding, needed } = holdingPages(index, extend, pagefindQuery(query));
      const found: number[] = [];
      if (needed) for (let page = 0; page < holding.length; page++) if (holding[page] === needed) found.push(page);
      return found;
    },
    holds: (word) => {
      const terms = pagefindQuery(word);
      return terms.length > 0 && terms.every((term) => findWord(index.sorted, term.stemmed) >= 0);
    },
  };
}

/** The id of `word` in `sorted`, or -1. */
function findWord(sorted: SortedWords, word: string): number {
  const at = lowerBound(sorted, word);
  return sorted.at(at) === word ? at : -1;
}

/** Pagefind's index of the documents: every stemmed word with its weighted positions and metadata fields per page. */
export function indexDocuments(documents: readonly SearchDocument[]): RankingIndex {
  const words = new Map<string, Posting[]>();
  const fieldNames: string[] = [];
  const fieldIds = new Map<string, number>();
  const fieldId = (field: string) => {
    let id = fieldIds.get(field);
    if (id === undefined) fieldIds.set(field, (id = fieldNames.push(field) - 1));
    return id;
  };
  const posting = (word: string, page: number): Posting => {
    let list = words.get(word);
    if (!list) words.set(word, (list = []));
    let last = list[list.length - 1];
    if (last?.page !== page) list.push((last = { page, locs: [], fields: [] }));
    return last;
  };
  const lengths = documents.map((document, page) => {
    let position = 0;
    for (const block of document.blocks) {
      const weight = Math.max(1, Math.floor(Math.min(BLOCK_WEIGHTS[block.kind], 10) * WEIGHT_SCALE));
      for (const piece of block.text.split(/\s+/)) {
        if (!piece) continue;
        const found = indexableWords(piece);
        const parts = found.filter((word) => word.part).length;
        for (const word of found) posting(word.stemmed, page).locs.push(word.part ? Math.max(1, Math.floor(weight / parts)) : weight, position);
        position += 1;
      }
    }
    for (const [field, value] of Object.entries(document.meta)) {
      for (const piece of value.split(/\s+/)) for (const word of piece ? indexableWords(piece) : []) posting(word.stemmed, page).fields.push(fieldId(field));
    }
    return position;
  });
  const average = lengths.reduce((sum, length) => sum + length, 0) / Math.max(1, lengths.length);
  const sorted = [...words.keys()].sort();
  const lists = sorted.map((word) => {
    const list = postingList(words.get(word)!);
    // Each word's objects are dropped as it is made flat: at 10,000 post-mortems they are millions.
    words.delete(word);
    return list;
  });
  return { sorted, postings: (id) => lists[id]!, fieldNames, lengths, average };
}

/** Where one indexed word occurs in one page, while the documents are indexed. */
interface Posting {
  page: number;
  /** Pairs of (weight ×24, position). */
  locs: number[];
  /** Ids of the metadata fields holding it. */
  fields: number[];
}

function postingList(postings: readonly Posting[]): PostingList {
  const locStarts = new Int32Array(postings.length + 1);
  const fieldStarts = new Int32Array(postings.length + 1);
  postings.forEach((posting, k) => {
    locStarts[k + 1] = locStarts[k]! + posting.locs.length;
    fieldStarts[k + 1] = fieldStarts[k]! + posting.fields.length;
  });
  return {
    pages: Int32Array.from(postings, (posting) => posting.page),
    locStarts,
    locs: Int32Array.from(postings.flatMap((posting) => posting.locs)),
    fieldStarts,
    fields: Int32Array.from(postings.flatMap((posting) => posting.fields)),
  };
}

/** The ids of the indexed words a stemmed term matches: those it begins, else the longest one that begins it. */
function wordExtensions({ sorted }: RankingIndex, term: string): number[] {
  if (!term) return [];
  const found: number[] = [];
  for (let at = lowerBound(sorted, term); at < sorted.length && sorted.at(at)!.startsWith(term); at++) found.push(at);
  if (found.length) return found;
  for (let length = term.length - 1; length > 0; length--) {
    const id = findWord(sorted, term.slice(0, length));
    if (id >= 0) return [id];
  }
  return [];
}

const idfOf = (total: number, containing: number) => Math.log((total - containing + 0.5) / (containing + 0.5) + 1);
/** Pagefind's word_length_bonus: 1 for a word as long as the term, less as they differ. */
const lengthBonus = (word: string, term: string) => Math.exp(Math.exp(-0.5 * (Math.abs(word.length - term.length) + 1) ** 2 / 4) * TERM_SIMILARITY) / Math.exp(TERM_SIMILARITY);
const typedBonus = (typed: string, word: string) => (word === typed || word.startsWith(typed) || typed.startsWith(word) ? 1 + DIACRITIC_SIMILARITY : 1);

/** One matching word in one page (posting `at` of the word's list), for one query term. */
interface Match {
  /** The word's id in the index's sorted words. */
  word: number;
  term: number;
  list: PostingList;
  at: number;
  bonus: number;
  typed: number;
}

/**
 * Per page, how many of the query's terms it holds (terms that match no word are not counted), each term's
 * idf and matching words, and how many terms a page must hold: the pages holding every term are those Pagefind answers.
 */
function holdingPages(index: RankingIndex, extend: (term: string) => number[], terms: ReturnType<typeof pagefindQuery>) {
  const total = index.lengths.length;
  const idfs: number[] = [];
  const extensions: number[][] = [];
  // `marked`: the last term counted, so a page counts once per term.
  const holding = new Int32Array(total);
  const marked = new Int32Array(total);
  let needed = 0;
  terms.forEach((term, at) => {
    const ids = extend(term.stemmed);
    let pages = 0;
    for (const id of ids) {
      const list = index.postings(id).pages;
      for (let k = 0; k < list.length; k++) {
        const page = list[k]!;
        if (marked[page] === at + 1) continue;
        marked[page] = at + 1;
        holding[page]! += 1;
        pages += 1;
      }
    }
    idfs.push(idfOf(total, pages));
    extensions.push(ids);
    if (ids.length) needed += 1;
  });
  return { holding, needed, idfs, extensions };
}

function rankQuery(index: RankingIndex, extend: (term: string) => number[], query: string, scratch: Scratch): Ranked[] {
  const terms = pagefindQuery(query);
  const total = index.lengths.length;
  const { holding, needed, idfs, extensions } = holdingPages(index, extend, terms);
  if (!needed) return [];
  // Only the pages that hold every term are scored, so only their matches are kept (by term, then word, as found).
  const matches: (Match[] | undefined)[] = new Array(total);
  terms.forEach((term, at) => {
    for (const id of extensions[at]!) {
      const word = index.sorted.at(id)!;
      const bonus = lengthBonus(word, term.stemmed);
      const typed = typedBonus(term.original, word);
      const list = index.postings(id);
      for (let k = 0; k < list.pages.length; k++) {
        const page = list.pages[k]!;
        if (holding[page] === needed) (matches[page] ??= []).push({ word: id, term: at, list, at: k, bonus, typed });
      }
    }
  });
  const queryIdf = idfs.reduce((sum, idf) => sum + idf, 0);
  const ranked: Ranked[] = [];
  for (let page = 0; page < total; page++) if (holding[page] === needed) ranked.push({ page, score: pageScore(index, matches[page]!, idfs, queryIdf, page, scratch) });
  return ranked.sort((a, b) => b.score - a.score || a.page - b.page);
}

/** One page's score: BM25 per matching word, then the metadata boost (search.rs, search_term). */
function pageScore(index: RankingIndex, matches: readonly Match[], idfs: readonly number[], queryIdf: number, page: number, scratch: Scratch): number {
  const { words, counts } = weightedCounts(matches, idfs.length, scratch);
  let score = 0;
  for (let w = 0; w < words.length; w++) {
    let found = 0;
    while (matches[found]!.word !== words[w]) found++;
    const match = matches[found]!;
    const tf = (counts[w]! / WEIGHT_SCALE) * match.bonus;
    const bm25 = ((K1 + 1) * tf) / (K1 * (1 - B + B * (index.lengths[page]! / index.average)) + tf);
    score += idfs[match.term]! * bm25 * match.typed;
  }
  // Per metadata field, the query terms it holds (once each, however many of a term's words it holds: measured against Pagefind 1.6).
  const fields: number[] = [];
  const fieldTerms: number[][] = [];
  for (const match of matches) {
    const { fieldStarts, fields: ids } = match.list;
    for (let f = fieldStarts[match.at]!; f < fieldStarts[match.at + 1]!; f++) {
      const field = ids[f]!;
      const at = fields.indexOf(field);
      if (at < 0) {
        fields.push(field);
        fieldTerms.push([match.term]);
      } else if (!fieldTerms[at]!.includes(match.term)) fieldTerms[at]!.push(match.term);
    }
  }
  fields.forEach((field, at) => {
    let held = 0;
    for (const term of fieldTerms[at]!) held += idfs[term]!;
    const coverage = held / queryIdf;
    if (queryIdf > 0) score += (META_WEIGHTS[index.fieldNames[field]!] ?? 1) * held * coverage * coverage;
  });
  return score;
}

/**
 * Room reused from page to page while a query is ranked (thousands of pages; a map per position was most
 * of a warm search's time and garbage): which positions the page has seen (`seen[position] === stamp`),
 * each position's slot, and per slot up to one entry per query term (term, match, weight).
 */
class Scratch {
  seen: Int32Array = new Int32Array(1024);
  slotOf: Int32Array = new Int32Array(1024);
  stamp = 0;
  entries: Int32Array = new Int32Array(1024);
  term: Int32Array = new Int32Array(1024);
  match: Int32Array = new Int32Array(1024);
  weight: Int32Array = new Int32Array(1024);

  /** A fresh page: no position seen. */
  next(): number {
    if (++this.stamp === 0x7fffffff) {
      this.seen.fill(0);
      this.stamp = 1;
    }
    return this.stamp;
  }

  /** Room for `position`, and for `slots` slots of `terms` entries. */
  fit(position: number, slots: number, terms: number): void {
    if (position >= this.seen.length) {
      this.seen = grown(this.seen, position + 1);
      this.slotOf = grown(this.slotOf, position + 1);
    }
    if (slots > this.entries.length) this.entries = grown(this.entries, slots);
    if (slots * terms > this.term.length) {
      this.term = grown(this.term, slots * terms);
      this.match = grown(this.match, slots * terms);
      this.weight = grown(this.weight, slots * terms);
    }
  }
}

function grown(array: Int32Array, size: number): Int32Array {
  const bigger = new Int32Array(Math.max(size, array.length * 2));
  bigger.set(array);
  return bigger;
}

/**
 * Each matching word's weighted count in the page: per position, the lowest
 * weight among the query terms found there (times their number when several
 * terms meet in one compound word), credited to each term's first word.
 * Words in the order they are first credited (positions in the order first
 * seen), which is the order the score adds them up in.
 */
function weightedCounts(matches: readonly Match[], terms: number, scratch: Scratch): { words: number[]; counts: number[] } {
  const stamp = scratch.next();
  let slots = 0;
  for (let m = 0; m < matches.length; m++) {
    const { list, at, term } = matches[m]!;
    const { locs } = list;
    for (let k = list.locStarts[at]!, end = list.locStarts[at + 1]!; k < end; k += 2) {
      const position = locs[k + 1]!;
      scratch.fit(position, slots + 1, terms);
      let slot: number;
      if (scratch.seen[position] !== stamp) {
        scratch.seen[position] = stamp;
        scratch.slotOf[position] = slot = slots++;
        scratch.entries[slot] = 0;
      } else slot = scratch.slotOf[position]!;
      const base = slot * terms;
      const entries = scratch.entries[slot]!;
      let known = false;
      for (let e = 0; e < entries && !known; e++) known = scratch.term[base + e] === term;
      if (known) continue;
      scratch.term[base + entries] = term;
      scratch.match[base + entries] = m;
      scratch.weight[base + entries] = locs[k]!;
      scratch.entries[slot] = entries + 1;
    }
  }
  const words: number[] = [];
  const counts: number[] = [];
  for (let slot = 0; slot < slots; slot++) {
    const base = slot * terms;
    const entries = scratch.entries[slot]!;
    let lowest = Infinity;
    for (let e = 0; e < entries; e++) lowest = Math.min(lowest, scratch.weight[base + e]!);
    const weight = entries > 1 ? Math.min(255, lowest * entries) : lowest;
    for (let e = 0; e < entries; e++) {
      const word = matches[scratch.match[base + e]!]!.word;
      const at = words.indexOf(word);
      if (at < 0) {
        words.push(word);
        counts.push(weight);
      } else counts[at]! += weight;
    }
  }
  return { words, counts };
}
