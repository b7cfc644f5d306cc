/**
 * /api/metrics.json: the analytics page's figures as data. For each time
 * range (all services) the full report the page's tables show, plus the
 * per-incident rows the page re-aggregates for a single service. Shape:
 * MetricsExport in src/lib/postmortem/metrics/metrics-export.ts; documented in docs/METRICS.md.
 */
import settings from 'virtual:hindsight/settings';
import type { APIRoute } from 'astro';
import { metricsExport } from '../../lib/postmortem/metrics/index.ts';
import { siteMetricsDataset } from '../../lib/build/site-archive.ts';

export const GET: APIRoute = () => {
  const body = metricsExport(siteMetricsDataset(settings));
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
