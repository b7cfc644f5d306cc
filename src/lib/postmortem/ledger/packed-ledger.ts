/**
 * The ledger as compact JSON for the browser: the paged page fetches it on
 * first use of a filter or sort, so both work over the whole archive. Each
 * post-mortem is written once and items point at it by index; owners and
 * services are interned. Arrays instead of objects, because at 45,000 items
 * the repeated keys alone would outweigh the data. Browser-safe.
 */
import { ACTION_STATUSES } from '../model/action-status.ts';
import type { SeverityId } from '../model/severity.ts';
import type { LedgerItem } from './ledger-rules.ts';

/** A post-mortem: slug, title, severity, incident date, indexes into `strings` of its services. */
type PackedPostmortem = [slug: string, title: string, severity: SeverityId, date: string, services: number[]];

/**
 * An item: index into `postmortems`, action, owner (index into `strings`), due (`''` for none),
 * index into ACTION_STATUSES, closing date (`''` for none), ticket text (`''` for no ticket),
 * ticket URL (`''` for none; a number when the URL is the ticket text after an interned prefix,
 * as trackers' URLs usually are: `https://tracker.example.com/` + `OPS-1424`), line.
 */
type PackedItem = [postmortem: number, action: string, owner: number, due: string, status: number, closed: string, ticket: string, ticketUrl: string | number, line: number];

/** The file `/action-items/ledger.json`. */
export interface PackedLedger {
  /** Format version: a reader refuses another. */
  v: 1;
  /** The build date the static pages were marked against. */
  today: string;
  /** Owners, services and ticket URL prefixes, each once. */
  strings: string[];
  postmortems: PackedPostmortem[];
  /** In the order given to {@link packLedger}. */
  items: PackedItem[];
}

/** An item as the browser gets it back: everything but the file path and draft flag, which the site never shows. */
export type UnpackedItem = Omit<LedgerItem, 'path' | 'draft'>;

/** Packs items (keeping their order) against the day they were marked. */
export function packLedger(items: readonly LedgerItem[], today: string): PackedLedger {
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const intern = (text: string) => {
    let index = stringIndex.get(text);
    if (index === undefined) {
      index = strings.push(text) - 1;
      stringIndex.set(text, index);
    }
    return index;
  };
  const postmortems: PackedPostmortem[] = [];
  const postmortemIndex = new Map<string, number>();
  const packed = items.map((item): PackedItem => {
    let pm = postmortemIndex.get(item.slug);
    if (pm === undefined) {
      pm = postmortems.push([item.slug, item.title, item.severity, item.date, item.services.map(intern)]) - 1;
      postmortemIndex.set(item.slug, pm);
    }
    return [pm, item.action, intern(item.owner), item.due ?? '', ACTION_STATUSES.indexOf(item.status), item.closed ?? '', item.ticket?.text ?? '', packUrl(item.ticket, intern), item.line];
  });
  return { v: 1, today, strings, postmortems, items: packed };
}

/** The items of a packed ledger, in its order. Throws on another format version. */
export function unpackLedger(ledger: PackedLedger): UnpackedItem[] {
  if (ledger.v !== 1) throw new Error(`Unknown ledger format version ${String(ledger.v)}.`);
  const postmortems = ledger.postmortems.map(([slug, title, severity, date, services]) => ({ slug, title, severity, date, services: services.map((index) => ledger.strings[index]!) }));
  return ledger.items.map(([pm, action, owner, due, status, closed, ticket, ticketUrl, line]) => ({
    ...postmortems[pm]!,
    action,
    owner: ledger.strings[owner]!,
    due: due || null,
    status: ACTION_STATUSES[status]!,
    closed: closed || null,
    ticket: ticket ? { text: ticket, url: typeof ticketUrl === 'number' ? ledger.strings[ticketUrl]! + ticket : ticketUrl || null } : null,
    line,
  }));
}

/** A ticket URL that ends in the ticket's text becomes its interned prefix; others are kept whole. */
function packUrl(ticket: LedgerItem['ticket'], intern: (text: string) => number): string | number {
  if (!ticket?.url) return '';
  return ticket.text && ticket.url.endsWith(ticket.text) ? intern(ticket.url.slice(0, -ticket.text.length)) : ticket.url;
}
