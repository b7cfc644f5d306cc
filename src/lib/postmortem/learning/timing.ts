/**
 * When things happened, for the learning figures: which incidents count
 * (drafts do not), which came first, and whether a follow-up was open on a
 * given day. Browser-safe: no `node:` imports.
 */
import { isOpen } from '../ledger/ledger-rules.ts';
import type { Postmortem } from '../model/model.ts';
import type { ActionItem } from '../schema/action-item.ts';

/** Drafts are unfinished: their facts may change, so no learning figure counts them. */
export function reviewedIncidents(postmortems: readonly Postmortem[]): Postmortem[] {
  return postmortems.filter((pm) => pm.meta.status !== 'draft');
}

/** `a` happened before `b`: an earlier date, or the same date and an earlier start time. */
export function happenedBefore(a: Postmortem, b: Postmortem): boolean {
  if (a.meta.date !== b.meta.date) return a.meta.date < b.meta.date;
  return a.meta.started_at !== undefined && b.meta.started_at !== undefined && Date.parse(a.meta.started_at) < Date.parse(b.meta.started_at);
}

/**
 * For incidents in {@link chronological} order, the position of the first one
 * on each one's date: every incident before that position happened before it,
 * so {@link happenedBefore} is only asked about the same day's incidents.
 */
export function firstOfTheDay(ordered: readonly Postmortem[]): Int32Array {
  const first = new Int32Array(ordered.length);
  ordered.forEach((pm, at) => {
    first[at] = at > 0 && ordered[at - 1]!.meta.date === pm.meta.date ? first[at - 1]! : at;
  });
  return first;
}

/** `ordered[earlier]` happened before `ordered[at]`, with `earlier < at` and {@link firstOfTheDay}'s positions. */
export function happenedBeforeIn(ordered: readonly Postmortem[], firstOfDay: Int32Array, earlier: number, at: number): boolean {
  return earlier < firstOfDay[at]! || happenedBefore(ordered[earlier]!, ordered[at]!);
}

/** Oldest first (date, then start time, then slug): the order repeats and follow-ups are read in. */
export function chronological(postmortems: readonly Postmortem[]): Postmortem[] {
  return [...postmortems].sort(
    (a, b) => a.meta.date.localeCompare(b.meta.date) || (a.meta.started_at ?? '').localeCompare(b.meta.started_at ?? '') || a.slug.localeCompare(b.slug),
  );
}

/**
 * Was the item, raised on an earlier incident, still open on `day`
 * (`YYYY-MM-DD`)? Open now: yes. Closed with a date: yes when closed after
 * that day (closed on the day itself may be the response, so it is not
 * counted). Closed without a date: unknown (null), never counted either way.
 */
export function wasOpenOn(item: Pick<ActionItem, 'status' | 'closed'>, day: string): boolean | null {
  if (isOpen(item)) return true;
  if (!item.closed) return null;
  return item.closed > day;
}

/** A short reference to a post-mortem, for links and JSON. */
export interface IncidentRef {
  slug: string;
  title: string;
  date: string;
  severity: Postmortem['meta']['severity'];
}

export function refOf(pm: Postmortem): IncidentRef {
  return { slug: pm.slug, title: pm.meta.title, date: pm.meta.date, severity: pm.meta.severity };
}
