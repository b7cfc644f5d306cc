/**
 * Related incidents: post-mortems that share a service or a root-cause
 * category with this one, or read alike. Computed at build for each page,
 * so scoring the archive must stay cheap: reasons are only written for the few shown.
 */
import { CATEGORY_IDS, rootCauseCategory } from './model/category.ts';
import type { Postmortem } from './model/model.ts';
import { textWords } from '../search/words.ts';

export interface RelatedIncident {
  postmortem: Postmortem;
  /** Why it is related, for readers: `Also affected redis`, `Same root cause: Data`, `Similar wording`. */
  reasons: string[];
  score: number;
}

/** How much each kind of likeness counts. A shared service weighs most: it is where the next incident will be. */
export const WEIGHTS = { service: 3, category: 2, contributing: 0.5, text: 8 };
/** Text likeness (Jaccard of significant words) from which "Similar wording" is worth saying. */
export const SIMILAR_TEXT = 0.12;
/** Below this score a post-mortem is not worth showing as related. */
export const MIN_SCORE = 1.5;

const STOP_WORDS = new Set(
  'a an and are as at be by for from had has have in into is it its not of on or our that the their then this to was were when which while with after before during over under all any did out too'.split(' '),
);

/** The significant words of a text: lower case, three letters or more, no stop words. */
export function significantWords(text: string): Set<string> {
  return new Set(textWords(text).filter((word) => word.length >= 3 && !STOP_WORDS.has(word)));
}

/** Ids for words, so word sets are sorted integer arrays that compare without allocating. */
const vocabulary = new Map<string, number>();

/** A word set as sorted word ids. */
export function wordIds(words: Iterable<string>): Int32Array {
  const ids = [...words].map((word) => {
    let id = vocabulary.get(word);
    if (id === undefined) vocabulary.set(word, (id = vocabulary.size));
    return id;
  });
  return Int32Array.from(new Set(ids)).sort();
}

/** Jaccard similarity of two word sets (sorted ids), 0 (nothing shared) to 1 (same words). */
export function jaccard(a: Int32Array, b: Int32Array): number {
  if (!a.length || !b.length) return 0;
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      shared += 1;
      i += 1;
      j += 1;
    } else if (a[i]! < b[j]!) i += 1;
    else j += 1;
  }
  return shared / (a.length + b.length - shared);
}

/** Words per post-mortem, computed once: every page of a build compares against the whole archive. */
const wordCache = new WeakMap<Postmortem, Int32Array>();

/** The significant words of a post-mortem (title, summary, root cause, tags) as word ids; also read by learning/repeats.ts. */
export function wordsOf(pm: Postmortem): Int32Array {
  let words = wordCache.get(pm);
  if (!words) {
    words = wordIds(significantWords([pm.meta.title, pm.summary, pm.rootCause ?? '', pm.meta.tags.join(' ')].join(' ')));
    wordCache.set(pm, words);
  }
  return words;
}

/**
 * An archive prepared for scoring: which post-mortems hold each word and each
 * service. Scoring one page then walks the target's words and services instead
 * of comparing it with every other post-mortem's word list, so a build of N
 * pages costs about N × (postings touched), not N² list merges.
 */
interface ArchiveIndex {
  position: Map<Postmortem, number>;
  /** Slug → positions: a page leaves out itself and any copy under its slug. */
  bySlug: Map<string, number[]>;
  wordCounts: Int32Array;
  byWord: Map<number, number[]>;
  byService: Map<string, number[]>;
  /** Per post-mortem: the main category (a bit, 0 for `unknown`), and each contributing category as a bit. */
  category: Int32Array;
  contributingBits: number[][];
  /** Scratch counters, reset after each target. */
  sharedWords: Int32Array;
  sharedServices: Int32Array;
}

const indexes = new WeakMap<readonly Postmortem[], ArchiveIndex>();

function indexOf(archive: readonly Postmortem[]): ArchiveIndex {
  let index = indexes.get(archive);
  if (index) return index;
  index = {
    position: new Map(archive.map((pm, at) => [pm, at])),
    bySlug: new Map(),
    wordCounts: Int32Array.from(archive, (pm) => wordsOf(pm).length),
    byWord: new Map(),
    byService: new Map(),
    category: Int32Array.from(archive, (pm) => categoryBits([pm.meta.root_cause_category])),
    contributingBits: archive.map((pm) => pm.meta.contributing_categories.map((category) => categoryBits([category]))),
    sharedWords: new Int32Array(archive.length),
    sharedServices: new Int32Array(archive.length),
  };
  archive.forEach((pm, at) => {
    for (const word of wordsOf(pm)) append(index!.byWord, word, at);
    for (const service of new Set(pm.meta.services)) append(index!.byService, service, at);
    append(index!.bySlug, pm.slug, at);
  });
  indexes.set(archive, index);
  return index;
}

