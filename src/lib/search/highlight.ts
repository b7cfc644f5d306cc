/**
 * What to mark in a search result. Fuse's own match indices mark every
 * scattered letter a fuzzy match touched ("re" in "shared" for "redis"),
 * which reads as noise; this marks whole words instead: each occurrence of
 * a query word, or, when it does not occur, the words within a typo of it.
 * Browser-safe.
 */
import { WORD } from './words.ts';

export { WORD };

/** A range to mark: start inclusive, end exclusive. */
export type Range = [start: number, end: number];

/** Typos forgiven for a query word of this length: none for short words, one up to 6 letters, then two. */
export function allowedEdits(length: number): number {
  if (length <= 3) return 0;
  return length <= 6 ? 1 : 2;
}

/** Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of neighbours each cost one. */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * Compound tokens: words joined by `-`, `_`, `.`, `/` or `:` with no space,
 * such as a ticket id (`OPS-1676`), an owner handle (`@platform-team`, the
 * `@` is not part of it), a severity (`SEV-1`) or a service name. Search
 * keeps them whole as well as in parts, so `SEV-1` finds SEV-1 incidents
 * instead of every incident that has a "sev" and a "1".
 */
const COMPOUND = /[\p{L}\p{N}]+(?:[-_./:][\p{L}\p{N}]+)+/gu;
const JOINER = /[-_./:]/;
const DIGIT = /\p{N}/u;

/** Whether a query term is a compound token (`ops-1676`) rather than a plain word. */
export function isCompound(term: string): boolean {
  return JOINER.test(term);
}

/**
 * What to look for when no text holds a compound term whole: its words of two
 * letters or more (`redis-session` → `redis`, `session`). Ids with a digit
 * have none: `SEV-1` must not fall back to every "sev", nor `OPS-9999` to every "ops".
 */
export function termParts(term: string): string[] {
  if (DIGIT.test(term)) return [];
  return (term.match(WORD) ?? []).filter((part) => part.length >= 2);
}

/** The words search indexes for a text, lower-cased: every plain word and every compound token, whole. */
export function indexWords(text: string): string[] {
  const lower = text.toLowerCase();
  const words = lower.match(WORD) ?? [];
  const compounds = lower.match(COMPOUND);
  return compounds ? [...words, ...compounds] : words;
}

/**
 * The terms of a query, lower-cased, deduplicated: compound tokens whole
 * (`OPS-1676`, `@platform-team`), other words alone; one-letter words are
 * dropped unless nothing else is left.
 */
export function queryTerms(query: string): string[] {
  const lower = query.toLowerCase();
  const compounds = lower.match(COMPOUND) ?? [];
  const rest = compounds.length ? lower.replace(COMPOUND, ' ') : lower;
  const all = [...new Set([...compounds, ...(rest.match(WORD) ?? [])])];
  const long = all.filter((term) => term.length >= 2);
  return long.length ? long : all;
}

// Reused rows for nearEdits: it runs against every word of the vocabulary on a keystroke.
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/**
 * How many typos separate `word` from `term` when it is "near": the whole
 * word, or its beginning for longer words ("certficate" ~ "certificates"),
 * within {@link allowedEdits} (none for a term with a digit); -1 when it is not. Beginnings shorter than the
 * term are not tried: "reis" is one edit from "redis", but "reissued" is not
 * what anyone searching "redis" meant. One optimal-string-alignment table
 * gives the whole word and every beginning at once.
 */
export function nearEdits(term: string, word: string): number {
  // Ids and numbers are exact: `SEV-2` is not a typo of `SEV-1`, nor `OPS-1677` of `OPS-1676`.
  const edits = DIGIT.test(term) ? 0 : allowedEdits(term.length);
  const m = term.length;
  if (!edits || word.length < m - edits) return -1;
  const n = Math.min(word.length, m + edits);
  if (n + 1 > rowA.length) [rowA, rowB, rowC] = [new Int32Array(n + 1), new Int32Array(n + 1), new Int32Array(n + 1)];
  // rowC: i - 2, rowB: i - 1, rowA: i.
  let twoBack = rowC;
  let previous = rowB;
  let current = rowA;
  for (let j = 0; j <= n; j++) previous[j] = j;
  let previousMin = 0;
  for (let i = 1; i <= m; i++) {
    current[0] = i;
    let rowMin = i;
    const a = term.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const b = word.charCodeAt(j - 1);
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a === b ? 0 : 1));
      if (i > 1 && j > 1 && a === word.charCodeAt(j - 2) && term.charCodeAt(i - 2) === b) best = Math.min(best, twoBack[j - 2]! + 1);
      current[j] = best;
      if (best < rowMin) rowMin = best;
    }
    // Two rows past the budget: no later cell can come back under it.
    if (rowMin > edits && previousMin > edits) return -1;
    previousMin = rowMin;
    [twoBack, previous, current] = [previous, current, twoBack];
  }
  // `previous` now holds the last row: the distance from the term to each beginning of the word.
  let found = word.length <= m + edits && previous[word.length]! <= edits ? previous[word.length]! : -1;
  for (let j = m; j <= Math.min(word.length - 1, m + edits); j++) {
    const distance = previous[j]!;
    if (distance <= edits && (found === -1 || distance < found)) found = distance;
  }
  return found;
}

