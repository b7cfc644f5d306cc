/**
 * The words related incidents compare: significant words as sorted integer ids,
 * so two word sets compare without allocating. Also read by learning/ (repeats, wording).
 */
import type { Postmortem } from './model/model.ts';
import { textWords } from '../search/words.ts';

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

/** The significant words of a post-mortem (title, summary, root cause, tags) as word ids. */
export function wordsOf(pm: Postmortem): Int32Array {
  let words = wordCache.get(pm);
  if (!words) {
    words = wordIds(significantWords([pm.meta.title, pm.summary, pm.rootCause ?? '', pm.meta.tags.join(' ')].join(' ')));
    wordCache.set(pm, words);
  }
  return words;
}
