/**
 * Repeats: incidents that happened before. An incident is a repeat of an
 * earlier one when its post-mortem says so (`recurrence_of`), or when both hit
 * the same services (at least half of those named) with the same root-cause category, or when they read
 * alike (the related-incidents word index, at a higher bar). Drafts are left
 * out on both sides.
 */
import { rootCauseCategory, UNKNOWN_CATEGORY } from '../category.ts';
import type { Postmortem } from '../model.ts';
import { jaccard, wordsOf } from '../related.ts';
import { addToBucket } from './candidate-buckets.ts';
import { similarSets } from './similar-wording.ts';
import { chronological, firstOfTheDay, happenedBeforeIn, refOf, reviewedIncidents, type IncidentRef } from './timing.ts';

/** Word likeness (Jaccard of significant words) from which two post-mortems are taken to describe the same failure. */
export const REPEAT_SIMILARITY = 0.3;
/**
 * How much two incidents' service lists must overlap (shared / all named) to
 * be "on the same service": at least half, so a service that appears in
 * many incidents (a web app, a database) does not make every pair a repeat.
 */
export const SAME_SERVICES = 0.5;

/** Shared services, and the share they make of all services the two name. */
export function serviceOverlap(a: readonly string[], b: readonly string[]): { shared: string[]; share: number } {
  return { shared: [...new Set(a)].filter((service) => b.includes(service)), share: serviceShare(a, b) };
}

/** The share of {@link serviceOverlap}, without building sets: it is asked for every candidate pair, and lists are a few services long. */
function serviceShare(a: readonly string[], b: readonly string[]): number {
  let shared = 0;
  let all = 0;
  a.forEach((service, at) => {
    if (a.indexOf(service) !== at) return;
    all++;
    if (b.includes(service)) shared++;
  });
  b.forEach((service, at) => {
    if (b.indexOf(service) === at && !a.includes(service)) all++;
  });
  return all ? shared / all : 0;
}

export interface RepeatLink extends IncidentRef {
  /** Named in `recurrence_of`, rather than found. */
  declared: boolean;
  /** Why: `Declared in recurrence_of`, `Same service and root cause: ingest-worker, Infrastructure`, `Similar wording (34%)`. */
  reasons: string[];
}

export interface RepeatInfo {
  /** The nearest earlier incidents this one repeats (declared ones always, then the latest, up to {@link LINKS_KEPT}), oldest first. */
  repeatOf: RepeatLink[];
  /** The nearest later incidents that repeat this one (declared ones always, then the first, up to {@link LINKS_KEPT}), oldest first. */
  happenedAgain: RepeatLink[];
  /** How many earlier incidents this one repeats in all (at least `repeatOf.length`). */
  repeatOfCount: number;
  /** How many later incidents repeat this one in all. */
  happenedAgainCount: number;
}

/**
 * Links kept per list. An archive of thousands holds incidents that match
 * hundreds of others (a busy service, a common category); every count stays
 * exact, but only the nearest links are kept, so pages and the JSON do not grow with N².
 */
export const LINKS_KEPT = 5;

const EMPTY: RepeatInfo = { repeatOf: [], happenedAgain: [], repeatOfCount: 0, happenedAgainCount: 0 };
const cache = new WeakMap<readonly Postmortem[], Map<string, RepeatInfo>>();

/** Why `later` repeats `earlier`, or an empty list when it does not. */
export function repeatReasons(later: Postmortem, earlier: Postmortem): string[] {
  const reasons: string[] = [];
  if ((later.meta.recurrence_of ?? []).includes(earlier.slug)) reasons.push('Declared in recurrence_of');
  const category = later.meta.root_cause_category;
  const services = serviceOverlap(later.meta.services, earlier.meta.services);
  if (services.share >= SAME_SERVICES && category !== UNKNOWN_CATEGORY.id && category === earlier.meta.root_cause_category) {
    reasons.push(`Same service and root cause: ${services.shared.join(', ')}, ${rootCauseCategory(category).label}`);
  }
  const likeness = jaccard(wordsOf(later), wordsOf(earlier));
  if (likeness >= REPEAT_SIMILARITY) reasons.push(`Similar wording (${Math.round(likeness * 100)}%)`);
  return reasons;
}

/**
 * Every earlier incident (index into `ordered`) that `ordered[at]` repeats, in no
 * particular order, each stamped in `repeats`; found through candidates instead
 * of every pair: declared slugs, incidents sharing a service and the category,
 * and incidents whose words are alike (found once for the archive by
 * {@link similarSets}). The same decision as {@link repeatReasons}.
 */
function repeatedBy(ordered: readonly Postmortem[], at: number, candidates: RepeatCandidates): number[] {
  const later = ordered[at]!;
  const { met, repeats } = candidates;
  const found: number[] = [];
  // Stamps (`met[earlier] === at`) instead of a set per incident.
  const add = (earlier: number) => {
    met[earlier] = at;
    if (!happenedBeforeIn(ordered, candidates.firstOfDay, earlier, at)) return;
    repeats[earlier] = at;
    found.push(earlier);
  };
  for (const slug of later.meta.recurrence_of ?? []) {
    const earlier = candidates.position.get(slug);
    if (earlier !== undefined && earlier < at && met[earlier] !== at) add(earlier);
  }
  const category = later.meta.root_cause_category;
  if (category !== UNKNOWN_CATEGORY.id) {
    for (const service of new Set(later.meta.services)) {
      for (const earlier of candidates.byServiceAndCategory.get(`${category}\u0000${service}`) ?? []) {
        if (met[earlier] !== at && serviceShare(later.meta.services, ordered[earlier]!.meta.services) >= SAME_SERVICES) add(earlier);
      }
    }
  }
  for (const earlier of candidates.similarWording[at]!) if (met[earlier] !== at) add(earlier);
  return found;
}

