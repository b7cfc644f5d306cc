/**
 * The action-item ledger: every row of every post-mortem's Action Items
 * table, with the rules that say which are open, overdue, due soon or done
 * recently. The page, its browser script, the exports and
 * `npm run action-items` all read these rules from here, so "overdue" has
 * one definition.
 *
 * Browser-safe on purpose: no `node:` imports (only type imports from the
 * model), so Vite can bundle it into the page's script.
 */
import { OPEN_STATUSES, type ActionStatus } from '../model/action-status.ts';
import { addDays, daysBetween } from '../dates.ts';
import { countedPostmortems, isDraft } from '../model/drafts.ts';
import type { Postmortem } from '../model/model.ts';
import { severityLevel, type SeverityId } from '../model/severity.ts';

/** One action item with the post-mortem it came from. */
export interface LedgerItem {
  /** What will be done. Example: `Add index on exports.tenant_id`. */
  action: string;
  /** Who owns it, as written. Example: `@dana`. */
  owner: string;
  /** Due date `YYYY-MM-DD`, or null when the row has none. */
  due: string | null;
  /** Normalised status. */
  status: ActionStatus;
  /** The day it was closed (`DONE 2026-03-02`); null or absent when open or closed without a date. */
  closed?: string | null;
  /** Ticket text and URL when the row links one. */
  ticket: { text: string; url: string | null } | null;
  /** 1-based line of the row in the post-mortem file. */
  line: number;
  /** The post-mortem's URL slug. Example: `2026-03-14-report-export-timeouts`. */
  slug: string;
  /** The post-mortem's title. */
  title: string;
  /** The post-mortem's severity. */
  severity: SeverityId;
  /** The incident date, `YYYY-MM-DD`: the day the item's clock starts (see {@link ageInDays}). */
  date: string;
  /** Services the post-mortem names. */
  services: string[];
  /** The post-mortem file, relative to the working directory. */
  path: string;
  /** The post-mortem is a draft (listed only when drafts are asked for; see drafts.ts). */
  draft: boolean;
}

/** The fields the date rules read; the browser script rebuilds these from table rows. */
export type LedgerDates = Pick<LedgerItem, 'status' | 'due' | 'date' | 'severity' | 'closed'>;

/** What the overdue rule reads. */
export type DeadlineFields = Pick<LedgerItem, 'status' | 'due' | 'date' | 'severity'>;

/** Days ahead counted as "due soon". */
export const DUE_SOON_DAYS = 14;
/** Days back counted as "done recently" (see {@link isDoneRecently}). */
export const DONE_RECENTLY_DAYS = 90;

/**
 * Every action item of every post-mortem, in archive order then table order.
 * Drafts' items are left out unless `includeDrafts` (see drafts.ts).
 */
export function collectActionItems(postmortems: readonly Postmortem[], { includeDrafts = false }: { includeDrafts?: boolean } = {}): LedgerItem[] {
  return countedPostmortems(postmortems, includeDrafts).flatMap((pm) =>
    pm.actionItems.map((item) => ({
      action: item.action,
      owner: item.owner,
      due: item.due,
      status: item.status,
      closed: item.closed,
      ticket: item.ticket,
      line: item.line,
      slug: pm.slug,
      title: pm.meta.title,
      severity: pm.meta.severity,
      date: pm.meta.date,
      services: [...pm.meta.services],
      path: pm.path,
      draft: isDraft(pm),
    })),
  );
}

/** Still needs work: TODO or IN PROGRESS. */
export function isOpen(item: Pick<LedgerItem, 'status'>): boolean {
  return OPEN_STATUSES.includes(item.status);
}

/**
 * The day an item must be closed by: its due date, or when the row has none,
 * the incident date plus the severity's completion target
 * ({@link SeverityLevel.followUpWeeks}, in severity.ts).
 */
export function deadlineOf(item: Pick<LedgerItem, 'due' | 'date' | 'severity'>): string {
  return item.due ?? addDays(item.date, severityLevel(item.severity).followUpWeeks * 7);
}

