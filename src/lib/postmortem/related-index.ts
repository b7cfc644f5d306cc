/**
 * An archive prepared for related incidents, once per archive: which post-mortems
 * hold each word, and "clause" lists (a service, a service with a main category,
 * a pair of services, a pair with a category, a category), so a page finds the
 * post-mortems that could score high by walking short lists instead of the archive.
 */
import { CATEGORY_IDS } from './model/category.ts';
import type { Postmortem } from './model/model.ts';
import { wordsOf } from './related-words.ts';

/** A post-mortem with more services than this is not listed under its pairs (n² keys) but is a candidate of every page. */
export const MAX_PAIRED_SERVICES = 8;

export interface RelatedIndex {
  position: Map<Postmortem, number>;
  /** Slug → positions: a page leaves out itself and any copy under its slug. */
  bySlug: Map<string, number[]>;
  words: Int32Array[];
  byWord: Map<number, number[]>;
  clauses: Map<string, number[]>;
  /** Post-mortems not listed under their service pairs (more than MAX_PAIRED_SERVICES services). */
  wide: number[];
  /** Per post-mortem: its distinct services as ids of `serviceIds`. */
  services: Int32Array[];
  serviceIds: Map<string, number>;
  /** Per post-mortem: the main category as a bit (0 for `unknown`), and each contributing category as a bit. */
  category: Int32Array;
  contributingBits: number[][];
  /** The most contributing categories any post-mortem lists: what `contributing` can add at most. */
  maxContributing: number;
  /** Scratch per page: `stamp[at] === generation` when `at` was met, `hits[at]` its target words met so far. */
  stamp: Int32Array;
  hits: Int32Array;
  generation: number;
}

/** The key of a clause list: services sorted, then the category bit (or none). */
export function clauseKey(services: readonly string[], category: number): string {
  return `${services.join('\u0000')}\u0001${category}`;
}

const indexes = new WeakMap<readonly Postmortem[], RelatedIndex>();

/** The index of `archive`, built on first use and kept while the archive is. */
export function relatedIndex(archive: readonly Postmortem[]): RelatedIndex {
  let index = indexes.get(archive);
  if (index) return index;
  index = {
    position: new Map(archive.map((pm, at) => [pm, at])),
    bySlug: new Map(),
    words: archive.map(wordsOf),
    byWord: new Map(),
    clauses: new Map(),
    wide: [],
    services: [],
    serviceIds: new Map(),
    category: Int32Array.from(archive, (pm) => categoryBits([pm.meta.root_cause_category])),
    contributingBits: archive.map((pm) => pm.meta.contributing_categories.map((category) => categoryBits([category]))),
    maxContributing: Math.max(0, ...archive.map((pm) => pm.meta.contributing_categories.length)),
    stamp: new Int32Array(archive.length),
    hits: new Int32Array(archive.length),
    generation: 0,
  };
  for (const pm of archive) index.services.push(Int32Array.from(new Set(pm.meta.services), (service) => serviceId(index!, service)));
  for (let at = 0; at < archive.length; at += 1) listPostmortem(index, archive[at]!, at);
  indexes.set(archive, index);
  return index;
}

function listPostmortem(index: RelatedIndex, pm: Postmortem, at: number): void {
  for (const word of index.words[at]!) append(index.byWord, word, at);
  append(index.bySlug, pm.slug, at);
  const category = index.category[at]!;
  const services = [...new Set(pm.meta.services)].sort();
  const keys = category ? [clauseKey([], category)] : [];
  for (const service of services) keys.push(...withCategory([service], category));
  if (services.length > MAX_PAIRED_SERVICES) index.wide.push(at);
  else for (let i = 0; i < services.length; i += 1) for (let j = i + 1; j < services.length; j += 1) keys.push(...withCategory([services[i]!, services[j]!], category));
  for (const key of keys) append(index.clauses, key, at);
}

/** A clause without a category, and with this post-mortem's category when it has one. */
function withCategory(services: string[], category: number): string[] {
  return category ? [clauseKey(services, 0), clauseKey(services, category)] : [clauseKey(services, 0)];
}

function serviceId(index: RelatedIndex, service: string): number {
  let id = index.serviceIds.get(service);
  if (id === undefined) index.serviceIds.set(service, (id = index.serviceIds.size));
  return id;
}

function append<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A bit per root-cause category in `categories` (`unknown` has none). */
export function categoryBits(categories: readonly string[]): number {
  let bits = 0;
  for (const category of categories) {
    const at = (CATEGORY_IDS as readonly string[]).indexOf(category);
    if (at >= 0) bits |= 1 << at;
  }
  return bits;
}
