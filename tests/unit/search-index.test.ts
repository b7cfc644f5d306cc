/**
 * What the build hands Pagefind for each post-mortem, and the vocabulary the
 * browser corrects typos against. The browser side (search, snippets,
 * paging) is tested in tests/e2e/site-incidents.spec.ts on a real build.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSearchIndex } from '../../src/integrations/pagefind-index.ts';
import { startSearchIndexer } from '../../src/integrations/search-indexer.ts';
import { handOffSearchDocument, setSearchDocumentSink } from '../../src/lib/site/search/search-handoff.ts';
import { loadArchive } from '../../src/lib/postmortem/archive/archive.ts';
import { archiveFacetValues } from '../../src/lib/site/facet-options.ts';
import { readFacetTable, type FacetTableFile } from '../../src/lib/site/search/facet-table.ts';
import { bodyOfPage, cardMeta, pagefindDocument } from '../../src/lib/site/search/pagefind-page.ts';
import { correctable, htmlWords, vocabularyCounter } from '../../src/lib/search/vocabulary.ts';

const { postmortems } = loadArchive(path.resolve('tests/fixtures/site'));
const redis = postmortems.find((pm) => pm.slug === '2025-05-21-redis-session-eviction')!;

describe('the document Pagefind indexes', () => {
  it('takes the rendered body out of a built post-mortem page, without the page around it', () => {
    const page = '<html><body><nav>Home Incidents</nav><main><article><header><h1>T</h1></header><div class="postmortem__main"><div class="prose postmortem__body" data-astro-cid-x><h2 id="summary">Summary</h2><p>Body text.</p></div></div><aside class="postmortem__aside no-print">Related: other incident</aside></article></main></body></html>';
    const body = bodyOfPage(page);
    expect(body).toContain('<h2 id="summary">Summary</h2><p>Body text.</p>');
    expect(body).not.toContain('Related');
    expect(body).not.toContain('Home');
    // Markers gone (a changed page): the whole main, never nothing.
    expect(bodyOfPage('<main><p>Only this</p></main>')).toBe('<p>Only this</p>');
  });

  it('carries the card facts, filters and sort key as attributes, escaped', () => {
    const facets = archiveFacetValues(postmortems)[postmortems.indexOf(redis)]!;
    const html = pagefindDocument({ ...redis, meta: { ...redis.meta, title: 'A "quoted" <title> & more' } }, facets);
    expect(html).toContain('data-pagefind-filter="severity[data-v]" data-v="SEV-2"');
    for (const service of redis.meta.services) expect(html).toContain(`data-pagefind-filter="service[data-v]" data-v="${service}"`);
    expect(html).toContain(`data-pagefind-sort="date[data-v]" data-v="${redis.meta.date}T`);
    expect(html).toContain('data-v="A &quot;quoted&quot; &lt;title&gt; &amp; more"');
    expect(html).not.toContain('<title> &');
    expect(cardMeta(redis).services).toBe(redis.meta.services.join(', '));
  });

  it('is the core\'s search document: each block with its weight, each section heading with its anchor', () => {
    const facets = archiveFacetValues(postmortems)[postmortems.indexOf(redis)]!;
    const html = pagefindDocument(redis, facets);
    expect(html).toContain(`<h1 data-pagefind-weight="7">${redis.meta.title}</h1>`);
    expect(html).toMatch(/<p data-pagefind-weight="5">SEV-2 · [^<]*redis/);
    expect(html).toContain('<h2 id="lessons-learned" data-pagefind-weight="6">');
    expect(html).toContain('<h2 id="root-cause" data-pagefind-weight="6">');
  });
});

describe('Pagefind over these documents', () => {
  afterAll(() => pagefind.close());

  it('indexes each section with its anchor and writes fragments and filters', async () => {
    const { index } = await pagefind.createIndex({ forceLanguage: 'en' });
    const facets = archiveFacetValues(postmortems);
    const added = await index!.addHTMLFile({ url: `/incidents/${redis.slug}/`, content: pagefindDocument(redis, facets[postmortems.indexOf(redis)]!) });
    expect(added.errors).toEqual([]);
    expect(added.file?.url).toBe(`/incidents/${redis.slug}/`);
    const { files, errors } = await index!.getFiles();
    expect(errors).toEqual([]);
    const names = files.map((file) => file.path);
    expect(names.some((name) => name.startsWith('fragment/'))).toBe(true);
    expect(names.some((name) => name.startsWith('filter/'))).toBe(true);
    expect(names).toContain('pagefind.js');
  });
});

describe('indexing while the build renders', () => {
  const folders: string[] = [];
  afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));
  const outDir = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hindsight-index-'));
    mkdirSync(path.join(dir, 'incidents'));
    folders.push(dir);
    return dir;
  };
  /** Every file under `dir`, by path, with its bytes. */
  const written = (dir: string) => Object.fromEntries(readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => {
    const file = path.join(entry.parentPath, entry.name);
    return [path.relative(dir, file), readFileSync(file).toString('base64')];
  }));
  const facets = archiveFacetValues(postmortems);
  const bodyOf = (at: number) => `<h2 id="summary">Summary</h2><p>Incident ${at}: ${postmortems[at]!.summary.replace(/[<&]/g, ' ')}</p>`;

  it('writes the same index whatever order pages hand their bodies in, and reads the rest from built pages', async () => {
    const fromPages = outDir();
    // As a build without hand-offs: every body read back from its built page.
    await writeSearchIndex(fromPages, postmortems, async (_, at) => `<main><div class="prose postmortem__body">${bodyOf(at)}<aside class="postmortem__aside">Related</aside></main>`);

    const handedOver = outDir();
    const indexer = await startSearchIndexer(postmortems);
    // Newest last: pages render in no particular order; every other one has no final body (MDX, local images).
    for (let at = postmortems.length - 1; at >= 0; at -= 1) indexer.add(postmortems[at]!.slug, facets[at]!, at % 2 === 0 ? bodyOf(at) : null);
    indexer.add('not-in-the-archive', facets[0]!, 'stray');
    indexer.add(postmortems[0]!.slug, facets[0]!, '<p>a second copy</p>');
    const asked: number[] = [];
    const facetsAsked: number[] = [];
    const counts = await indexer.finish(
      handedOver,
      async (_, at) => {
        asked.push(at);
        return bodyOf(at);
      },
      (at) => {
        facetsAsked.push(at);
        return facets[at]!;
      },
    );

    expect(counts).toEqual({ given: Math.ceil(postmortems.length / 2), missing: Math.floor(postmortems.length / 2) });
    expect(asked.every((at) => at % 2 === 1)).toBe(true);
    // Every page gave its facets, so none is computed again.
    expect(facetsAsked).toEqual([]);
    const files = written(handedOver);
    expect(Object.keys(files)).toContain(path.join('incidents', 'vocabulary.json'));
    expect(Object.keys(files).filter((name) => name.startsWith(`pagefind${path.sep}fragment`)).length).toBe(postmortems.length);
    expect(files).toEqual(written(fromPages));
  });

  it('writes each Pagefind page id\'s facet values (the fragment\'s name, its filters)', async () => {
    const dir = outDir();
    await writeSearchIndex(dir, postmortems, async (_, at) => `<main>${bodyOf(at)}</main>`);
    const file = JSON.parse(readFileSync(path.join(dir, 'incidents', 'facets.json'), 'utf8')) as FacetTableFile;
    const fragments = readdirSync(path.join(dir, 'pagefind', 'fragment')).map((name) => name.replace(/\.pf_fragment$/, ''));
    const table = readFacetTable(file);
    expect([...table.ids].sort()).toEqual(fragments.sort());
    // Each id is its post-mortem's page: the fragment's URL, read back, names the post-mortem whose facets the table gives.
    for (const id of table.ids) {
      const fragment = JSON.parse(gunzipSync(readFileSync(path.join(dir, 'pagefind', 'fragment', `${id}.pf_fragment`))).toString('utf8').slice('pagefind_dcd'.length)) as { url: string };
      const k = postmortems.findIndex((pm) => fragment.url === `/incidents/${pm.slug}/`);
      expect(k, fragment.url).toBeGreaterThanOrEqual(0);
      expect(table.valuesOf(table.pageOf.get(id)!)).toEqual(facets[k]);
    }
  });
});

