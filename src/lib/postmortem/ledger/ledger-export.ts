/**
 * The ledger as data for scripts: the JSON and CSV that the site publishes
 * under /api/ and that `npm run action-items --format json|csv` prints.
 * One shape for both, so a script can switch between them. Keys are
 * snake_case, as the CSV's columns and every other JSON Hindsight writes
 * (the MCP server returns this same shape).
 */
import { ageInDays, isOpen, isOverdue, ledgerCounts, type LedgerCounts, type LedgerItem } from './ledger-rules.ts';
import { toCsv } from './csv.ts';

/** One exported action item. */
export interface LedgerRecord {
  postmortem: {
    slug: string;
    title: string;
    severity: string;
    /** Incident date, `YYYY-MM-DD`. */
    date: string;
    services: string[];
    /** The file, relative to the repository root. */
    path: string;
    /** The post-mortem's page on the site; null where there is no site (the CLI). */
    url: string | null;
    /** A draft: listed only with `--include-drafts` (the site's ledger leaves drafts out). */
    draft: boolean;
  };
  action: string;
  owner: string;
  /** `YYYY-MM-DD` or null. */
  due: string | null;
  /** `TODO`, `IN PROGRESS`, `DONE` or `WON'T DO`. */
  status: string;
  /** The day it was closed, `YYYY-MM-DD`, when the Status cell gives one (`DONE 2026-03-02`); else null. */
  closed: string | null;
  ticket: { text: string; url: string | null } | null;
  /** Days since the incident date, as of `today`. */
  age_days: number;
  open: boolean;
  /** Open and past its deadline as of `today` (see isOverdue). */
  overdue: boolean;
  /** 1-based line of the row in the file. */
  line: number;
}

/** The headline figures as exported (LedgerCounts in snake_case). */
export interface LedgerExportCounts {
  open: number;
  overdue: number;
  /** Open and due within the next DUE_SOON_DAYS days, today included. */
  due_soon: number;
  /** Closed with a date within the last DONE_RECENTLY_DAYS days. */
  done_recently: number;
}

/** The whole export: the day it was computed against, the headline figures and the items. */
export interface LedgerExport {
  /** The `YYYY-MM-DD` that `overdue` and `age_days` were computed against (the build date on the site). */
  today: string;
  counts: LedgerExportCounts;
  items: LedgerRecord[];
}

/** Turns ledger items into records; `pageUrl` gives a post-mortem's URL from its slug. */
export function toLedgerRecords(items: readonly LedgerItem[], today: string, pageUrl: (slug: string) => string | null = () => null): LedgerRecord[] {
  return items.map((item) => ({
    postmortem: { slug: item.slug, title: item.title, severity: item.severity, date: item.date, services: item.services, path: item.path, url: pageUrl(item.slug), draft: item.draft },
    action: item.action,
    owner: item.owner,
    due: item.due,
    status: item.status,
    closed: item.closed ?? null,
    ticket: item.ticket,
    age_days: ageInDays(item, today),
    open: isOpen(item),
    overdue: isOverdue(item, today),
    line: item.line,
  }));
}

/** The JSON export, as an object. */
export function ledgerExport(items: readonly LedgerItem[], today: string, pageUrl?: (slug: string) => string | null): LedgerExport {
  return { today, counts: exportCounts(ledgerCounts(items, today)), items: toLedgerRecords(items, today, pageUrl) };
}

/** The counts under their exported names. */
export function exportCounts(counts: LedgerCounts): LedgerExportCounts {
  return { open: counts.open, overdue: counts.overdue, due_soon: counts.dueSoon, done_recently: counts.doneRecently };
}

/** CSV columns, in order: one row per action item. `services` is joined with `; `. New columns go last, so scripts reading by position keep working. */
export const CSV_COLUMNS = [
  'postmortem_title', 'severity', 'incident_date', 'services', 'postmortem_url', 'postmortem_path',
  'action', 'owner', 'due', 'status', 'open', 'overdue', 'age_days', 'ticket', 'ticket_url', 'postmortem_draft', 'closed',
] as const;

/** The CSV export; `true`/`false` for flags, empty cells for nothing. */
export function ledgerCsv(records: readonly LedgerRecord[]): string {
  return toCsv([
    CSV_COLUMNS,
    ...records.map((r) => [
      r.postmortem.title, r.postmortem.severity, r.postmortem.date, r.postmortem.services.join('; '), r.postmortem.url, r.postmortem.path,
      r.action, r.owner, r.due, r.status, r.open, r.overdue, r.age_days, r.ticket?.text, r.ticket?.url, r.postmortem.draft, r.closed,
    ]),
  ]);
}