function append<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Best first; ties: newest first. Dates are `YYYY-MM-DD`, so comparing the text
 * orders them (the loop below asks this for every candidate of every page).
 */
function ranksBefore(score: number, date: string, than: { score: number; date: string }): boolean {
  return score > than.score || (score === than.score && date > than.date);
}

/**
 * Up to `limit` post-mortems most like `target`, best first (ties: newest
 * first, then archive order). Shared services, the same main category,
 * overlapping contributing categories and similar wording (Jaccard of
 * significant words) each add to the score.
 */
export function relatedIncidents(target: Postmortem, archive: readonly Postmortem[], limit = 4): RelatedIncident[] {
  if (limit <= 0) return [];
  const index = indexOf(archive);
  const targetWords = wordsOf(target);
  const targetServices = target.meta.services;
  const { sharedWords, sharedServices } = index;
  for (const word of targetWords) for (const at of index.byWord.get(word) ?? []) sharedWords[at]! += 1;
  for (const service of targetServices) for (const at of index.byService.get(service) ?? []) sharedServices[at]! += 1;
  const targetBits = categoryBits([target.meta.root_cause_category, ...target.meta.contributing_categories]);
  // Two drafts that both say `unknown` share ignorance, not a cause: `unknown` has no bit, so it matches nothing.
  const knownCategory = categoryBits([target.meta.root_cause_category]);
  const self = index.position.get(target) ?? -1;
  const sameSlug = index.bySlug.get(target.slug) ?? [];

  // The best `limit` so far, kept in order; a candidate goes after those it does not beat, as a stable sort would put it.
  const best: { score: number; date: string; postmortem: Postmortem; likeness: number; sameCategory: boolean }[] = [];
  for (let at = 0; at < archive.length; at += 1) {
    const pm = archive[at]!;
    if (at === self || (sameSlug.length && sameSlug.includes(at))) continue;
    const shared = sharedWords[at]!;
    const likeness = shared && targetWords.length ? shared / (targetWords.length + index.wordCounts[at]! - shared) : 0;
    const sameCategory = knownCategory !== 0 && index.category[at] === knownCategory;
    // Only a shared service, the same cause or similar wording give a reader a reason to look.
    if (!sharedServices[at] && !sameCategory && likeness < SIMILAR_TEXT) continue;
    const score =
      WEIGHTS.service * sharedServices[at]! +
      (sameCategory ? WEIGHTS.category : 0) +
      WEIGHTS.contributing * sharedCategories(index.contributingBits[at]!, targetBits) +
      WEIGHTS.text * likeness;
    if (score < MIN_SCORE) continue;
    const date = pm.meta.date;
    if (best.length === limit && !ranksBefore(score, date, best[best.length - 1]!)) continue;
    let place = best.length;
    while (place > 0 && ranksBefore(score, date, best[place - 1]!)) place -= 1;
    best.splice(place, 0, { score, date, postmortem: pm, likeness, sameCategory });
    if (best.length > limit) best.pop();
  }
  sharedWords.fill(0);
  sharedServices.fill(0);

  return best.map(({ score, postmortem: pm, likeness, sameCategory }) => {
    const reasons: string[] = [];
    const services = targetServices.filter((service) => pm.meta.services.includes(service));
    if (services.length) reasons.push(`Also affected ${services.join(', ')}`);
    if (sameCategory) reasons.push(`Same root cause: ${rootCauseCategory(pm.meta.root_cause_category).label}`);
    if (likeness >= SIMILAR_TEXT) reasons.push('Similar wording');
    return { postmortem: pm, reasons, score };
  });
}

/** A bit per root-cause category in `categories` (`unknown` has none). */
function categoryBits(categories: readonly string[]): number {
  let bits = 0;
  for (const category of categories) {
    const at = (CATEGORY_IDS as readonly string[]).indexOf(category);
    if (at >= 0) bits |= 1 << at;
  }
  return bits;
}

/** How many of a post-mortem's contributing categories (as bits) are among `targetBits`. */
function sharedCategories(contributing: readonly number[], targetBits: number): number {
  let count = 0;
  for (const bit of contributing) if (bit & targetBits) count += 1;
  return count;
}
