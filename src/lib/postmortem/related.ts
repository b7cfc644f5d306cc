/**
 * Related incidents: post-mortems that share a service or a root-cause
 * category with this one, or read alike. Computed at build for each page.
 */
import { rootCauseCategory, UNKNOWN_CATEGORY } from './category.ts';
import type { Postmortem } from './model.ts';

export interface RelatedIncident {
  postmortem: Postmortem;
  /** Why it is related, for readers: `Also affected redis`, `Same root cause: Data`, `Similar wording`. */
  reasons: string[];
  score: number;
}

/** How much each kind of likeness counts. A shared service weighs most: it is where the next incident will be. */
const WEIGHTS = { service: 3, category: 2, contributing: 0.5, text: 8 };
/** Text likeness (Jaccard of significant words) from which "Similar wording" is worth saying. */
export const SIMILAR_TEXT = 0.12;
/** Below this score a post-mortem is not worth showing as related. */
const MIN_SCORE = 1.5;

const STOP_WORDS = new Set(
  'a an and are as at be by for from had has have in into is it its not of on or our that the their then this to was were when which while with after before during over under all any did out too'.split(' '),
);

/** The significant words of a text: lower case, three letters or more, no stop words. */
export function significantWords(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word.length >= 3 && !STOP_WORDS.has(word)),
  );
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

function wordsOf(pm: Postmortem): Int32Array {
  let words = wordCache.get(pm);
  if (!words) {
    words = wordIds(significantWords([pm.meta.title, pm.summary, pm.rootCause ?? '', pm.meta.tags.join(' ')].join(' ')));
    wordCache.set(pm, words);
  }
  return words;
}

/**
 * Up to `limit` post-mortems most like `target`, best first (ties: newest
 * first). Shared services, the same main category, overlapping contributing
 * categories and similar wording each add to the score.
 */
export function relatedIncidents(target: Postmortem, archive: readonly Postmortem[], limit = 4): RelatedIncident[] {
  const targetWords = wordsOf(target);
  const targetCategories = new Set([target.meta.root_cause_category, ...target.meta.contributing_categories]);
  return archive
    .filter((pm) => pm.slug !== target.slug)
    .map((pm) => {
      const reasons: string[] = [];
      let score = 0;
      const sharedServices = target.meta.services.filter((service) => pm.meta.services.includes(service));
      if (sharedServices.length) {
        score += WEIGHTS.service * sharedServices.length;
        reasons.push(`Also affected ${sharedServices.join(', ')}`);
      }
      // Two drafts that both say `unknown` share ignorance, not a cause.
      if (pm.meta.root_cause_category === target.meta.root_cause_category && pm.meta.root_cause_category !== UNKNOWN_CATEGORY.id) {
        score += WEIGHTS.category;
        reasons.push(`Same root cause: ${rootCauseCategory(pm.meta.root_cause_category).label}`);
      }
      score += WEIGHTS.contributing * pm.meta.contributing_categories.filter((category) => targetCategories.has(category)).length;
      const likeness = jaccard(targetWords, wordsOf(pm));
      score += WEIGHTS.text * likeness;
      if (likeness >= SIMILAR_TEXT) reasons.push('Similar wording');
      return { postmortem: pm, reasons, score };
    })
    .filter((related) => related.score >= MIN_SCORE && related.reasons.length > 0)
    .sort((a, b) => b.score - a.score || b.postmortem.meta.date.localeCompare(a.postmortem.meta.date))
    .slice(0, limit);
}