interface RepeatCandidates {
  position: Map<string, number>;
  firstOfDay: Int32Array;
  /** `category\0service` → earlier incidents, filled as the scan moves forward. */
  byServiceAndCategory: Map<string, number[]>;
  /** Per incident, the earlier ones whose words are alike ({@link REPEAT_SIMILARITY}). */
  similarWording: Int32Array[];
  /** Per earlier incident, the last incident that met it as a candidate. */
  met: Int32Array;
  /** Per earlier incident, the last incident that repeats it. */
  repeats: Int32Array;
}

function linkOf(later: Postmortem, earlier: Postmortem, ref: Postmortem): RepeatLink {
  const reasons = repeatReasons(later, earlier);
  return { ...refOf(ref), declared: reasons[0] === 'Declared in recurrence_of', reasons };
}

/**
 * The earlier incidents `ordered[at]` repeats that its lists keep: declared ones,
 * then the latest others, up to {@link LINKS_KEPT} in all; oldest first. Read
 * backwards from the nearest, stopping once there is no room or all `found` are passed.
 */
function nearestEarlier(ordered: readonly Postmortem[], candidates: RepeatCandidates, at: number, found: number): number[] {
  const declaredSlugs = new Set(ordered[at]!.meta.recurrence_of ?? []);
  const declared = [...declaredSlugs].map((slug) => candidates.position.get(slug)).filter((earlier) => earlier !== undefined && candidates.repeats[earlier] === at) as number[];
  const kept = [...declared];
  const room = Math.max(LINKS_KEPT - declared.length, 0);
  for (let earlier = at - 1, left = found, others = 0; earlier >= 0 && left > 0 && others < room; earlier--) {
    if (candidates.repeats[earlier] !== at) continue;
    left--;
    if (declaredSlugs.has(ordered[earlier]!.slug)) continue;
    kept.push(earlier);
    others++;
  }
  return kept.sort((a, b) => a - b);
}

/** Repeats for every reviewed post-mortem, by slug; computed once per archive. */
export function repeatIndex(postmortems: readonly Postmortem[]): Map<string, RepeatInfo> {
  const cached = cache.get(postmortems);
  if (cached) return cached;
  const ordered = chronological(reviewedIncidents(postmortems));
  const infos: RepeatInfo[] = ordered.map(() => ({ repeatOf: [], happenedAgain: [], repeatOfCount: 0, happenedAgainCount: 0 }));
  const candidates: RepeatCandidates = {
    position: new Map(ordered.map((pm, at) => [pm.slug, at])),
    firstOfDay: firstOfTheDay(ordered),
    byServiceAndCategory: new Map(),
    similarWording: similarSets(ordered.map(wordsOf), REPEAT_SIMILARITY),
    met: new Int32Array(ordered.length).fill(-1),
    repeats: new Int32Array(ordered.length).fill(-1),
  };
  ordered.forEach((later, at) => {
    const earlierOnes = repeatedBy(ordered, at, candidates);
    const declared = new Set(later.meta.recurrence_of ?? []);
    const isDeclared = (earlier: number) => declared.size > 0 && declared.has(ordered[earlier]!.slug);
    infos[at]!.repeatOfCount = earlierOnes.length;
    infos[at]!.repeatOf = nearestEarlier(ordered, candidates, at, earlierOnes.length).map((earlier) =>
      linkOf(later, ordered[earlier]!, ordered[earlier]!),
    );
    // Later incidents arrive in order, so the first ones kept are the nearest: declared ones always, others while there is room.
    for (const earlier of earlierOnes) {
      const again = infos[earlier]!;
      again.happenedAgainCount++;
      if (again.happenedAgain.length < LINKS_KEPT || isDeclared(earlier)) again.happenedAgain.push(linkOf(later, ordered[earlier]!, later));
    }
    if (later.meta.root_cause_category !== UNKNOWN_CATEGORY.id) {
      for (const service of new Set(later.meta.services)) addToBucket(candidates.byServiceAndCategory, `${later.meta.root_cause_category}\u0000${service}`, at);
    }
  });
  const index = new Map(ordered.map((pm, at) => [pm.slug, infos[at]!]));
  cache.set(postmortems, index);
  return index;
}
/** The repeats of one post-mortem (none for a draft). */
export function repeatsOf(pm: Postmortem, postmortems: readonly Postmortem[]): RepeatInfo {
  return repeatIndex(postmortems).get(pm.slug) ?? EMPTY;
}

/** True when the post-mortem repeats an earlier incident. */
export function isRepeat(pm: Postmortem, postmortems: readonly Postmortem[]): boolean {
  return repeatsOf(pm, postmortems).repeatOfCount > 0;
}
