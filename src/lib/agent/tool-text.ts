/**
 * The text content of the MCP tools' results: a short summary for a reader
 * (or a client that shows only text), not the structured content again, which
 * every result carries whole. Built on the terminal's text (text.ts, ledger-text.ts).
 */
import { countsLine, ledgerTable } from '../site/ledger/ledger-text.ts';
import type { ActionItemsOutput, SearchOutput, ShowOutput, SimilarOutput } from './schemas.ts';
import { searchTable, showText, similarText } from './text.ts';

/** Items listed in the text of list_action_items; the rest are in the structured content. */
export const TEXT_ITEMS = 20;

const WHOLE = 'The structured content has every field.';

export function searchSummary(output: SearchOutput): string {
  return searchTable(output, `Open one with get_postmortem {"slug": "<slug>"}. ${WHOLE}`);
}

export function similarSummary(output: SimilarOutput): string {
  return `${similarText(output)}\n${WHOLE}\n`;
}

export function showSummary(output: ShowOutput): string {
  return `${showText(output)}\nEach section's Markdown, the timeline and the action items are in the structured content.\n`;
}

export function actionItemsSummary(output: ActionItemsOutput): string {
  const { counts, today, items } = output;
  const shown = items.slice(0, TEXT_ITEMS);
  const more = items.length > shown.length ? `and ${items.length - shown.length} more. ` : '';
  const line = countsLine({ open: counts.open, overdue: counts.overdue, dueSoon: counts.due_soon, doneRecently: counts.done_recently }, today);
  return `${line}\n\n${ledgerTable(shown)}${more}${WHOLE}\n`;
}
