/**
 * /analytics/dataset.json: the per-incident rows the analytics page
 * re-aggregates when the reader picks another range or service. Fetched on
 * first use, so the page itself stays the same size at any archive size.
 * Compact (no indentation): it is read by the page, not by people;
 * /api/metrics.json is the documented, readable export.
 */
import type { APIRoute } from 'astro';
import { toMetricsDataset } from '../../lib/postmortem/metrics/record.ts';
import { siteArchive } from '../../lib/site/site-archive.ts';
import { buildDate } from '../../lib/site/build-date.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(toMetricsDataset(siteArchive().postmortems, buildDate())), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
