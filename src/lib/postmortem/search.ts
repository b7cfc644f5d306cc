/**
 * The incident search, built once at build time: a lean record per
 * post-mortem and a prebuilt Fuse index over them, serialized so the browser
 * only parses it (no indexing on the reader's machine).
 */
import Fuse from 'fuse.js';
import type { Postmortem } from './model.ts';
import { FUSE_OPTIONS, SEARCH_TEXT_LIMIT, type SearchData, type SearchRecord } from './search-options.ts';

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

type IndexEntry = { v: string; i?: number; n?: number };

/** Drops the per-field norms from a serialized index's records; the search runs with `ignoreFieldNorm`. */
function withoutNorms(records: unknown[]): unknown[] {
  const strip = ({ n: _norm, ...entry }: IndexEntry) => entry;
  return (records as { i: number; $: Record<string, IndexEntry | IndexEntry[]> }[]).map((record) => ({
    ...record,
    $: Object.fromEntries(Object.entries(record.$).map(([key, value]) => [key, Array.isArray(value) ? value.map(strip) : strip(value)])),
  }));
}

/** The search data for the archive, in archive order (newest first, as the list shows it). */
export function buildSearchData(postmortems: readonly Postmortem[]): SearchData {
  const records = postmortems.map(toSearchRecord);
  const index = Fuse.createIndex(FUSE_OPTIONS.keys, records).toJSON() as SearchData['index'];
  return { version: searchVersion(postmortems), count: records.length, index: { keys: index.keys, records: withoutNorms(index.records) } };
}
