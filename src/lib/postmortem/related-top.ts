/**
 * The best few related incidents of one page without scoring the archive.
 *
 * A score is 3 per shared service + 2 for the same main category + 0.5 per
 * shared contributing category + 8 × word likeness (Jaccard). Likeness is at most
 * (target words met) / (target words), so a post-mortem met in none of the lists
 * walked so far can score at most: the best service/category profile no walked
 * clause list covers + 0.5 × the most contributing categories + 8 × (target words
 * not walked) / (target words). Lists are walked cheapest first until that bound
 * falls below the current last place; each post-mortem met is scored exactly only
 * when its own bound (its exact services and categories, its words met so far plus
 * every word not walked) reaches the last place. The result is the plain
 * definition's (tests/unit/related.test.ts holds it to scoring everyone).
 */
import type { Postmortem } from './model/model.ts';
import { categoryBits, clauseKey, relatedIndex, type RelatedIndex } from './related-index.ts';
import { jaccard, wordsOf } from './related-words.ts';

/** How much each kind of likeness counts. A shared service weighs most: it is where the next incident will be. */
export const WEIGHTS = { service: 3, category: 2, contributing: 0.5, text: 8 };
/** Text likeness (Jaccard of significant words) from which "Similar wording" is worth saying. */
export const SIMILAR_TEXT = 0.12;
/** Below this score a post-mortem is not worth showing as related. */
export const MIN_SCORE = 1.5;

/** Work done, for tests that hold the search to a bound: list entries read, bounds taken, exact scores. */
export interface RelatedWork {
  postings: number;
  bounded: number;
  scored: number;
}

export interface RankedCandidate {
  at: number;
  score: number;
  date: string;
  likeness: number;
  sameCategory: boolean;
}

/** What a clause list family covers: post-mortems sharing at least `services` of the target's services (and its category). */
interface Shape {
  services: number;
  category: boolean;
}

interface Item {
  lists: readonly (readonly number[])[];
  cost: number;
  word: boolean;
  shape?: Shape;
}

/** Rounding slack on bounds: a bound may only be too high. */
const SLACK = 1e-9;

class Search {
  readonly best: RankedCandidate[] = [];
  readonly pending: number[] = [];
  readonly shapes: Shape[] = [];
  readonly targetWords: Int32Array;
  readonly targetServices: readonly string[];
  /** The target's services by how often it names them, most first: what `s` shared services can count at most. */
  readonly multiplicities: number[];
  readonly knownCategory: number;
  readonly targetBits: number;
  /** How often the target names each service, by service id. */
  readonly serviceCounts: Int32Array;
  unwalkedWords: number;
  walked = 0;
  sharedServices = 0;
  sameCategory = false;

  constructor(
    readonly index: RelatedIndex,
    readonly archive: readonly Postmortem[],
    target: Postmortem,
    readonly limit: number,
    readonly work: RelatedWork,
  ) {
    this.targetWords = wordsOf(target);
    this.unwalkedWords = this.targetWords.length;
    this.targetServices = target.meta.services;
    const counts = new Map<string, number>();
    for (const service of this.targetServices) counts.set(service, (counts.get(service) ?? 0) + 1);
    this.serviceCounts = new Int32Array(index.serviceIds.size);
    for (const [service, count] of counts) {
      const id = index.serviceIds.get(service);
      if (id !== undefined) this.serviceCounts[id] = count;
    }
    this.multiplicities = [...counts.values()].sort((a, b) => b - a);
    this.knownCategory = categoryBits([target.meta.root_cause_category]);
    this.targetBits = categoryBits([target.meta.root_cause_category, ...target.meta.contributing_categories]);
    index.generation += 1;
    // The page itself and any copy under its slug are never candidates: mark them met.
    for (const at of [index.position.get(target) ?? -1, ...(index.bySlug.get(target.slug) ?? [])]) if (at >= 0) index.stamp[at] = index.generation;
  }

  /** The last place to beat, once `limit` are kept. */
  get threshold(): number {
    return this.best.length === this.limit ? this.best[this.limit - 1]!.score : -Infinity;
  }

  walk(item: Item): void {
    const { stamp, hits, generation } = this.index;
    for (const list of item.lists) {
      this.walked += list.length;
      for (const at of list) {
        if (stamp[at] !== generation) {
          stamp[at] = generation;
          hits[at] = 0;
          this.pending.push(at);
        }
        if (item.word) hits[at]! += 1;
      }
    }
    if (item.word) this.unwalkedWords -= 1;
    if (item.shape) this.shapes.push(item.shape);
    this.work.postings += item.lists.reduce((sum, list) => sum + list.length, 0);
  }

  /** The most a post-mortem met in no walked list can score; -Infinity when it cannot be related at all. */
  unmetBound(): number {
    const words = this.targetWords.length;
    const text = words ? WEIGHTS.text * (this.unwalkedWords / words) : 0;
    const rest = WEIGHTS.contributing * this.index.maxContributing + text + SLACK;
    let bound = words && this.unwalkedWords / words >= SIMILAR_TEXT ? rest : -Infinity;
    const categories = this.knownCategory ? [0, 1] : [0];
    for (let shared = 0; shared <= this.multiplicities.length; shared += 1) {
      for (const category of categories) {
        if ((!shared && !category) || this.covered(shared, category === 1)) continue;
        const services = this.multiplicities.slice(0, shared).reduce((sum, count) => sum + count, 0);
        bound = Math.max(bound, WEIGHTS.service * services + WEIGHTS.category * category + rest);
      }
    }
    return bound;
  }

