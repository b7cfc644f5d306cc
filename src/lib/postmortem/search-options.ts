/**
 * How the incident search reads the archive: the fields and their weights.
 * Shared by the build (which writes the records) and the browser (which
 * indexes and searches them), so the two can never disagree on field order.
 * Browser-safe: no imports.
 */

/** The searchable fields of a {@link SearchRecord}, in index order, with weights. */
export const SEARCH_KEYS = [
  { name: 'title', weight: 3, label: 'Title' },
  { name: 'services', weight: 2, label: 'Service' },
  { name: 'tags', weight: 2, label: 'Tag' },
  { name: 'summary', weight: 1.5, label: 'Summary' },
  { name: 'rootCause', weight: 1.5, label: 'Root cause' },
  { name: 'actions', weight: 1, label: 'Action item' },
  // Ids people paste: `SEV-1`, `@platform-team`, `OPS-1676`.
  { name: 'severity', weight: 2, label: 'Severity' },
  { name: 'owners', weight: 1.5, label: 'Owner' },
  { name: 'tickets', weight: 2, label: 'Ticket' },
] as const;

export type SearchKey = (typeof SEARCH_KEYS)[number]['name'];

/** What one post-mortem contributes to the search index. */
export interface SearchRecord {
  title: string;
  services: string[];
  tags: string[];
  /** The summary, cut to {@link SEARCH_TEXT_LIMIT} characters: the same text the incident list shows. */
  summary: string;
  rootCause: string;
  /** Action-item texts, each cut to {@link SEARCH_TEXT_LIMIT} characters. */
  actions: string[];
  /** The severity id, `SEV-1` … `SEV-4`. */
  severity: string;
  /** Action-item owners, each once (`@platform-team`). */
  owners: string[];
  /** Action-item ticket ids, each once (`OPS-1676`). */
  tickets: string[];
}

/** Longest text kept per field: enough to find an incident by, small enough for a lean index. */
export const SEARCH_TEXT_LIMIT = 200;

/**
 * The serialized search data (`incidents/search.json`): each record's fields
 * as a plain array in {@link SEARCH_KEYS} order, nothing else (the browser
 * builds its word index from them in a few milliseconds, so shipping one
 * would only add weight). Record `i` is the post-mortem at position `i` of
 * the incident list, which renders the same archive in the same order
 * (`count` and `version` guard that).
 */
export interface SearchData {
  /** Changes whenever the list of post-mortems changes; the list page carries the same value. */
  version: string;
  count: number;
  records: SearchRow[];
}

/**
 * A {@link SearchRecord} as an array in {@link SEARCH_KEYS} order. `search.json`
 * ships every field but the last, tickets: random-looking ids compress badly
 * (they would take the data from about 52 to 70 KB gzip per 1,000
 * post-mortems, past its 60 KB budget), and only a query with a digit needs
 * them, so they come in a file of their own ({@link TicketData}), fetched then.
 */
export type SearchRow = [
  title: string,
  services: string[],
  tags: string[],
  summary: string,
  rootCause: string,
  actions: string[],
  severity: string,
  owners: string[],
  tickets?: string[],
];

/** `incidents/search-tickets.json`: each record's ticket ids, in the same order as {@link SearchData} (same `version`). */
export interface TicketData {
  version: string;
  count: number;
  tickets: string[][];
}
