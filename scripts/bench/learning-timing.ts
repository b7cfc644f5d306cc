/**
 * `npx tsx scripts/bench/learning-timing.ts N` (a maintainer's measurement): how long the
 * learning figures and /api/learning.json take over N generated post-mortems, and how big
 * the JSON is. The learning links are the part of a build that grew with N².
 */
import { learningFigures } from '../../src/lib/postmortem/learning/figures.ts';
import { learningExport } from '../../src/lib/postmortem/learning/learning-export.ts';
import { toPostmortem } from '../../src/lib/postmortem/model.ts';
import { parsePostmortem } from '../../src/lib/postmortem/parse.ts';
import { generatePostmortems } from './generate.ts';

const count = Number(process.argv[2] ?? 1000);
const postmortems = generatePostmortems(count).flatMap((pm) => toPostmortem(parsePostmortem(pm.fileName, pm.text)) ?? []);
let start = performance.now();
const figures = learningFigures(postmortems, '2026-11-27');
console.log(`N = ${count}: learningFigures ${Math.round(performance.now() - start)} ms (${figures.repeats.overall.count} repeats)`);
start = performance.now();
const json = JSON.stringify(learningExport(postmortems, '2026-11-27'));
console.log(`learningExport ${Math.round(performance.now() - start)} ms, ${(json.length / 1e6).toFixed(1)} MB; RSS ${Math.round(process.memoryUsage().rss / 1e6)} MB`);
