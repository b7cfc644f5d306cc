/** Action-item statuses from the spec's template, and how loosely written ones map onto them. */

export const ACTION_STATUSES = ['TODO', 'IN PROGRESS', 'DONE', "WON'T DO"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Statuses that still need work. */
export const OPEN_STATUSES: readonly ActionStatus[] = ['TODO', 'IN PROGRESS'];

/**
 * Normalises case, spacing, hyphens and apostrophes (`in-progress`, `Won’t do`, `to do`).
 * Returns null when the text names no status.
 */
export function normaliseActionStatus(raw: string): ActionStatus | null {
  const key = raw
    .trim()
    .toUpperCase()
    .replace(/[’`´]/g, "'")
    .replace(/[\s_-]+/g, ' ');
  const compact = key.replace(/[\s']/g, '');
  switch (compact) {
    case 'TODO':
      return 'TODO';
    case 'INPROGRESS':
      return 'IN PROGRESS';
    case 'DONE':
      return 'DONE';
    case 'WONTDO':
      return "WON'T DO";
    default:
      return null;
  }
}

/** Statuses that close an item, and may carry the day it was closed (`DONE 2026-03-02`). */
export const CLOSED_STATUSES: readonly ActionStatus[] = ['DONE', "WON'T DO"];

export interface StatusCell {
  status: ActionStatus | null;
  /** The closing date as written after the status (`2026-03-02`, `2026-3-2`), or null when none was written. */
  closedText: string | null;
}

/** A trailing date-like word after the status: digits with dashes or slashes, optionally in parentheses or after `on`. */
const TRAILING_DATE = /\s+(?:on\s+)?\(?(\d[\d./-]*\d)\)?$/i;
/** Emoji and check marks agents put beside a status (`✅ Done`, `🚧 In progress`): decoration, not part of the word. */
const DECORATION = /[\p{Extended_Pictographic}\u2713-\u2718\uFE0F\u200D]/gu;
/** Where a reason after the status starts: `TODO (blocked: …)`, `WON'T DO: superseded`, `TODO — Blocked - vendor`. */
const REASON_START = /[(:—–]| - /;

/** The words before a reason, or null when there is no reason. Linear: one search, no backtracking over the cell. */
export function beforeReason(text: string): string | null {
  const at = text.search(REASON_START);
  return at > 0 ? text.slice(0, at).trim() : null;
}

/** The cell without emoji decoration or emphasis. */
export function statusWords(raw: string): string {
  return raw.replace(DECORATION, ' ').replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim();
}

/**
 * Reads a Status cell: the status, then optionally the day the item was
 * closed (`DONE 2026-03-02`, `WON'T DO 2026-03-02`) or a reason
 * (`TODO (blocked: waiting on the vendor)`, `WON'T DO: superseded by …`).
 * Emoji beside the status are decoration. Whether the date is a real one,
 * and allowed with that status, is the rule's to judge.
 */
export function parseStatusCell(raw: string): StatusCell {
  const text = statusWords(raw);
  const date = TRAILING_DATE.exec(text);
  const beforeDate = date ? normaliseActionStatus(text.slice(0, date.index)) : null;
  // `Done (hotfix 2.3.1)` ends in digits too: a reason, not a closing date.
  const head = beforeReason(text);
  if (date && (beforeDate || head === null)) return { status: beforeDate, closedText: date[1]! };
  const status = normaliseActionStatus(text);
  if (status) return { status, closedText: null };
  return { status: head ? normaliseActionStatus(head) : null, closedText: null };
}
