/**
 * Full-text search of every section (issue 16): Pagefind indexes each
 * post-mortem's search document (the core's, rendered by src/lib/site/search/pagefind-page.ts)
 * and writes its chunked index to `pagefind/`; the archive's vocabulary for
 * typo correction goes to `incidents/vocabulary.json`. The incident list loads
 * both on first use. Indexing starts with the build: each post-mortem page hands
 * its document over as it renders (search-handoff.ts), so Pagefind's own process
 * works beside Astro's rendering; what no page handed over (MDX bodies) is read
 * from the built pages at the end. `astro dev` has no index: the list then says
 * search needs a built site.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { loadArchive } from '../lib/postmortem/archive/archive.ts';
import type { Postmortem } from '../lib/postmortem/model/model.ts';
import type { HindsightConfig } from '../lib/settings/load-config.ts';
import { archiveFacetValues } from '../lib/site/facet-options.ts';
import { bodyOfPage } from '../lib/site/search/pagefind-page.ts';
import { setSearchDocumentSink } from '../lib/site/search/search-handoff.ts';
import { startSearchIndexer, type SearchIndexer } from './search-indexer.ts';

export function pagefindIndex(settings: HindsightConfig): AstroIntegration {
  let indexer: SearchIndexer | null = null;
  let started = 0;
  return {
    name: 'hindsight:pagefind-index',
    hooks: {
      'astro:build:start': async () => {
        started = performance.now();
        indexer = await startSearchIndexer(loadArchive(settings.archiveDir, settings).postmortems, settings.base);
        setSearchDocumentSink(indexer);
      },
      'astro:build:done': async ({ dir, logger }) => {
        setSearchDocumentSink(undefined);
        if (!indexer) return;
        const outDir = fileURLToPath(dir);
        const { postmortems } = loadArchive(settings.archiveDir, settings);
        const { given, missing } = await indexer.finish(outDir, (pm) => readBody(path.join(outDir, 'incidents', pm.slug, 'index.html')), (at) => archiveFacetValues(postmortems)[at]!);
        indexer = null;
        const from = missing ? ` (${given} as their pages rendered, ${missing} from built pages)` : '';
        logger.info(`indexed ${postmortems.length} post-mortems for search${from}; done ${Math.round(performance.now() - started)} ms after the build started`);
      },
    },
  };
}

/** The rendered body of a built post-mortem page. */
async function readBody(page: string): Promise<string> {
  return bodyOfPage(await readFile(page, 'utf8'));
}

/**
 * Indexes `postmortems` (archive order) into `outDir/pagefind/` and writes
 * `outDir/incidents/vocabulary.json` from built pages (`builtPage` gives each one's).
 * For the bench, which indexes large archives without building them.
 */
export async function writeSearchIndex(outDir: string, postmortems: readonly Postmortem[], builtPage: (pm: Postmortem, at: number) => Promise<string>): Promise<void> {
  const indexer = await startSearchIndexer(postmortems);
  await indexer.finish(outDir, async (pm, at) => bodyOfPage(await builtPage(pm, at)), (at) => archiveFacetValues(postmortems)[at]!);
}