/** Ranges of `text` to mark for `query`, sorted and merged. */
export function highlightRanges(text: string, query: string): Range[] {
  return highlighter(query)(text);
}

/**
 * {@link highlightRanges} for one query over many texts (a result's every section): the query's terms are
 * read once, and whether a word is near a term is remembered, since the same words recur from text to text.
 */
export function highlighter(query: string): (text: string) => Range[] {
  const terms = queryTerms(query).filter((term) => term.length >= 2);
  const near = new Map<string, Map<string, boolean>>();
  const isNear = (term: string, word: string): boolean => {
    let known = near.get(term);
    if (!known) near.set(term, (known = new Map()));
    let answer = known.get(word);
    if (answer === undefined) known.set(word, (answer = nearEdits(term, word) >= 0));
    return answer;
  };
  // nearEdits answers -1 for a word shorter than the term less its typos: only longer words are read, and
  // the regular expression skips the rest (most of a text's words are short) without making them strings.
  const forgiven = [...terms, ...terms.flatMap(termParts)].filter((term) => allowedEdits(term.length) > 0);
  const shortest = forgiven.length ? Math.min(...forgiven.map((term) => term.length - allowedEdits(term.length))) : 1;
  // WORD with a least length, in code points: a word of `shortest` UTF-16 units has at least half as many.
  const longWord = new RegExp(WORD.source.replace(/\+$/, `{${Math.max(1, Math.ceil(shortest / 2))},}`), WORD.flags);
  return (text) => {
    const lower = text.toLowerCase();
    const ranges: Range[] = [];
    let words: string[] | undefined;
    let starts: number[] | undefined;
    const mark = (term: string): boolean => {
      let found = false;
      for (let at = lower.indexOf(term); at !== -1; at = lower.indexOf(term, at + term.length)) {
        ranges.push([at, at + term.length]);
        found = true;
      }
      if (found || !allowedEdits(term.length)) return found;
      if (!words || !starts) {
        words = [];
        starts = [];
        longWord.lastIndex = 0;
        for (let match = longWord.exec(lower); match; match = longWord.exec(lower)) {
          if (match[0].length < shortest) continue;
          words.push(match[0]);
          starts.push(match.index);
        }
      }
      for (let w = 0; w < words.length; w++) {
        if (!isNear(term, words[w]!)) continue;
        ranges.push([starts[w]!, starts[w]! + words[w]!.length]);
        found = true;
      }
      return found;
    };
    for (const term of terms) {
      // A compound the text does not hold is looked for by its parts, as search does.
      if (!mark(term) && isCompound(term)) for (const part of termParts(term)) mark(part);
    }
    return mergeRanges(ranges);
  };
}

/** `ranges` in text order, overlapping or touching ones joined (sorts `ranges` in place). */
export function mergeRanges(ranges: Range[]): Range[] {
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Range[] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

/**
 * A window of `text` around its first range, at most `width` characters, on
 * word boundaries where possible, with the ranges shifted to match.
 */
export function snippet(text: string, ranges: readonly Range[], width = 140): { text: string; ranges: Range[] } {
  if (text.length <= width || !ranges.length) return { text, ranges: [...ranges] };
  let start = Math.max(0, ranges[0]![0] - Math.floor(width / 3));
  const space = text.lastIndexOf(' ', start);
  if (start > 0 && space > start - 20) start = space + 1;
  const end = Math.min(text.length, start + width);
  const prefix = start > 0 ? '…' : '';
  const suffix = end < text.length ? '…' : '';
  const shift = prefix.length - start;
  return {
    text: `${prefix}${text.slice(start, end)}${suffix}`,
    ranges: ranges.filter(([from, to]) => from >= start && to <= end).map(([from, to]) => [from + shift, to + shift]),
  };
}
