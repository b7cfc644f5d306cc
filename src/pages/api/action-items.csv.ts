/**
 * /api/action-items.csv: the ledger for spreadsheets, one row per action item,
 * overdue and age as of the build date. Columns: CSV_COLUMNS in
 * src/lib/postmortem/ledger/ledger-export.ts; documented in docs/ACTION-ITEMS.md.
 */
import settings from 'virtual:hindsight/settings';
import type { APIRoute } from 'astro';
import { ledgerCsv, toLedgerRecords } from '../../lib/postmortem/ledger/ledger-export.ts';
import { absolutePageUrl, siteLedger } from '../../lib/build/site-ledger.ts';

export const GET: APIRoute = ({ site }) => {
  const { buildDate, items } = siteLedger(settings);
  return new Response(ledgerCsv(toLedgerRecords(items, buildDate, absolutePageUrl(site))), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
