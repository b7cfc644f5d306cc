/**
 * "Might have been prevented": for each incident, the action items of earlier
 * incidents on the same service or with the same root-cause category that
 * were still open when it started. Only items whose closing is known count:
 * one closed without a date is left out either way. Drafts are left out on
 * both sides.
 */
import { rootCauseCategory, UNKNOWN_CATEGORY } from '../category.ts';
import type { Postmortem } from '../model.ts';
import type { ActionItem } from '../schema/action-item.ts';
import { addToBucket } from './candidate-buckets.ts';
import { chronological, firstOfTheDay, happenedBeforeIn, refOf, reviewedIncidents, wasOpenOn, type IncidentRef } from './timing.ts';

export interface OpenFollowUp {
  item: ActionItem;
  /** The earlier post-mortem the item belongs to. */
  source: IncidentRef;
  /** Why it is relevant: `Same service: redis`, `Same root cause: Configuration`. */
  reasons: string[];
}

export interface LaterIncident {
  item: ActionItem;
  /** The later incident that happened while the item was open. */
  incident: IncidentRef;
}

export interface PreventionInfo {
  /** Follow-ups of earlier, related incidents still open when this one started: the latest {@link FOLLOW_UPS_KEPT}, oldest first. */
  openAtTheTime: OpenFollowUp[];
  /** This post-mortem's items still open when a later related incident happened: the first {@link FOLLOW_UPS_KEPT}, oldest first. */
  stillOpenWhen: LaterIncident[];
  /** How many open follow-ups there were in all (at least `openAtTheTime.length`). */
  openAtTheTimeCount: number;
  /** How many (item, later incident) pairs there are in all. */
  stillOpenWhenCount: number;
}

/**
 * Entries kept per list. Counts stay exact; in an archive of thousands an
 * incident can have hundreds of related open follow-ups, and keeping all of
 * them would make pages and the JSON grow with N².
 */
export const FOLLOW_UPS_KEPT = 5;

const EMPTY: PreventionInfo = { openAtTheTime: [], stillOpenWhen: [], openAtTheTimeCount: 0, stillOpenWhenCount: 0 };
const cache = new WeakMap<readonly Postmortem[], Map<string, PreventionInfo>>();

/** Why an earlier incident's follow-ups bear on a later one: shared services, the same (known) root-cause category. */
export function relevanceReasons(later: Postmortem, earlier: Postmortem): string[] {
  const reasons: string[] = [];
  const services = later.meta.services.filter((service) => earlier.meta.services.includes(service));
  if (services.length) reasons.push(`Same service: ${services.join(', ')}`);
  const category = later.meta.root_cause_category;
  if (category !== UNKNOWN_CATEGORY.id && category === earlier.meta.root_cause_category) reasons.push(`Same root cause: ${rootCauseCategory(category).label}`);
  return reasons;
}

/** A `YYYY-MM-DD` day as a number that orders like the text (20260110), for comparisons in the per-pair loop. */
function dayNumber(day: string): number {
  return Number(day.slice(0, 4)) * 10_000 + Number(day.slice(5, 7)) * 100 + Number(day.slice(8, 10));
}

/**
 * Open follow-ups per incident, ready to count on any later day: items open to
 * this day are open on every later day, so only items closed with a date need a
 * look per pair, and those closing days sit in one flat array.
 */
interface OpenItems {
  openNow: Int32Array;
  /** Closing days of incident `e`'s items closed with a date: `closedDays[closedFrom[e]]` up to `closedFrom[e + 1]`. */
  closedFrom: Int32Array;
  closedDays: Int32Array;
}

function openItems(ordered: readonly Postmortem[]): OpenItems {
  const openNow = new Int32Array(ordered.length);
  const closedFrom = new Int32Array(ordered.length + 1);
  const closedDays: number[] = [];
  ordered.forEach((pm, at) => {
    for (const item of pm.actionItems) {
      const open = wasOpenOn(item, '9999-12-31');
      if (open === true) openNow[at]!++;
      else if (open === false) closedDays.push(dayNumber(item.closed!));
    }
    closedFrom[at + 1] = closedDays.length;
  });
  return { openNow, closedFrom, closedDays: Int32Array.from(closedDays) };
}

/** How many of incident `earlier`'s items were open on `day` (a {@link dayNumber}). */
function openOn({ openNow, closedFrom, closedDays }: OpenItems, earlier: number, day: number): number {
  let open = openNow[earlier]!;
  for (let at = closedFrom[earlier]!; at < closedFrom[earlier + 1]!; at++) if (closedDays[at]! > day) open++;
  return open;
}

/** The scan's state: buckets of earlier incidents with follow-ups, filled as it moves forward, and stamps per earlier incident. */
interface Scan {
  ordered: readonly Postmortem[];
  firstOfDay: Int32Array;
  /** `s\0service` and `c\0category` → earlier incidents with follow-ups. */
  buckets: Map<string, number[]>;
  /** Per earlier incident, the last incident that met it in a bucket. */
  seen: Int32Array;
  /** Per earlier incident, the last incident it is related to and happened before. */
  relatedTo: Int32Array;
}

