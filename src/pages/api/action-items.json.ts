/**
 * /api/action-items.json: the whole ledger with overdue flags and ages as of
 * the build date (`today` in the file). Shape: LedgerExport in
 * src/lib/postmortem/ledger/ledger-export.ts; documented in docs/ACTION-ITEMS.md.
 */
import settings from 'virtual:hindsight/settings';
import type { APIRoute } from 'astro';
import { ledgerExport } from '../../lib/postmortem/ledger/ledger-export.ts';
import { absolutePageUrl, siteLedger } from '../../lib/build/site-ledger.ts';

export const GET: APIRoute = ({ site }) => {
  const { buildDate, items } = siteLedger(settings);
  const body = ledgerExport(items, buildDate, absolutePageUrl(site));
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
