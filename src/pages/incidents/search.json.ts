/** The incident search data: lean records the list page fetches on first interaction and indexes in the browser. */
import type { APIRoute } from 'astro';
import { buildSearchData } from '../../lib/postmortem/search.ts';
import { siteArchive } from '../../lib/site/site-archive.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(buildSearchData(siteArchive().postmortems)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
