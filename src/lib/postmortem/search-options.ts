/**
 * How the incident search reads the archive: the fields, their weights and
 * Fuse's fuzziness. Shared by the build (which prebuilds the index) and the
 * browser (which loads it), so the two can never disagree on key order.
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

/**
 * Fuse options. `ignoreLocation` lets a word match anywhere in a long field;
 * a threshold of 0.3 forgives a typo in a word ("certficate") without
 * letting three-letter queries ("dst", "oom") match nearly everything.
 * Field-length norms are off: the key weights already rank a title above a
 * summary, and leaving the norms out of the index keeps it ~15% smaller.
 */
export const FUSE_OPTIONS = {
  keys: SEARCH_KEYS.map(({ name, weight }) => ({ name, weight })),
  threshold: 0.3,
  ignoreLocation: true,
  ignoreFieldNorm: true,
  includeMatches: true,
  includeScore: true,
  minMatchCharLength: 2,
};

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
 * The serialized search data (`incidents/search.json`). Records are not
 * shipped twice: their text lives in the index, and result `i` is the
 * position of the post-mortem in the incident list, which renders the same
 * archive in the same order (`count` and `version` guard that).
 */
export interface SearchData {
  /** Changes whenever the list of post-mortems changes; the list page carries the same value. */
  version: string;
  count: number;
  /** `Fuse.createIndex(...).toJSON()`, without the field-length norms (`n`) that `ignoreFieldNorm` never reads. */
  index: { keys: unknown[]; records: unknown[] };
}
