/** The site's search beside stock Pagefind's, as lines for the terminal (search-site.ts). */
import { quantile } from '../../src/lib/postmortem/stats.ts';
import type { ByteFigures, SearchMeasurement } from './search-latency.ts';
import type { StockPagefindMeasurement } from './stock-pagefind.ts';

const kb = (bytes: number | null | undefined) => (bytes === null || bytes === undefined ? '—' : `${(bytes / 1024).toFixed(1)} KB`);
const ms = (value: number | null | undefined) => (value === null || value === undefined ? '—' : `${value.toFixed(1)} ms`);

const bytesLine = (label: string, figures: ByteFigures | undefined) => `${label}: median ${kb(figures?.medianGzip)}, p95 ${kb(figures?.p95Gzip)}, max ${kb(figures?.maxGzip)}`;

/** Both measurements, the site's first; `samples` adds every query's figures. */
export function formatSearchComparison(site: SearchMeasurement, stock: StockPagefindMeasurement, samples = false): string {
  const q = site.queries;
  const lines = [
    `site: ${site.status}${site.note ? ` (${site.note})` : ''}`,
    `  first query "${site.firstSearch?.query}": ${kb(site.firstSearch?.gzip)} fetched, ${ms(site.firstSearch?.latencyMs)}`,
    `  later queries: ${q.measured} of ${q.total} changed the list; first results shown p95 ${ms(q.firstShown?.p95Ms)} (median ${ms(q.firstShown?.medianMs)}); settled p95 ${ms(q.p95Ms)} (median ${ms(q.medianMs)}, max ${ms(q.maxMs)})`,
    bytesLine('  later queries fetched', q.fetched),
    bytesLine('    with the keystroke before', q.fetched?.withKeystrokeBefore),
    `stock Pagefind (search, then data() of the first 10): ${stock.status}${stock.note ? ` (${stock.note})` : ''}`,
    `  first query "${stock.first?.query}": ${kb(stock.first?.gzip)} fetched, ${ms(stock.first?.ms)}`,
    `  later queries: p95 ${ms(stock.queries.p95Ms)} (median ${ms(stock.queries.medianMs)}, max ${ms(stock.queries.maxMs)}, ${stock.queries.total} queries)`,
    bytesLine('  later queries fetched', stock.queries.fetched),
    bytesLine('    with the keystroke before', stock.queries.fetched.withKeystrokeBefore),
  ];
  const stages = [...new Set(q.samples.flatMap((sample) => Object.keys(sample.stages ?? {})))];
  for (const stage of stages) {
    const times = q.samples.map((sample) => sample.stages?.[stage] ?? 0);
    lines.splice(5, 0, `    ${stage}: p95 ${ms(quantile(times, 0.95))}, median ${ms(quantile(times, 0.5))} (the page's measure; 0 when a keystroke had none)`);
  }
  if (samples) {
    const stockBy = new Map(stock.queries.samples.map((sample) => [sample.query, sample]));
    for (const sample of q.samples) {
      const peer = stockBy.get(sample.query);
      const staged = Object.entries(sample.stages ?? {}).map(([stage, time]) => `${stage.replace('search: ', '')} ${ms(time)}`).join(', ');
      lines.push(`  ${JSON.stringify(sample.query)}: site first ${ms(sample.firstMs)}, settled ${ms(sample.ms)}${staged ? ` (${staged})` : ''}, ${kb(sample.gzip)} (${kb(sample.beforeGzip)} the keystroke before); stock ${ms(peer?.ms)}, ${peer?.results ?? '—'} results, ${kb(peer?.gzip)}`);
      const kinds = new Map<string, number>();
      for (const r of sample.resources ?? []) kinds.set(r.url.replace(/\/[^/]*$/, '/').replace(/^\/?/, '/'), (kinds.get(r.url.replace(/\/[^/]*$/, '/').replace(/^\/?/, '/')) ?? 0) + r.gzip);
      if (kinds.size) lines.push(`    site fetched: ${[...kinds].map(([folder, gzip]) => `${folder} ${kb(gzip)}`).join(', ')}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
