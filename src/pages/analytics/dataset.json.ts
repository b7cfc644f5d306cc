/**
 * /analytics/dataset.json: the per-incident rows the analytics page
 * re-aggregates when the reader picks another range or service. Fetched on
 * first use, so the page itself stays the same size at any archive size.
 * Compact (no indentation): it is read by the page, not by people;
 * /api/metrics.json is the documented, readable export.
 */
import settings from 'virtual:hindsight/settings';
import type { APIRoute } from 'astro';
import { linkKinds } from '../../lib/postmortem/learning/link-kinds.ts';
import type { LearningDataset } from '../../lib/site/analytics/learning-view.ts';
import { siteArchive, siteMetricsDataset } from '../../lib/build/site-archive.ts';

export const GET: APIRoute = () => {
  const { postmortems } = siteArchive(settings);
  // Each reviewed incident's links ride along, so the learning figures follow the range and service too.
  const dataset: LearningDataset = { ...siteMetricsDataset(settings), learning: linkKinds(postmortems) };
  return new Response(JSON.stringify(dataset), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
