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
import { chronological, happenedBefore, refOf, reviewedIncidents, type IncidentRef } from './timing.ts';

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
  const shared = [...new Set(a)].filter((service) => b.includes(service));
  const all = new Set([...a, ...b]).size;
  return { shared, share: all ? shared.length / all : 0 };
}

export interface RepeatLink extends IncidentRef {
  /** Named in `recurrence_of`, rather than found. */
  declared: boolean;
  /** Why: `Declared in recurrence_of`, `Same service and root cause: ingest-worker, Infrastructure`, `Similar wording (34%)`. */
  reasons: string[];
}

export interface RepeatInfo {
  /** Earlier incidents this one repeats, oldest first. */
  repeatOf: RepeatLink[];
  /** Later incidents that repeat this one, oldest first. */
  happenedAgain: RepeatLink[];
}

const EMPTY: RepeatInfo = { repeatOf: [], happenedAgain: [] };
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

/** Repeats for every reviewed post-mortem, by slug; computed once per archive. */
export function repeatIndex(postmortems: readonly Postmortem[]): Map<string, RepeatInfo> {
  const cached = cache.get(postmortems);
  if (cached) return cached;
  const ordered = chronological(reviewedIncidents(postmortems));
  const index = new Map<string, RepeatInfo>(ordered.map((pm) => [pm.slug, { repeatOf: [], happenedAgain: [] }]));
  ordered.forEach((later, at) => {
    for (const earlier of ordered.slice(0, at)) {
      if (!happenedBefore(earlier, later)) continue;
      const reasons = repeatReasons(later, earlier);
      if (!reasons.length) continue;
      const declared = reasons[0] === 'Declared in recurrence_of';
      index.get(later.slug)!.repeatOf.push({ ...refOf(earlier), declared, reasons });
      index.get(earlier.slug)!.happenedAgain.push({ ...refOf(later), declared, reasons });
    }
  });
  cache.set(postmortems, index);
  return index;
}

/** The repeats of one post-mortem (none for a draft). */
export function repeatsOf(pm: Postmortem, postmortems: readonly Postmortem[]): RepeatInfo {
  return repeatIndex(postmortems).get(pm.slug) ?? EMPTY;
}

/** True when the post-mortem repeats an earlier incident. */
export function isRepeat(pm: Postmortem, postmortems: readonly Postmortem[]): boolean {
  return repeatsOf(pm, postmortems).repeatOf.length > 0;
}
