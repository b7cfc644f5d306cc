/** Ticket ids per post-mortem, for the incident search: fetched only when a query holds a digit (see SearchRow). */
import type { APIRoute } from 'astro';
import { buildTicketData } from '../../lib/postmortem/search.ts';
import { siteArchive } from '../../lib/site/site-archive.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(buildTicketData(siteArchive().postmortems)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
