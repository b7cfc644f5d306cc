/**
 * What Pagefind indexes for one post-mortem: the search core's document
 * (src/lib/search/document.ts, which the agents rank over with Pagefind's
 * formula, so both rank alike) as HTML, each block with its weight and each
 * section heading with its anchor on the page, so each match links to its
 * section; and the facts the list filters, sorts and shows cards by.
 * Pure: the integration (src/integrations/pagefind-index.ts) does the I/O.
 */
import { rootCauseCategory } from '../../postmortem/model/category.ts';
import { incidentIntervals } from '../../postmortem/model/durations.ts';
import type { Postmortem } from '../../postmortem/model/model.ts';
import type { FacetValues } from '../facets.ts';
import { formatDate, formatDuration } from '../format.ts';
import { clipText } from '../../search/records.ts';
import { BLOCK_WEIGHTS, searchDocument, type SearchBlock, type SearchDocument } from '../../search/document.ts';

/** The fields a result card shows, as Pagefind's metadata (`result.meta`); the title is Pagefind's own. */
export interface CardMeta {
  title: string;
  date: string;
  dateText: string;
  duration: string;
  category: string;
  severity: string;
  status: string;
  /** Services, comma-separated. */
  services: string;
  summary: string;
}

/** Where the rendered body sits in a built post-mortem page, and where it ends (src/pages/incidents/[slug].astro). */
const BODY_START = /<div class="prose postmortem__body"[^>]*>/;
/** What follows the body: Hindsight's own learning notes when there are any, else the aside. */
const BODY_ENDS = ['<section class="learning-notes"', '<aside class="postmortem__aside'];

/** The rendered body of a built post-mortem page; the whole `<main>` when the markers are not found. */
export function bodyOfPage(html: string): string {
  const start = BODY_START.exec(html);
  const end = Math.min(...BODY_ENDS.map((marker) => html.indexOf(marker, start?.index ?? 0)).filter((at) => at >= 0));
  if (start && Number.isFinite(end)) return html.slice(start.index + start[0].length, end);
  const main = /<main[^>]*>([\s\S]*)<\/main>/.exec(html);
  return main ? main[1]! : '';
}

export function cardMeta(pm: Postmortem): CardMeta {
  const duration = incidentIntervals(pm.meta).resolve;
  return {
    title: pm.meta.title,
    date: pm.meta.date,
    dateText: formatDate(pm.meta.date),
    duration: duration === null ? 'Duration unknown' : formatDuration(duration),
    category: rootCauseCategory(pm.meta.root_cause_category).label,
    severity: pm.meta.severity,
    status: pm.meta.status,
    services: pm.meta.services.join(', '),
    summary: clipText(pm.summary),
  };
}

/** The sort key "newest first" reads: the date, then the start time, so ties keep the list's order. */
export function dateSortKey(pm: Postmortem): string {
  return `${pm.meta.date}T${(pm.meta.started_at ?? '').slice(11, 16) || '00:00'}`;
}

/**
 * The document Pagefind indexes for `pm`: the core's blocks inside
 * `data-pagefind-body`, each with its weight; filters, metadata and the sort
 * key as attribute-only elements, which Pagefind reads without indexing their
 * text (it does search the metadata, as the core's ranking does).
 */
export function pagefindDocument(pm: Postmortem, facets: FacetValues): string {
  const { blocks, meta } = siteSearchDocument(pm);
  const hidden = [
    ...Object.entries(meta).map(([key, value]) => `<span data-pagefind-meta="${key}[data-v]" data-v="${escapeHtml(value)}"></span>`),
    ...Object.entries(facets).flatMap(([key, values]) => values.map((value) => `<span data-pagefind-filter="${key}[data-v]" data-v="${escapeHtml(value)}"></span>`)),
    `<span data-pagefind-sort="date[data-v]" data-v="${escapeHtml(dateSortKey(pm))}"></span>`,
  ].join('');
  const body = blocks.map(blockHtml).join('');
  return `<!doctype html><html lang="en"><head><title>${escapeHtml(pm.meta.title)}</title></head><body>${hidden}<main data-pagefind-body>${body}</main></body></html>`;
}

/** The card's metadata as the index holds it (Pagefind searches it too): what the agents rank over as well. */
export function searchMeta(pm: Postmortem): Record<string, string> {
  return { ...cardMeta(pm) };
}

function siteSearchDocument(pm: Postmortem): SearchDocument {
  return searchDocument(pm, searchMeta(pm));
}

const BLOCK_TAGS: Record<SearchBlock['kind'], string> = { title: 'h1', facts: 'p', heading: 'h2', text: 'p' };

function blockHtml(block: SearchBlock): string {
  const tag = BLOCK_TAGS[block.kind];
  const id = block.id ? ` id="${escapeHtml(block.id)}"` : '';
  return `<${tag}${id} data-pagefind-weight="${BLOCK_WEIGHTS[block.kind]}">${escapeHtml(block.text)}</${tag}>`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
