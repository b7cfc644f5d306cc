/**
 * Search records for the in-memory engine (engine.ts) that agents and the
 * terminal search with (src/lib/agent/agent-search.ts): one record per post-mortem,
 * a field per fact and per template section, in {@link SEARCH_KEYS} order.
 * The site searches the same sections through Pagefind
 * (src/integrations/pagefind-index.ts); what is searchable is the core's
 * searchableSections. Runs in Node: a record holds every section's full text.
 */
import type { Postmortem } from '../postmortem/model/model.ts';
import { searchDocument, type SearchDocument } from './document.ts';
import { searchableSections, type SearchableSection } from './searchable.ts';
import { SECTIONS, type SectionKey } from '../postmortem/parsing/sections.ts';

/** Weight of a template section's text: what a reader names an incident by weighs most. */
const SECTION_WEIGHTS: Record<SectionKey, number> = {
  summary: 1.5,
  impact: 1,
  timeline: 1,
  'root-cause': 1.5,
  'contributing-factors': 1.2,
  'what-went-well': 1,
  'what-could-be-improved': 1,
  'action-items': 1,
  'lessons-learned': 1.2,
};

/** The searchable fields of a {@link SearchRecord}, in index order, with weights and labels. */
export const SEARCH_KEYS = [
  { name: 'title', weight: 3, label: 'Title' },
  { name: 'services', weight: 2, label: 'Service' },
  { name: 'tags', weight: 2, label: 'Tag' },
  // Ids people paste: `SEV-1`, `@platform-team`, `OPS-1676`.
  { name: 'severity', weight: 2, label: 'Severity' },
  { name: 'owners', weight: 1.5, label: 'Owner' },
  { name: 'tickets', weight: 2, label: 'Ticket' },
  ...SECTIONS.map((section) => ({ name: section.key, weight: SECTION_WEIGHTS[section.key], label: section.title })),
] as const satisfies readonly { name: string; weight: number; label: string }[];

export type SearchKey = 'title' | 'services' | 'tags' | 'severity' | 'owners' | 'tickets' | SectionKey;

/** What one post-mortem contributes to search: each field's texts. */
export type SearchRecord = Record<SearchKey, string[]>;

/** A record as an array in {@link SEARCH_KEYS} order. */
export type SearchRow = string[][];

/** The records of an archive, in archive order (newest first, as the list shows it). */
export interface SearchData {
  count: number;
  records: SearchRow[];
  /** What the site's Pagefind index holds for each, which the agents rank over (ranking.ts). */
  documents: SearchDocument[];
}

/** Longest summary a card shows: enough to know the incident by. */
export const SUMMARY_LIMIT = 200;

/** Cuts text to `limit` characters at a word boundary, with an ellipsis when cut. */
export function clipText(text: string, limit = SUMMARY_LIMIT): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= limit) return clean;
  const cut = clean.slice(0, limit);
  const space = cut.lastIndexOf(' ');
  return `${(space > limit * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

/** What one post-mortem contributes to search: its facts and the text of every section (`sections`: its searchable sections, when read already). */
export function toSearchRecord(pm: Postmortem, sections: readonly SearchableSection[] = searchableSections(pm)): SearchRecord {
  const record: SearchRecord = {
    title: [pm.meta.title],
    services: [...pm.meta.services],
    tags: [...pm.meta.tags],
    severity: [pm.meta.severity],
    owners: [...new Set(pm.actionItems.map((item) => item.owner))],
    // Ticket ids people paste: action items' tickets and the titles of the frontmatter's `links` (`OPS-1108`).
    tickets: [...new Set([...pm.actionItems.flatMap((item) => (item.ticket ? [item.ticket.text] : [])), ...pm.meta.links.map((link) => link.title)])],
    ...(Object.fromEntries(SECTIONS.map((section) => [section.key, []])) as unknown as Record<SectionKey, string[]>),
  };
  for (const section of sections) record[section.key] = section.passages;
  return record;
}

/** A record as the array the engine indexes, in {@link SEARCH_KEYS} order. */
export function toSearchRow(record: SearchRecord): SearchRow {
  return SEARCH_KEYS.map(({ name }) => record[name]);
}

/**
 * The search data for the archive, in archive order. `metaOf` gives each
 * post-mortem's card metadata as the site indexes it (the agents pass the
 * site's cardMeta); the title alone by default.
 */
export function buildSearchData(postmortems: readonly Postmortem[], metaOf?: (pm: Postmortem) => Record<string, string>): SearchData {
  // Each post-mortem's sections are read once, for its record and its document.
  const sections = postmortems.map((pm) => searchableSections(pm));
  return {
    count: postmortems.length,
    records: postmortems.map((pm, at) => toSearchRow(toSearchRecord(pm, sections[at]))),
    documents: postmortems.map((pm, at) => searchDocument(pm, metaOf?.(pm), sections[at])),
  };
}
