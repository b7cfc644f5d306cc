/** The incident search data: a prebuilt Fuse index the list page fetches on first interaction. */
import type { APIRoute } from 'astro';
import { buildSearchData } from '../../lib/postmortem/search.ts';
import { siteArchive } from '../../lib/site/archive.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(buildSearchData(siteArchive().postmortems)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
