/** Where the ledger's pages and data live; browser-safe, so the page script links the same way. */
import { url } from '../urls.ts';

/** Static page `page` (1-based) of the ledger: `/action-items/`, then `/action-items/page/2/`, … */
export function ledgerPageUrl(page: number): string {
  return url(page <= 1 ? 'action-items/' : `action-items/page/${page}/`);
}

/** The compact ledger the page script fetches on first use (see packed-ledger.ts). */
export function ledgerDataUrl(): string {
  return url('action-items/ledger.json');
}