describe('what a post-mortem page hands over', () => {
  it('hands over a final body, and leaves bodies still holding image placeholders (and MDX) to the built pages', () => {
    const received: string[] = [];
    const facets = archiveFacetValues(postmortems)[postmortems.indexOf(redis)]!;
    handOffSearchDocument(redis, postmortems, '<p>nobody listens yet</p>');
    setSearchDocumentSink({ add: (slug, given, body) => received.push(`${slug}|${body}|${JSON.stringify(given) === JSON.stringify(facets)}`) });
    try {
      handOffSearchDocument(redis, postmortems, '<p>Final body.</p>');
      handOffSearchDocument(redis, postmortems, '<p><img __ASTRO_IMAGE_="{&#x22;src&#x22;:&#x22;./graph.png&#x22;,&#x22;alt&#x22;:&#x22;p99 latency&#x22;}"></p>');
      handOffSearchDocument(redis, postmortems, undefined);
    } finally {
      setSearchDocumentSink(undefined);
    }
    // The facets always come along, the body only when final.
    expect(received).toEqual([`${redis.slug}|<p>Final body.</p>|true`, `${redis.slug}|null|true`, `${redis.slug}|null|true`]);
  });
});

describe('the vocabulary for typo correction', () => {
  it('keeps names always and other words by frequency, up to the cap', () => {
    const counter = vocabularyCounter(3);
    counter.addName('payments-gateway');
    counter.addText('timeout timeout timeout retry retry window');
    counter.addText(htmlWords('<p>Timeout &amp; <mark>retry</mark></p>'));
    const { words } = counter.result();
    expect(words.slice(0, 2)).toEqual(['payments', 'gateway']);
    expect(words).toEqual(['payments', 'gateway', 'timeout']);
  });

  it('leaves out what is never corrected: short words, numbers and ids', () => {
    expect(correctable('redis')).toBe(true);
    expect(correctable('oom')).toBe(false);
    expect(correctable('ops-1676')).toBe(false);
    const counter = vocabularyCounter();
    counter.addText('OPS-1676 at 2026 by oom in redis');
    expect(counter.result().words).toEqual(['redis']);
  });
});
