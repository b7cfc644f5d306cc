/** The archive as JSON for other tools; shape documented in docs/API.md. */
import type { APIRoute } from 'astro';
import settings from 'virtual:hindsight/settings';
import { buildApiDocument } from '../../lib/postmortem/exports/incident-api.ts';
import { siteArchive } from '../../lib/build/site-archive.ts';
import { buildDate } from '../../lib/build/build-date.ts';
import { incidentUrl } from '../../lib/site/urls.ts';

export const GET: APIRoute = (context) => {
  const site = context.site ?? new URL(settings.site);
  const now = new Date();
  const document = buildApiDocument(siteArchive(settings).postmortems, {
    urlOf: (slug) => new URL(incidentUrl(slug), site).href,
    asOf: buildDate(settings.today, now),
    generatedAt: now.toISOString(),
  });
  return new Response(JSON.stringify(document, null, 2), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
