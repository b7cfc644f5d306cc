/**
 * /action-items/ledger.json: the whole ledger, packed (packed-ledger.ts), for
 * the page script's filters, sorting and paging over every item.
 */
import settings from 'virtual:hindsight/settings';
import type { APIRoute } from 'astro';
import { packLedger } from '../../lib/postmortem/ledger/packed-ledger.ts';
import { siteLedger } from '../../lib/build/site-ledger.ts';

export const GET: APIRoute = () => {
  const { buildDate, items } = siteLedger(settings);
  return new Response(JSON.stringify(packLedger(items, buildDate)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
