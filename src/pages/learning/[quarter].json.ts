/** /learning/<quarter>.json: the quarterly learning review as data (QuarterlyReview in src/lib/postmortem/learning/quarterly-review.ts). */
import settings from 'virtual:hindsight/settings';
import type { APIRoute } from 'astro';
import { quarterlyReview, reviewQuarters, type QuarterId } from '../../lib/postmortem/learning/quarterly-review.ts';
import { siteArchive } from '../../lib/build/site-archive.ts';
import { buildDate } from '../../lib/build/build-date.ts';

export function getStaticPaths() {
  return reviewQuarters(siteArchive(settings).postmortems).map((quarter) => ({ params: { quarter } }));
}

export const GET: APIRoute = ({ params }) => {
  const body = quarterlyReview(siteArchive(settings).postmortems, params.quarter as QuarterId, buildDate(settings.today));
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
