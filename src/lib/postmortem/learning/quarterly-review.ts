/**
 * The quarterly learning review: one quarter's incidents for the review
 * meeting, with what they had in common, which repeated an earlier incident
 * or were preceded by an open follow-up, how the follow-ups moved, and each
 * incident's lessons. The page /learning/<quarter>/ and its JSON both read it.
 */
import { deadlineOf, isOpen } from '../ledger/ledger-rules.ts';
import { rootCauseCategory } from '../model/category.ts';
import { quarterOf } from '../metrics/range.ts';
import type { Postmortem } from '../model/model.ts';
import { SEVERITY_IDS, type SeverityId } from '../model/severity.ts';
import { followUpsOf, type FollowUp } from './follow-up-health.ts';
import { preventionIndex, type OpenFollowUp } from './prevented.ts';
import { repeatIndex, type RepeatLink } from './repeats.ts';
import { chronological, refOf, reviewedIncidents, type IncidentRef } from './timing.ts';

/** `2026-q3`: the URL form of a quarter. */
export type QuarterId = `${number}-q${1 | 2 | 3 | 4}`;

const QUARTER_ID = /^(\d{4})-q([1-4])$/;

/** The quarter holding a `YYYY-MM-DD` date, as a URL id. */
export function quarterIdOf(date: string): QuarterId {
  return quarterOf(date).toLowerCase() as QuarterId;
}

/** First and last day of a quarter, and its label (`Q3 2026`). */
export function quarterBounds(quarter: QuarterId): { first: string; last: string; label: string } {
  const [, year, number] = QUARTER_ID.exec(quarter)!;
  const firstMonth = (Number(number) - 1) * 3 + 1;
  const last = new Date(Date.UTC(Number(year), firstMonth + 2, 0)).toISOString().slice(0, 10);
  return { first: `${year}-${String(firstMonth).padStart(2, '0')}-01`, last, label: `Q${number} ${year}` };
}

/** Quarters that hold at least one reviewed incident, newest first. */
export function reviewQuarters(postmortems: readonly Postmortem[]): QuarterId[] {
  return [...reviewArchive(postmortems).quarters];
}

export interface Count {
  label: string;
  count: number;
}

export interface ReviewIncident extends IncidentRef {
  services: string[];
  category: string;
  summary: string;
  /** The Lessons Learned section as plain text, cut to a paragraph's length. */
  lessons: string;
  repeatOf: RepeatLink[];
  openAtTheTime: OpenFollowUp[];
}

export interface QuarterlyReview {
  quarter: QuarterId;
  label: string;
  first: string;
  last: string;
  /** The day the figures are judged against (the build date); the quarter's last day when that is earlier. */
  asOf: string;
  /** Reviewed incidents of the quarter, oldest first. Drafts are left out. */
  incidents: ReviewIncident[];
  bySeverity: { severity: SeverityId; count: number }[];
  themes: { categories: Count[]; contributing: Count[]; services: Count[] };
  /** Incidents of the quarter that repeat an earlier one. */
  repeats: ReviewIncident[];
  /** Of those, how many declare it (`recurrence_of`); the rest were found from shared words. */
  repeatsDeclared: number;
  /** Incidents of the quarter preceded by an open follow-up about the same failure. */
  mightHaveBeenPrevented: ReviewIncident[];
  /** Of those, how many declare it (`prevented_by`); the rest were found from shared words. */
  preventedDeclared: number;
  followUps: {
    /** Raised by the quarter's incidents. */
    opened: number;
    /** Closed (with a date) during the quarter, whichever incident raised them. */
    closed: number;
    /** Open at the end of the quarter (or on `asOf`) and past their deadline, whichever incident raised them. */
    overdue: number;
    /** Open at the end of the quarter (or on `asOf`). */
    open: number;
  };
  /** Neighbouring quarters that have a review, for navigation. */
  previous: QuarterId | null;
  next: QuarterId | null;
}

/** Lessons longer than this are cut at a word, with an ellipsis: the page links to the full post-mortem. */
export const LESSONS_EXCERPT_CHARS = 600;

