/**
 * Full-text search at a size the machine cannot build in time: indexes an
 * archive of N post-mortems with the site's own indexer (writeSearchIndex),
 * taking each body from an already built smaller site (post-mortem i reads
 * the built page of post-mortem i mod n: the generator draws every archive
 * from the same phrases, so the index has the size and shape of a real one),
 * then measures search in Chromium on that site: bytes fetched by the first
 * and each later query (gzip) and keystroke → results rendered.
 *
 *   npx tsx scripts/bench/search-index.ts <built-site> <archive-dir> <out-dir> [queries]
 *
 * The built site must be built with base `/` (no HINDSIGHT_BASE).
 */
import { cpSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { writeSearchIndex } from '../../src/integrations/pagefind-index.ts';
import { loadArchive } from '../../src/lib/postmortem/archive/archive.ts';
import { chromiumLaunchOptions } from '../../tests/e2e/browser.ts';
import { searchQueries } from './queries.ts';
import { measureSearch } from './search-latency.ts';

const [built, archiveDir, out, queryCount = '60'] = process.argv.slice(2);
if (!built || !archiveDir || !out) {
  process.stderr.write('usage: search-index.ts <built-site> <archive-dir> <out-dir> [queries]\n');
  process.exit(2);
}

const builtSlugs = readdirSync(path.join(built, 'incidents')).filter((name) => /^\d{4}-\d{2}-\d{2}-/.test(name)).sort();
const { postmortems } = loadArchive(path.resolve(archiveDir));
rmSync(out, { recursive: true, force: true });
cpSync(built, out, { recursive: true });
rmSync(path.join(out, 'pagefind'), { recursive: true, force: true });

const cpu = process.cpuUsage();
const started = performance.now();
await writeSearchIndex(out, postmortems, (_, at) => readFile(path.join(built, 'incidents', builtSlugs[at % builtSlugs.length]!, 'index.html'), 'utf8'));
const used = process.cpuUsage(cpu);
console.log(`indexed ${postmortems.length} post-mortems in ${Math.round(performance.now() - started)} ms wall, ${Math.round((used.user + used.system) / 1000)} ms CPU in Node (Pagefind's own process not counted)`);

const sizes = new Map<string, { files: number; gzip: number }>();
const walk = (dir: string) => {
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) walk(file);
    else {
      const kind = path.relative(path.join(out, 'pagefind'), file).split(path.sep)[0]!.replace(/^pagefind\..*|\..*$/, '') || name;
      const entry = sizes.get(kind) ?? { files: 0, gzip: 0 };
      entry.files += 1;
      entry.gzip += gzipSync(readFileSync(file)).length;
      sizes.set(kind, entry);
    }
  }
};
walk(path.join(out, 'pagefind'));
for (const [kind, { files, gzip }] of sizes) console.log(`pagefind/${kind}: ${files} files, ${(gzip / 1024).toFixed(1)} KB gzip`);
console.log(`vocabulary.json: ${(gzipSync(readFileSync(path.join(out, 'incidents', 'vocabulary.json'))).length / 1024).toFixed(1)} KB gzip`);

const server = createServer((request, response) => {
  const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
  let file = path.join(out, pathname);
  if (pathname.endsWith('/')) file = path.join(file, 'index.html');
  readFile(file).then(
    (body) => {
      const type = file.endsWith('.html') ? 'text/html' : file.endsWith('.js') ? 'text/javascript' : file.endsWith('.json') ? 'application/json' : file.endsWith('.css') ? 'text/css' : 'application/octet-stream';
      response.writeHead(200, { 'Content-Type': type }).end(body);
    },
    () => response.writeHead(404).end(),
  );
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const address = server.address();
const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
const browser = await chromium.launch(chromiumLaunchOptions());
try {
  const result = await measureSearch(browser, origin, `${origin}incidents/`, searchQueries(Number(queryCount) + 1));
  const q = result.queries;
  const kb = (bytes: number | null | undefined) => (bytes === null || bytes === undefined ? '—' : `${(bytes / 1024).toFixed(1)} KB`);
  console.log(`status ${result.status}${result.note ? ` (${result.note})` : ''}`);
  console.log(`before interaction: ${kb(result.beforeInteraction.totalGzip)} total, search-like: ${result.beforeInteraction.searchLike.join(', ') || 'nothing'}`);
  console.log(`first query "${result.firstSearch?.query}": ${kb(result.firstSearch?.gzip)} gzip fetched, ${result.firstSearch?.latencyMs?.toFixed(0) ?? '—'} ms`);
  console.log(`later queries: ${q.measured}/${q.total} changed the list; p95 ${q.p95Ms?.toFixed(1)} ms, median ${q.medianMs?.toFixed(1)} ms, max ${q.maxMs?.toFixed(1)} ms`);
  console.log(`later queries fetched: median ${kb(q.fetched?.medianGzip)}, p95 ${kb(q.fetched?.p95Gzip)}, max ${kb(q.fetched?.maxGzip)}`);
  for (const sample of q.samples) console.log(`  ${JSON.stringify(sample.query)}: ${sample.ms?.toFixed(1) ?? 'unchanged'} ms, ${kb(sample.gzip)}`);
} finally {
  await browser.close();
  server.close();
}
