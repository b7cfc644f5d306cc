/**
 * Hands each post-mortem page's search document to the indexer running beside
 * the build (src/integrations/pagefind-index.ts) as soon as the page has its
 * rendered body, so Pagefind (its own process) indexes while Astro renders the
 * other pages instead of after the last one. A global, because Astro runs
 * integrations and pages as two module instances in one process; in `astro dev`
 * nothing listens and the hand-off does nothing.
 */
import type { Postmortem } from '../../postmortem/model/model.ts';
import { facetValuesOf } from '../facet-options.ts';
import type { FacetValues } from '../facets.ts';

/** What receives the documents: the integration's indexer (body null: not final, read from the built page). */
export interface SearchDocumentSink {
  add(slug: string, facets: FacetValues, body: string | null): void;
}

const SINK = Symbol.for('hindsight.searchDocumentSink');
type WithSink = typeof globalThis & { [SINK]?: SearchDocumentSink };

/** Installs (or, with `undefined`, removes) the receiver of the build's search documents. */
export function setSearchDocumentSink(sink: SearchDocumentSink | undefined): void {
  (globalThis as WithSink)[SINK] = sink;
}

/**
 * Astro keeps a local image of a Markdown body as a placeholder (its alt text inside a JSON attribute) until
 * the page renders it; such bodies are read from the built page instead, so the alt text stays searchable.
 */
const IMAGE_PLACEHOLDER = '__ASTRO_IMAGE_';

/**
 * Called by the post-mortem page with its rendered body (`entry.rendered.html`; MDX bodies have none, and
 * bodies with local images are not final: both are read from the built page after the build). `archive` is
 * the whole archive, which the learning facet reads.
 */
export function handOffSearchDocument(pm: Postmortem, archive: readonly Postmortem[], body: string | undefined): void {
  const sink = (globalThis as WithSink)[SINK];
  if (!sink) return;
  // The facets always: the indexer, in another module instance, would otherwise compute the learning indexes again.
  sink.add(pm.slug, facetValuesOf(pm, archive), body === undefined || body.includes(IMAGE_PLACEHOLDER) ? null : body);
}
