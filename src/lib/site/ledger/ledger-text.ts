/** The ledger as plain text for a terminal or a stand-up chat message. */
import { DONE_RECENTLY_DAYS, DUE_SOON_DAYS, type LedgerCounts } from '../../postmortem/ledger/ledger-rules.ts';
import type { LedgerRecord } from '../../postmortem/ledger/ledger-export.ts';

/** Widest action shown before it is cut with `…`; the full text is in the JSON and CSV. */
const ACTION_WIDTH = 64;

/** `As of 2026-04-15: 6 open, 2 overdue, 1 due in the next 14 days, 7 done in the last 90 days.` */
export function countsLine(counts: LedgerCounts, today: string): string {
  return `As of ${today}: ${counts.open} open, ${counts.overdue} overdue, ${counts.dueSoon} due in the next ${DUE_SOON_DAYS} days, ${counts.doneRecently} done in the last ${DONE_RECENTLY_DAYS} days.`;
}

/** Aligned columns, overdue items flagged in the first one; a sentence when nothing matches. */
export function ledgerTable(records: readonly LedgerRecord[]): string {
  if (records.length === 0) return 'No action items match.\n';
  const header = ['', 'DUE', 'STATUS', 'OWNER', 'AGE', 'ACTION', 'POST-MORTEM', 'TICKET'];
  const rows = records.map((r) => [
    r.overdue ? 'OVERDUE' : '',
    r.due ?? '—',
    r.status,
    r.owner,
    `${r.age_days}d`,
    clip(r.action, ACTION_WIDTH),
    r.postmortem.draft ? `${r.postmortem.slug} (draft)` : r.postmortem.slug,
    r.ticket?.text ?? '',
  ]);
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => [...row[column]!].length)));
  const line = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd();
  return `${[header, ...rows].map(line).join('\n')}\n`;
}

function clip(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, width - 1).join('')}…`;
}