function excerpt(text: string): string {
  if (text.length <= LESSONS_EXCERPT_CHARS) return text;
  const cut = text.slice(0, LESSONS_EXCERPT_CHARS);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), LESSONS_EXCERPT_CHARS / 2))}…`;
}

function counted(values: readonly string[]): Count[] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([label, count]) => ({ label, count })).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

/**
 * What every quarter's review reads, prepared once per archive: the reviewed
 * incidents oldest first (so a quarter's are one slice), every follow-up with its
 * deadline, and the reviews already made, per as-of day. Three routes ask for
 * every quarter; each review is made once and shared, so callers must not change it.
 */
interface ReviewArchive {
  ordered: Postmortem[];
  quarters: QuarterId[];
  items: FollowUp[];
  deadlines: string[];
  reviews: Map<string, Map<QuarterId, QuarterlyReview>>;
}

const archives = new WeakMap<readonly Postmortem[], ReviewArchive>();

function reviewArchive(postmortems: readonly Postmortem[]): ReviewArchive {
  let archive = archives.get(postmortems);
  if (archive) return archive;
  const ordered = chronological(reviewedIncidents(postmortems));
  const items = followUpsOf(postmortems);
  const quarters = [...new Set(ordered.map((pm) => quarterIdOf(pm.meta.date)))].sort().reverse();
  archive = { ordered, quarters, items, deadlines: items.map((item) => deadlineOf(item)), reviews: new Map() };
  archives.set(postmortems, archive);
  return archive;
}

/** How many of `ordered` (oldest first) come before the first whose date is not `before`: a binary search. */
function countDatedBefore(ordered: readonly Postmortem[], before: (date: string) => boolean): number {
  let low = 0;
  let high = ordered.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (before(ordered[middle]!.meta.date)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** How the archive's follow-ups moved in a quarter (first to last), judged on `end`. */
function followUpMovement({ items, deadlines }: ReviewArchive, first: string, last: string, end: string): QuarterlyReview['followUps'] {
  const movement = { opened: 0, closed: 0, open: 0, overdue: 0 };
  items.forEach((item, at) => {
    if (item.date >= first && item.date <= last) movement.opened++;
    if (item.closed !== null && item.closed >= first && item.closed <= end) movement.closed++;
    if (item.date > end || !(isOpen(item) || (item.closed !== null && item.closed > end))) return;
    movement.open++;
    if (deadlines[at]! < end) movement.overdue++;
  });
  return movement;
}

/** The review of one quarter as of `asOf` (`YYYY-MM-DD`); made once per archive, quarter and day. */
export function quarterlyReview(postmortems: readonly Postmortem[], quarter: QuarterId, asOf: string): QuarterlyReview {
  const archive = reviewArchive(postmortems);
  let reviews = archive.reviews.get(asOf);
  if (!reviews) archive.reviews.set(asOf, (reviews = new Map()));
  let review = reviews.get(quarter);
  if (!review) reviews.set(quarter, (review = reviewOf(postmortems, archive, quarter, asOf)));
  return review;
}

/** Every quarter's review as of `asOf`, newest first: the /learning/ index. */
export function quarterlyReviews(postmortems: readonly Postmortem[], asOf: string): QuarterlyReview[] {
  return reviewQuarters(postmortems).map((quarter) => quarterlyReview(postmortems, quarter, asOf));
}

function reviewOf(postmortems: readonly Postmortem[], archive: ReviewArchive, quarter: QuarterId, asOf: string): QuarterlyReview {
  const { first, last, label } = quarterBounds(quarter);
  const end = asOf < last ? asOf : last;
  const repeats = repeatIndex(postmortems);
  const prevention = preventionIndex(postmortems);
  const inQuarter = archive.ordered.slice(
    countDatedBefore(archive.ordered, (date) => date < first),
    countDatedBefore(archive.ordered, (date) => date <= last),
  );
  const incidents: ReviewIncident[] = inQuarter.map((pm) => ({
    ...refOf(pm),
    services: [...pm.meta.services],
    category: rootCauseCategory(pm.meta.root_cause_category).label,
    summary: pm.summary,
    lessons: excerpt(pm.lessons ?? ''),
    repeatOf: repeats.get(pm.slug)?.repeatOf ?? [],
    openAtTheTime: prevention.get(pm.slug)?.openAtTheTime ?? [],
  }));
  const { quarters } = archive;
  const position = quarters.indexOf(quarter);
  return {
    quarter,
    label,
    first,
    last,
    asOf: end,
    incidents,
    bySeverity: SEVERITY_IDS.map((severity) => ({ severity, count: inQuarter.filter((pm) => pm.meta.severity === severity).length })),
    themes: {
      categories: counted(inQuarter.map((pm) => rootCauseCategory(pm.meta.root_cause_category).label)),
      contributing: counted(inQuarter.flatMap((pm) => pm.meta.contributing_categories.map((category) => rootCauseCategory(category).label))),
      services: counted(inQuarter.flatMap((pm) => [...new Set(pm.meta.services)])),
    },
    repeats: incidents.filter((incident) => incident.repeatOf.length > 0),
    repeatsDeclared: incidents.filter((incident) => incident.repeatOf.some((link) => link.declared)).length,
    mightHaveBeenPrevented: incidents.filter((incident) => incident.openAtTheTime.length > 0),
    preventedDeclared: incidents.filter((incident) => incident.openAtTheTime.some((entry) => entry.declared)).length,
    followUps: followUpMovement(archive, first, last, end),
    previous: position >= 0 && position + 1 < quarters.length ? quarters[position + 1]! : null,
    next: position > 0 ? quarters[position - 1]! : null,
  };
}