/** Open past its deadline ({@link deadlineOf}) as of `today` (`YYYY-MM-DD`). An item is not overdue on its deadline itself. */
export function isOverdue(item: DeadlineFields, today: string): boolean {
  return isOpen(item) && deadlineOf(item) < today;
}

/** Open and due between today and {@link DUE_SOON_DAYS} days from now, both included. */
export function isDueSoon(item: Pick<LedgerItem, 'status' | 'due'>, today: string): boolean {
  return isOpen(item) && item.due !== null && item.due >= today && item.due <= addDays(today, DUE_SOON_DAYS);
}

/**
 * DONE "in the last 90 days": closed on a day at most
 * {@link DONE_RECENTLY_DAYS} days before `today`. The closing date is the one
 * the Status cell gives (`DONE 2026-03-02`); without one, the item's own date
 * stands in for it: the due date, or the incident date when the row has no
 * due date. A DONE item due later than today was finished ahead of time, so
 * it counts too.
 */
export function isDoneRecently(item: LedgerDates, today: string): boolean {
  return item.status === 'DONE' && (item.closed ?? item.due ?? item.date) >= addDays(today, -DONE_RECENTLY_DAYS);
}

/** Days past the deadline for an overdue item; 0 for any other. */
export function daysOverdue(item: DeadlineFields, today: string): number {
  return isOverdue(item, today) ? daysBetween(deadlineOf(item), today) : 0;
}

/** Whole days since the incident date; the age of an item, since the post-mortem is where it was raised. */
export function ageInDays(item: Pick<LedgerItem, 'date'>, today: string): number {
  return daysBetween(item.date, today);
}

export interface LedgerCounts {
  open: number;
  overdue: number;
  /** Open and due within {@link DUE_SOON_DAYS} days (today included). */
  dueSoon: number;
  /** See {@link isDoneRecently}. */
  doneRecently: number;
}

/** The headline figures of the ledger as of `today`. */
export function ledgerCounts(items: readonly LedgerDates[], today: string): LedgerCounts {
  const counts = { open: 0, overdue: 0, dueSoon: 0, doneRecently: 0 };
  for (const item of items) {
    if (isOpen(item)) counts.open++;
    if (isOverdue(item, today)) counts.overdue++;
    if (isDueSoon(item, today)) counts.dueSoon++;
    if (isDoneRecently(item, today)) counts.doneRecently++;
  }
  return counts;
}

export interface OwnerSummary extends LedgerCounts {
  owner: string;
  /** Every item the owner has, whatever its status. */
  total: number;
}

/**
 * Figures per owner, most overdue first, then most open, then by name.
 * `@Dana` and `dana` are one owner, shown as first written.
 */
export function ownerSummaries(items: readonly (LedgerDates & Pick<LedgerItem, 'owner'>)[], today: string): OwnerSummary[] {
  const byOwner = new Map<string, { owner: string; items: LedgerDates[] }>();
  for (const item of items) {
    const key = ownerKey(item.owner);
    const group = byOwner.get(key);
    if (group) group.items.push(item);
    else byOwner.set(key, { owner: item.owner, items: [item] });
  }
  return [...byOwner.values()]
    .map(({ owner, items: owned }) => ({ owner, total: owned.length, ...ledgerCounts(owned, today) }))
    .sort((a, b) => b.overdue - a.overdue || b.open - a.open || compareText(a.owner, b.owner));
}

/** Status filters shared by the page and the CLI. `open` is TODO or IN PROGRESS; `closed` is DONE or WON'T DO. */
export const STATUS_FILTERS = ['open', 'overdue', 'due-soon', 'todo', 'in-progress', 'done', 'wont-do', 'closed', 'all'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

/** The filter value that selects exactly one status. */
export function statusFilterOf(status: ActionStatus): StatusFilter {
  return ({ TODO: 'todo', 'IN PROGRESS': 'in-progress', DONE: 'done', "WON'T DO": 'wont-do' } as const)[status];
}

/** True when the item passes the status filter as of `today`. */
export function matchesStatus(item: DeadlineFields, filter: StatusFilter, today: string): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'open':
      return isOpen(item);
    case 'closed':
      return !isOpen(item);
    case 'overdue':
      return isOverdue(item, today);
    case 'due-soon':
      return isDueSoon(item, today);
    default:
      return statusFilterOf(item.status) === filter;
  }
}

