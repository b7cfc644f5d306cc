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

/** A {@link SearchRecord} as an array in {@link SEARCH_KEYS} order: `[title, services, tags, summary, rootCause, actions]`. */
export type SearchRow = [title: string, services: string[], tags: string[], summary: string, rootCause: string, actions: string[]];
