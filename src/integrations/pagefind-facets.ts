/**
 * The facet table of a written Pagefind index (src/lib/site/search/facet-table.ts):
 * each page's filters as Pagefind stored them in its fragment, under the page's
 * id (the fragment's name, which the browser's results carry).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import type { FacetValues } from '../lib/site/facets.ts';
import { encodeFacetTable, type FacetTableFile } from '../lib/site/search/facet-table.ts';

/** Fragments read at once. */
const BATCH = 100;
/** Pagefind's fragments are gzip of this signature and the fragment's JSON. */
const SIGNATURE = 'pagefind_dcd';
const FRAGMENT = '.pf_fragment';

interface Fragment {
  url: string;
  filters: Partial<FacetValues>;
}

/** Reads `pagefindDir/fragment/` (the table orders its pages by id, so the file does not depend on the listing's order). */
export async function facetTableOf(pagefindDir: string): Promise<FacetTableFile> {
  const dir = path.join(pagefindDir, 'fragment');
  const names = (await readdir(dir)).filter((name) => name.endsWith(FRAGMENT));
  const pages: { id: string; fragment: Fragment }[] = [];
  for (let from = 0; from < names.length; from += BATCH) {
    const batch = names.slice(from, from + BATCH);
    const read = await Promise.all(batch.map(async (name) => readFragment(await promisify(gunzip)(await readFile(path.join(dir, name))), name)));
    pages.push(...read.map((fragment, k) => ({ id: batch[k]!.slice(0, -FRAGMENT.length), fragment })));
  }
  return encodeFacetTable(pages.map(({ id, fragment }) => [id, fragment.filters]));
}

function readFragment(bytes: Buffer, name: string): Fragment {
  const text = bytes.toString('utf8');
  if (!text.startsWith(SIGNATURE)) throw new Error(`Pagefind fragment ${name} is not in the format this build reads (Pagefind 1.x)`);
  return JSON.parse(text.slice(SIGNATURE.length)) as Fragment;
}
