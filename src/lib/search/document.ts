/**
 * The one document search indexes for a post-mortem, on both sides: the site
 * renders it to the HTML Pagefind indexes (src/lib/site/search/pagefind-page.ts),
 * the agents rank over it with Pagefind's own formula (ranking.ts). Same
 * words, same weights, same metadata, so both compute the same scores.
 * Plain data: blocks of text with a weight, and the metadata fields Pagefind
 * also searches (the title among them).
 */
import GithubSlugger from 'github-slugger';
import { rootCauseCategory } from '../postmortem/model/category.ts';
import type { Postmortem } from '../postmortem/model/model.ts';
import { searchableSections, type SearchableSection } from './searchable.ts';

/**
 * Weights of a block, as Pagefind's `data-pagefind-weight` reads them (×24, kept
 * whole): what names an incident weighs most. The heading weights are
 * Pagefind's own for `h1` and `h2`, the facts line's was the site's before
 * the two rankings became one (relevance measured in docs/SEARCH.md).
 */
export const BLOCK_WEIGHTS = { title: 7, facts: 5, heading: 6, text: 1 } as const;

/** One element of the indexed body: its text, its weight, and the id a section heading links to. */
export interface SearchBlock {
  kind: keyof typeof BLOCK_WEIGHTS;
  text: string;
  /** The section's anchor on the post-mortem's page (a heading only). */
  id?: string;
}

/** What search indexes for one post-mortem. */
export interface SearchDocument {
  blocks: SearchBlock[];
  /** Metadata fields, each searched as Pagefind searches metadata (the title weighs 5, see ranking.ts). */
  meta: Record<string, string>;
}

/**
 * The document for `pm`: title, a facts line (severity, services, tags, the
 * category's label, status, link titles such as `OPS-1108`), then each
 * template section's heading and passages (searchable.ts). `meta` is the
 * card's metadata as the site stores it (src/lib/site/search/pagefind-page.ts
 * formats its dates); the title alone when not given. `sections`: the
 * post-mortem's searchable sections when the caller has them already.
 */
export function searchDocument(pm: Postmortem, meta: Record<string, string> = { title: pm.meta.title }, sections: readonly SearchableSection[] = searchableSections(pm)): SearchDocument {
  const category = rootCauseCategory(pm.meta.root_cause_category).label;
  const facts = [pm.meta.severity, ...pm.meta.services, ...pm.meta.tags, category, pm.meta.status, ...pm.meta.links.map((link) => link.title)].join(' · ');
  const slugger = new GithubSlugger();
  const blocks: SearchBlock[] = [
    { kind: 'title', text: pm.meta.title },
    { kind: 'facts', text: facts },
  ];
  for (const section of sections) {
    blocks.push({ kind: 'heading', text: section.heading, id: slugger.slug(section.heading) });
    for (const passage of section.passages) blocks.push({ kind: 'text', text: passage });
  }
  return { blocks, meta };
}