/** What the page and the CLI can narrow the ledger by; an omitted field matches everything. */
export interface LedgerFilters {
  status?: StatusFilter;
  /** Exact owner, case-insensitive, with or without the leading `@`. */
  owner?: string;
  severity?: SeverityId;
  /** Exact service name. */
  service?: string;
}

/** The fields filters and sorts read. */
export type LedgerRow = Pick<LedgerItem, 'status' | 'due' | 'date' | 'owner' | 'severity' | 'services' | 'slug' | 'line' | 'closed'>;

/** True when the item passes every given filter as of `today`. */
export function matchesFilters(item: LedgerRow, filters: LedgerFilters, today: string): boolean {
  if (filters.status && !matchesStatus(item, filters.status, today)) return false;
  if (filters.owner && ownerKey(item.owner) !== ownerKey(filters.owner)) return false;
  if (filters.severity && item.severity !== filters.severity) return false;
  if (filters.service && !item.services.includes(filters.service)) return false;
  return true;
}

/** `@Dana` and `dana` name the same owner. */
export function ownerKey(owner: string): string {
  return owner.trim().replace(/^@/, '').toLowerCase();
}

/**
 * Sort orders, named by the column and direction of its values: `due` soonest
 * first, `due-desc` latest first, `age-desc` oldest first (greatest age),
 * `age` newest first. Open items always come before closed ones, so the work
 * still to do stays on top; items without a due date go last.
 */
export const LEDGER_SORTS = ['due', 'due-desc', 'age-desc', 'age'] as const;
export type LedgerSort = (typeof LEDGER_SORTS)[number];

/** A comparator for `Array.prototype.sort` in the given order. */
export function compareLedgerItems(sort: LedgerSort): (a: LedgerRow, b: LedgerRow) => number {
  const descending = sort.endsWith('-desc');
  const byKey = sort.startsWith('due') ? compareDue : compareAge;
  return (a, b) =>
    Number(isOpen(b)) - Number(isOpen(a)) ||
    byKey(a, b, descending) ||
    compareText(a.slug, b.slug) ||
    a.line - b.line;
}

/** The ledger filtered and sorted; a new array. */
export function selectLedgerItems<T extends LedgerRow>(items: readonly T[], filters: LedgerFilters, sort: LedgerSort, today: string): T[] {
  return items.filter((item) => matchesFilters(item, filters, today)).sort(compareLedgerItems(sort));
}

function compareDue(a: LedgerRow, b: LedgerRow, descending: boolean): number {
  if (a.due === b.due) return 0;
  if (a.due === null) return 1;
  if (b.due === null) return -1;
  return descending ? b.due.localeCompare(a.due) : a.due.localeCompare(b.due);
}

/** Age grows as the incident date recedes: ascending age is the newest incident first. */
function compareAge(a: LedgerRow, b: LedgerRow, descending: boolean): number {
  return descending ? a.date.localeCompare(b.date) : b.date.localeCompare(a.date);
}

function compareText(a: string, b: string): number {
  return a.localeCompare(b, 'en', { sensitivity: 'base' });
}

/** The values each filter can take in this ledger, for the filter menus. */
export interface LedgerFacets {
  /** Owners as first written, one per {@link ownerKey}, sorted by name. */
  owners: string[];
  /** Severities present, worst first. */
  severities: SeverityId[];
  services: string[];
}

/** The owners, severities and services that occur in the ledger. */
export function ledgerFacets(items: readonly Pick<LedgerItem, 'owner' | 'severity' | 'services'>[]): LedgerFacets {
  const owners = new Map<string, string>();
  for (const item of items) if (!owners.has(ownerKey(item.owner))) owners.set(ownerKey(item.owner), item.owner);
  return {
    owners: [...owners.values()].sort(compareText),
    severities: [...new Set(items.map((item) => item.severity))].sort(),
    services: [...new Set(items.flatMap((item) => item.services))].sort(compareText),
  };
}
