/**
 * What Pagefind indexes for one post-mortem: a small HTML document made of
 * the body the build already rendered (its section headings keep their ids,
 * so each match links to its section) and the facts the list filters, sorts
 * and shows cards by. Indexing this instead of the whole built page leaves out
 * the navigation, related incidents and other pages' titles, and costs no
 * second Markdown pass. Pure: the integration (src/integrations/pagefind-index.ts) does the I/O.
 */
import { rootCauseCategory } from '../../postmortem/model/category.ts';
import { incidentIntervals } from '../../postmortem/model/durations.ts';
import type { Postmortem } from '../../postmortem/model/model.ts';
import type { FacetValues } from '../facets.ts';
import { formatDate, formatDuration } from '../format.ts';
import { clipText } from '../../search/records.ts';

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
 * The document Pagefind indexes for `pm`: facts and body inside
 * `data-pagefind-body`; filters, metadata and the sort key as attribute-only
 * elements, which Pagefind reads without indexing their text.
 */
export function pagefindDocument(pm: Postmortem, facets: FacetValues, bodyHtml: string): string {
  const meta = cardMeta(pm);
  // Link titles are where ticket ids (`OPS-1108`) often are: indexed whole, weighted like the facts.
  const facts = [pm.meta.severity, ...pm.meta.services, ...pm.meta.tags, meta.category, pm.meta.status, ...pm.meta.links.map((link) => link.title)].join(' · ');
  const hidden = [
    ...Object.entries(meta).map(([key, value]) => `<span data-pagefind-meta="${key}[data-v]" data-v="${escapeHtml(value)}"></span>`),
    ...Object.entries(facets).flatMap(([key, values]) => values.map((value) => `<span data-pagefind-filter="${key}[data-v]" data-v="${escapeHtml(value)}"></span>`)),
    `<span data-pagefind-sort="date[data-v]" data-v="${escapeHtml(dateSortKey(pm))}"></span>`,
  ].join('');
  return `<!doctype html><html lang="en"><head><title>${escapeHtml(meta.title)}</title></head><body>${hidden}<main data-pagefind-body><h1>${escapeHtml(meta.title)}</h1><p data-pagefind-weight="5">${escapeHtml(facts)}</p>${bodyHtml}</main></body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