/** Earlier incidents sharing a service or the known category with `ordered[at]` that happened before it (any order); stamps them in `relatedTo`. */
function relatedEarlier(scan: Scan, at: number): number[] {
  const later = scan.ordered[at]!;
  const keys = [...new Set(later.meta.services)].map((service) => `s\u0000${service}`);
  if (later.meta.root_cause_category !== UNKNOWN_CATEGORY.id) keys.push(`c\u0000${later.meta.root_cause_category}`);
  const found: number[] = [];
  for (const key of keys) {
    for (const earlier of scan.buckets.get(key) ?? []) {
      if (scan.seen[earlier] === at) continue;
      scan.seen[earlier] = at;
      if (!happenedBeforeIn(scan.ordered, scan.firstOfDay, earlier, at)) continue;
      scan.relatedTo[earlier] = at;
      found.push(earlier);
    }
  }
  return found;
}

/** Open follow-ups at the time of every reviewed incident, both ways, by slug; computed once per archive. */
export function preventionIndex(postmortems: readonly Postmortem[]): Map<string, PreventionInfo> {
  const cached = cache.get(postmortems);
  if (cached) return cached;
  const ordered = chronological(reviewedIncidents(postmortems));
  const infos: PreventionInfo[] = ordered.map(() => ({ openAtTheTime: [], stillOpenWhen: [], openAtTheTimeCount: 0, stillOpenWhenCount: 0 }));
  const scan: Scan = {
    ordered,
    firstOfDay: firstOfTheDay(ordered),
    buckets: new Map(),
    seen: new Int32Array(ordered.length).fill(-1),
    relatedTo: new Int32Array(ordered.length).fill(-1),
  };
  const items = openItems(ordered);
  ordered.forEach((later, at) => {
    const related = relatedEarlier(scan, at);
    const day = dayNumber(later.meta.date);
    // The pairs grow with N², so they are counted; items are looked at only for the few lists keep.
    let count = 0;
    for (const earlier of related) {
      const open = openOn(items, earlier, day);
      if (!open) continue;
      count += open;
      const source = infos[earlier]!;
      source.stillOpenWhenCount += open;
      if (source.stillOpenWhen.length >= FOLLOW_UPS_KEPT) continue;
      for (const item of ordered[earlier]!.actionItems) {
        if (source.stillOpenWhen.length >= FOLLOW_UPS_KEPT) break;
        // Later incidents arrive in order, so the first ones kept are the nearest.
        if (wasOpenOn(item, later.meta.date) === true) source.stillOpenWhen.push({ item, incident: refOf(later) });
      }
    }
    infos[at]!.openAtTheTimeCount = count;
    infos[at]!.openAtTheTime = latestOpen(scan, at, related.length).map(({ earlier, item }) => ({
      item,
      source: refOf(ordered[earlier]!),
      reasons: relevanceReasons(later, ordered[earlier]!),
    }));
    if (!later.actionItems.length) return;
    for (const service of new Set(later.meta.services)) addToBucket(scan.buckets, `s\u0000${service}`, at);
    if (later.meta.root_cause_category !== UNKNOWN_CATEGORY.id) addToBucket(scan.buckets, `c\u0000${later.meta.root_cause_category}`, at);
  });
  const index = new Map(ordered.map((pm, at) => [pm.slug, infos[at]!]));
  cache.set(postmortems, index);
  return index;
}

/**
 * The last {@link FOLLOW_UPS_KEPT} open follow-ups of the incidents related to
 * `ordered[at]`, in (earlier incident, item) order: read backwards from the
 * nearest, stopping once enough are found or all `related` have been passed.
 */
function latestOpen({ ordered, relatedTo }: Scan, at: number, related: number): { earlier: number; item: ActionItem }[] {
  const day = ordered[at]!.meta.date;
  const latest: { earlier: number; item: ActionItem }[] = [];
  for (let earlier = at - 1, left = related; earlier >= 0 && left > 0 && latest.length < FOLLOW_UPS_KEPT; earlier--) {
    if (relatedTo[earlier] !== at) continue;
    left--;
    const items = ordered[earlier]!.actionItems;
    for (let index = items.length - 1; index >= 0 && latest.length < FOLLOW_UPS_KEPT; index--) {
      if (wasOpenOn(items[index]!, day) === true) latest.push({ earlier, item: items[index]! });
    }
  }
  return latest.reverse();
}

/** The open follow-ups around one post-mortem (none for a draft). */
export function preventionOf(pm: Postmortem, postmortems: readonly Postmortem[]): PreventionInfo {
  return preventionIndex(postmortems).get(pm.slug) ?? EMPTY;
}
