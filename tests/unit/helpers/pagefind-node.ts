/**
 * Real Pagefind, in Node: the documents indexed by Pagefind's own indexer
 * (its npm API, as the build does) into a temporary folder, then searched
 * with the pagefind.js the index ships (the browser's search code and wasm),
 * its file fetches answered from disk. What the site's ranking is, without a
 * browser, to hold the core's ranking to it.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as pagefind from 'pagefind';

const CACHE = path.resolve('.cache/test');

export interface PagefindHit {
  url: string;
  score: number;
}

export interface NodePagefind {
  /** Pagefind's results for `query`: every result's page URL and score, best first. */
  search(query: string): Promise<PagefindHit[]>;
  close(): void;
}

export async function pagefindInNode(documents: readonly { url: string; html: string }[]): Promise<NodePagefind> {
  // Inside the project: the test runner imports only files under its root.
  mkdirSync(CACHE, { recursive: true });
  const dir = mkdtempSync(path.join(CACHE, 'pagefind-'));
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(errors.join('; '));
  for (const { url, html } of documents) await index.addHTMLFile({ url, content: html });
  await index.writeFiles({ outputPath: path.join(dir, 'pagefind') });
  await pagefind.close();
  const bundle = `${pathToFileURL(path.join(dir, 'pagefind')).href}/`;
  const realFetch = globalThis.fetch;
  // pagefind.js fetches its index files relative to its bundle: answer file URLs from disk.
  globalThis.fetch = ((input: string | URL | Request, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    return url.startsWith('file:') ? Promise.resolve(new Response(readFileSync(new URL(url)))) : realFetch(input, init);
  }) as typeof fetch;
  const search = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as {
    options(options: Record<string, unknown>): Promise<void>;
    init(): Promise<void>;
    search(query: string): Promise<{ results: { score: number; data(): Promise<{ url: string }> }[] }>;
  };
  await search.options({ basePath: bundle, baseUrl: '/' });
  await search.init();
  return {
    async search(query) {
      const found = await search.search(query);
      return Promise.all(found.results.map(async (result) => ({ url: (await result.data()).url, score: result.score })));
    },
    close() {
      globalThis.fetch = realFetch;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
