/**
 * `npx tsx scripts/bench/learning-timing.ts N` (a maintainer's measurement): how long the
 * learning figures, /api/learning.json, the three quarterly-review routes and the related
 * incidents of every post-mortem page take over N generated post-mortems, in the order a
 * build reaches them (the indexes are cached per archive, so the first step pays for them).
 * Wall and CPU (user + system) milliseconds per step; the JSON's size; peak RSS.
 */
import { learningFigures } from '../../src/lib/postmortem/learning/figures.ts';
import { learningExport } from '../../src/lib/postmortem/learning/learning-export.ts';
import { quarterlyReview, reviewQuarters } from '../../src/lib/postmortem/learning/quarterly-review.ts';
import { toPostmortem } from '../../src/lib/postmortem/model/model.ts';
import { parsePostmortem } from '../../src/lib/postmortem/parsing/parse.ts';
import { relatedIncidents, type RelatedWork } from '../../src/lib/postmortem/related.ts';
import { generatePostmortems } from './generate.ts';

const AS_OF = '2026-11-27';

/** Runs `work`, prints its wall and CPU time, returns its result. */
function timed<T>(label: string, work: () => T, detail: (result: T) => string = () => ''): T {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = work();
  const wall = performance.now() - start;
  const { user, system } = process.cpuUsage(cpu);
  console.log(`${label}: ${Math.round(wall)} ms wall, ${Math.round((user + system) / 1000)} ms CPU${detail(result) ? ` (${detail(result)})` : ''}`);
  return result;
}

const count = Number(process.argv[2] ?? 1000);
const postmortems = generatePostmortems(count).flatMap((pm) => toPostmortem(parsePostmortem(pm.fileName, pm.text)) ?? []);
console.log(`N = ${count}`);
timed('learningFigures', () => learningFigures(postmortems, AS_OF), (figures) => `${figures.repeats.overall.count} repeats`);
timed('learningExport', () => JSON.stringify(learningExport(postmortems, AS_OF)), (json) => `${(json.length / 1e6).toFixed(1)} MB`);
// /learning/<quarter>.json, /learning/<quarter>/ and /learning/ each ask for every quarter's review.
timed(
  'quarter routes (3 × every quarter)',
  () => {
    const quarters = reviewQuarters(postmortems);
    for (let route = 0; route < 3; route++) for (const quarter of reviewQuarters(postmortems)) quarterlyReview(postmortems, quarter, AS_OF);
    return quarters.length;
  },
  (quarters) => `${quarters} quarters`,
);
const work: RelatedWork = { postings: 0, bounded: 0, scored: 0 };
timed(
  'relatedIncidents (every post-mortem page)',
  () => postmortems.reduce((links, pm) => links + relatedIncidents(pm, postmortems, 4, work).length, 0),
  (links) => `${postmortems.length} pages, ${links} links; per page ${Math.round((work.postings + work.bounded + work.scored) / postmortems.length)} list entries, bounds and scores`,
);
console.log(`peak RSS ${Math.round(process.resourceUsage().maxRSS / 1e3)} MB`);
