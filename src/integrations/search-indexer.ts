/**
 * Feeds Pagefind one post-mortem at a time, in archive order whatever order
 * the documents arrive in (so a build's index does not depend on which page
 * rendered first), with a bounded number of documents in flight, and counts
 * the archive's vocabulary (typo correction) from the same bodies.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { Postmortem } from '../lib/postmortem/model/model.ts';
import type { FacetValues } from '../lib/site/facets.ts';
import { pagefindDocument } from '../lib/site/search/pagefind-page.ts';
import { englishShards } from '../lib/search/english.ts';
import { knownShards } from '../lib/site/search/known-words.ts';
import { htmlWords, vocabularyCounter } from '../lib/search/vocabulary.ts';
import { facetTableOf } from './pagefind-facets.ts';

/** Documents handed to Pagefind and not yet answered, at most: keeps its indexer busy and both processes' memory bounded. */
const IN_FLIGHT = 64;
/** Missing bodies read at once after the build. */
const BATCH = 100;

interface SearchDocument {
  /** The HTML Pagefind indexes (pagefindDocument: the core's search document, plain text, no page furniture). */
  document: string;
  /** The rendered body, for the vocabulary. */
  body: string;
}

export interface SearchIndexer {
  /**
   * One post-mortem's facet values and its rendered body, or null when the body is not final yet (read from the
   * built page at the end). Ignored when the slug is not in the archive or its body was already given.
   */
  add(slug: string, facets: FacetValues, body: string | null): void;
  /**
   * Indexes the bodies never given (`builtBody`, with the facets given, else `facetsOf`), writes
   * `outDir/pagefind/`, `outDir/incidents/vocabulary.json` and its shards `outDir/incidents/known-words/`, the facet table `outDir/incidents/facets.json` and the English shards `outDir/incidents/english/`; answers how many bodies were given and how many read.
   */
  finish(
    outDir: string,
    builtBody: (pm: Postmortem, at: number) => Promise<string>,
    facetsOf: (at: number) => FacetValues,
  ): Promise<{ given: number; missing: number }>;
}

/** Starts Pagefind for `postmortems` (archive order, as the pages are listed) of a site served under `base`. */
export async function startSearchIndexer(postmortems: readonly Postmortem[], base = '/'): Promise<SearchIndexer> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const position = new Map(postmortems.map((pm, at) => [pm.slug, at]));
  const pageUrl = (pm: Postmortem) => `${base}incidents/${pm.slug}/`;
  const waiting = new Map<number, SearchDocument>();
  // Facets the pages gave: computing them again here (another module instance) would redo the learning indexes.
  const facetsGiven: (FacetValues | undefined)[] = [];
  const vocabulary = vocabularyCounter();
  const failures: string[] = [];
  let next = 0;
  let inFlight = 0;
  let whenDone: (() => void) | null = null;

  const pump = () => {
    while (inFlight < IN_FLIGHT && waiting.has(next)) {
      const { document, body } = waiting.get(next)!;
      waiting.delete(next);
      const pm = postmortems[next]!;
      next += 1;
      vocabulary.addText(htmlWords(body));
      for (const name of [pm.meta.title, ...pm.meta.services, ...pm.meta.tags, ...pm.actionItems.map((item) => item.owner)]) vocabulary.addName(name);
      inFlight += 1;
      index
        .addHTMLFile({ url: pageUrl(pm), content: document })
        .then(
          (response) => failures.push(...response.errors),
          (error: unknown) => failures.push(String(error)),
        )
        .finally(() => {
          inFlight -= 1;
          pump();
        });
    }
    if (whenDone && inFlight === 0 && next === postmortems.length) whenDone();
  };
  const given = (at: number) => at < next || waiting.has(at);
  const take = (at: number, facets: FacetValues, body: string) => {
    if (given(at)) return;
    waiting.set(at, { document: pagefindDocument(postmortems[at]!, facets), body });
    pump();
  };

  return {
    add(slug, facets, body) {
      const at = position.get(slug);
      if (at === undefined) return;
      facetsGiven[at] ??= facets;
      if (body !== null) take(at, facets, body);
    },
    async finish(outDir, builtBody, facetsOf) {
      const absent = postmortems.flatMap((_, at) => (given(at) ? [] : [at]));
      try {
        for (let from = 0; from < absent.length; from += BATCH) {
          const batch = absent.slice(from, from + BATCH);
          const bodies = await Promise.all(batch.map((at) => builtBody(postmortems[at]!, at)));
          batch.forEach((at, k) => take(at, facetsGiven[at] ?? facetsOf(at), bodies[k]!));
        }
        await new Promise<void>((resolve) => {
          whenDone = resolve;
          pump();
        });
        if (failures.length) throw new Error(`Pagefind refused a post-mortem: ${failures[0]}`);
        const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
        if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
      } finally {
        await pagefind.close();
      }
      const words = vocabulary.result();
      await writeFile(path.join(outDir, 'incidents', 'vocabulary.json'), JSON.stringify(words));
      // The same words by their first letters, so the browser asks for the whole list only to correct a word (known-words.ts).
      const knownDir = path.join(outDir, 'incidents', 'known-words');
      await mkdir(knownDir, { recursive: true });
      await Promise.all([...knownShards(words)].map(([key, shard]) => writeFile(path.join(knownDir, `${key}.json`), JSON.stringify(shard))));
      const facets = await facetTableOf(path.join(outDir, 'pagefind'));
      await writeFile(path.join(outDir, 'incidents', 'facets.json'), JSON.stringify(facets));
      // The English word list by shard, so the browser's corrector leaves correctly spelt words alone (src/lib/search/correct.ts).
      const englishDir = path.join(outDir, 'incidents', 'english');
      await mkdir(englishDir, { recursive: true });
      await Promise.all([...englishShards()].map(([key, words]) => writeFile(path.join(englishDir, `${key}.json`), JSON.stringify(words))));
      return { given: postmortems.length - absent.length, missing: absent.length };
    },
  };
}