  private covered(shared: number, sameCategory: boolean): boolean {
    return this.shapes.some((shape) => (shape.services ? shared >= shape.services : shape.category) && (!shape.category || sameCategory));
  }

  /** True when nothing left unmet can enter the result. */
  done(): boolean {
    const bound = this.unmetBound();
    return bound < MIN_SCORE || bound < this.threshold;
  }

  /** Scores the pending post-mortems whose bound reaches the last place, best bound first; drops the rest for good (bounds only fall, the last place only rises). */
  settle(): void {
    const { pending } = this;
    const kept: { at: number; bound: number }[] = [];
    for (const at of pending) {
      const bound = this.boundOf(at);
      if (bound >= MIN_SCORE && bound >= this.threshold) kept.push({ at, bound });
    }
    this.work.bounded += pending.length;
    pending.length = 0;
    kept.sort((a, b) => b.bound - a.bound);
    for (const { at, bound } of kept) {
      if (bound < this.threshold) break;
      this.score(at);
    }
  }

  /** Exact services and categories, words met plus every word not yet walked. */
  private boundOf(at: number): number {
    const discrete = this.profile(at);
    const words = this.index.words[at]!.length;
    const most = Math.min(words, this.index.hits[at]! + this.unwalkedWords);
    const likeness = most ? most / (this.targetWords.length + words - most) : 0;
    if (!this.sharedServices && !this.sameCategory && likeness < SIMILAR_TEXT) return -Infinity;
    return discrete + WEIGHTS.text * likeness + SLACK;
  }

  /** The services and categories part of the score; leaves what it found in `sharedServices` and `sameCategory`. */
  private profile(at: number): number {
    let sharedServices = 0;
    const services = this.index.services[at]!;
    for (let i = 0; i < services.length; i += 1) sharedServices += this.serviceCounts[services[i]!]!;
    const sameCategory = this.knownCategory !== 0 && this.index.category[at] === this.knownCategory;
    let contributing = 0;
    for (const bit of this.index.contributingBits[at]!) if (bit & this.targetBits) contributing += 1;
    this.sharedServices = sharedServices;
    this.sameCategory = sameCategory;
    return WEIGHTS.service * sharedServices + (sameCategory ? WEIGHTS.category : 0) + WEIGHTS.contributing * contributing;
  }

  private score(at: number): void {
    this.work.scored += 1;
    const discrete = this.profile(at);
    const { sharedServices, sameCategory } = this;
    const words = this.index.words[at]!;
    const met = this.index.hits[at]!;
    const likeness = this.unwalkedWords ? jaccard(this.targetWords, words) : met ? met / (this.targetWords.length + words.length - met) : 0;
    // Only a shared service, the same cause or similar wording give a reader a reason to look.
    if (!sharedServices && !sameCategory && likeness < SIMILAR_TEXT) return;
    const score = discrete + WEIGHTS.text * likeness;
    if (score < MIN_SCORE) return;
    const candidate = { at, score, date: this.archive[at]!.meta.date, likeness, sameCategory };
    const { best, limit } = this;
    if (best.length === limit && !ranksBefore(candidate, best[limit - 1]!)) return;
    let place = best.length;
    while (place > 0 && ranksBefore(candidate, best[place - 1]!)) place -= 1;
    best.splice(place, 0, candidate);
    if (best.length > limit) best.pop();
  }
}

/** Best first; ties: newest first (dates are `YYYY-MM-DD`, so text order), then archive order. */
function ranksBefore(a: RankedCandidate, b: RankedCandidate): boolean {
  return a.score > b.score || (a.score === b.score && (a.date > b.date || (a.date === b.date && a.at < b.at)));
}

/** The lists a page may walk: each target word's, and each family of clause lists. */
function itemsOf(search: Search): Item[] {
  const { index, targetWords, knownCategory } = search;
  const services = [...new Set(search.targetServices)].sort();
  const pairs = services.flatMap((first, i) => services.slice(i + 1).map((second) => [first, second]));
  const family = (groups: string[][], category: boolean): Item => {
    const lists = groups.map((group) => index.clauses.get(clauseKey(group, category ? knownCategory : 0)) ?? []);
    return { lists, cost: lists.reduce((sum, list) => sum + list.length, 0), word: false, shape: { services: groups[0]!.length, category } };
  };
  const items: Item[] = [...targetWords].map((word) => {
    const list = index.byWord.get(word) ?? [];
    return { lists: [list], cost: list.length, word: true };
  });
  const singles = services.map((service) => [service]);
  for (const category of knownCategory ? [true, false] : [false]) {
    if (pairs.length) items.push(family(pairs, category));
    if (singles.length) items.push(family(singles, category));
  }
  if (knownCategory) items.push(family([[]], true));
  return items.sort((a, b) => a.cost - b.cost);
}

/** Up to `limit` post-mortems most like `target`, best first (ties: newest first, then archive order). */
export function topRelated(target: Postmortem, archive: readonly Postmortem[], limit: number, work: RelatedWork = { postings: 0, bounded: 0, scored: 0 }): RankedCandidate[] {
  const index = relatedIndex(archive);
  const search = new Search(index, archive, target, limit, work);
  search.walk({ lists: [index.wide], cost: index.wide.length, word: false });
  let nextSettle = 64;
  for (const item of itemsOf(search)) {
    if (search.walked >= nextSettle) {
      search.settle();
      nextSettle = 2 * search.walked + 64;
    }
    if (search.done()) break;
    search.walk(item);
  }
  search.settle();
  return search.best;
}
