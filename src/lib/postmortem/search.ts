/**
 * The incident search data, built once at build time: a lean record per
 * post-mortem (clipped text, as plain arrays). The browser indexes the words
 * itself (src/lib/site/search-engine.ts): a word index costs it a few
 * milliseconds to build but would cost every reader its weight to download.
 */
import type { Postmortem } from './model.ts';
import { SEARCH_KEYS, SEARCH_TEXT_LIMIT, type SearchData, type SearchRecord, type SearchRow, type TicketData } from './search-options.ts';

/** Cuts text to `limit` characters at a word boundary, with an ellipsis when cut. */
export function clipText(text: string, limit = SEARCH_TEXT_LIMIT): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= limit) return clean;
  const cut = clean.slice(0, limit);
  const space = cut.lastIndexOf(' ');
  return `${(space > limit * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

/** What one post-mortem contributes to search. */
export function toSearchRecord(pm: Postmortem): SearchRecord {
  return {
    title: pm.meta.title,
    services: [...pm.meta.services],
    tags: [...pm.meta.tags],
    summary: clipText(pm.summary),
    rootCause: clipText(pm.rootCause ?? ''),
    actions: pm.actionItems.map((item) => clipText(item.action)),
    severity: pm.meta.severity,
    owners: [...new Set(pm.actionItems.map((item) => item.owner))],
    tickets: [...new Set(pm.actionItems.flatMap((item) => (item.ticket ? [item.ticket.text] : [])))],
  };
}

/** A short stable fingerprint of the archive's slugs, in order (FNV-1a, base 36). */
export function searchVersion(postmortems: readonly Pick<Postmortem, 'slug'>[]): string {
  let hash = 0x811c9dc5;
  for (const char of postmortems.map((pm) => pm.slug).join('\n')) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${postmortems.length.toString(36)}-${hash.toString(36)}`;
}

/** A record as the array the search data ships, in {@link SEARCH_KEYS} order, without the tickets (they ship apart). */
export function toSearchRow(record: SearchRecord): SearchRow {
  return SEARCH_KEYS.filter(({ name }) => name !== 'tickets').map(({ name }) => record[name]) as SearchRow;
}

/** The ticket ids of the archive, record by record, for `incidents/search-tickets.json`. */
export function buildTicketData(postmortems: readonly Postmortem[]): TicketData {
  return { version: searchVersion(postmortems), count: postmortems.length, tickets: postmortems.map((pm) => toSearchRecord(pm).tickets) };
}

/** The search data for the archive, in archive order (newest first, as the list shows it). */
export function buildSearchData(postmortems: readonly Postmortem[]): SearchData {
  return { version: searchVersion(postmortems), count: postmortems.length, records: postmortems.map((pm) => toSearchRow(toSearchRecord(pm))) };
}
