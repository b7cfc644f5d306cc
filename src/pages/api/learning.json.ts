/** /api/learning.json: repeats, open follow-ups at the time and follow-up health as data (docs/METRICS.md). */
import settings from 'virtual:hindsight/settings';
import type { APIRoute } from 'astro';
import { learningExport } from '../../lib/postmortem/learning/learning-export.ts';
import { siteArchive } from '../../lib/build/site-archive.ts';
import { buildDate } from '../../lib/build/build-date.ts';

export const GET: APIRoute = () => {
  const body = learningExport(siteArchive(settings).postmortems, buildDate(settings.today));
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
