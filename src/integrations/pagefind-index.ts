/**
 * Full-text search of every section (issue 16): after the build, Pagefind
 * indexes each post-mortem from the body the build just rendered (see
 * src/lib/site/search/pagefind-page.ts) and writes its chunked index to
 * `pagefind/`; the archive's vocabulary for typo correction goes to
 * `incidents/vocabulary.json`. The incident list loads both on first use.
 * `astro dev` has neither: the list then says search needs a built site.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { config } from '../lib/config.ts';
import { loadArchive } from '../lib/postmortem/archive.ts';
import type { Postmortem } from '../lib/postmortem/model.ts';
import { archiveFacetValues } from '../lib/site/facet-options.ts';
import { bodyOfPage, pagefindDocument } from '../lib/site/search/pagefind-page.ts';
import { htmlWords, vocabularyCounter } from '../lib/site/search/vocabulary.ts';

/** Page furniture inside the body that is not the author's text: heading anchors, "Scroll sideways" hints, aria-hidden parts. */
const HIDDEN_FROM_SEARCH = ['.heading-anchor', '.table-scroll__hint', '[aria-hidden="true"]'];
/** Documents handed to Pagefind at once: enough to keep its indexer busy, few enough to bound memory. */
const BATCH = 100;

export function pagefindIndex(): AstroIntegration {
  return {
    name: 'hindsight:pagefind-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const outDir = fileURLToPath(dir);
        const { postmortems } = loadArchive(config.archiveDir);
        await writeSearchIndex(outDir, postmortems, (pm) => readFile(path.join(outDir, 'incidents', pm.slug, 'index.html'), 'utf8'));
        logger.info(`indexed ${postmortems.length} post-mortems for search in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}

/**
 * Indexes `postmortems` (archive order) into `outDir/pagefind/` and writes
 * `outDir/incidents/vocabulary.json`; `builtPage` gives each one's built page.
 * Exported for the bench, which indexes large archives without building them.
 */
export async function writeSearchIndex(outDir: string, postmortems: readonly Postmortem[], builtPage: (pm: Postmortem, at: number) => Promise<string>): Promise<void> {
  const facets = archiveFacetValues(postmortems);
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en', excludeSelectors: HIDDEN_FROM_SEARCH });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const vocabulary = vocabularyCounter();
  try {
    for (let at = 0; at < postmortems.length; at += BATCH) {
      const batch = postmortems.slice(at, at + BATCH);
      const pages = await Promise.all(batch.map((pm, k) => builtPage(pm, at + k)));
      const added = await Promise.all(
        batch.map((pm, k) => {
          const body = bodyOfPage(pages[k]!);
          vocabulary.addText(htmlWords(body));
          for (const name of [pm.meta.title, ...pm.meta.services, ...pm.meta.tags, ...pm.actionItems.map((item) => item.owner)]) vocabulary.addName(name);
          return index.addHTMLFile({ url: `${config.base}incidents/${pm.slug}/`, content: pagefindDocument(pm, facets[at + k]!, body) });
        }),
      );
      const failed = added.flatMap((response) => response.errors);
      if (failed.length) throw new Error(`Pagefind refused a post-mortem: ${failed[0]}`);
    }
    const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
  await writeFile(path.join(outDir, 'incidents', 'vocabulary.json'), JSON.stringify(vocabulary.result()));
}
