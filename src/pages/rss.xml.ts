/** RSS feed of the newest post-mortems (src/lib/site/feed.ts). */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import settings from 'virtual:hindsight/settings';
import { siteArchive } from '../lib/build/site-archive.ts';
import { feedItems } from '../lib/site/feed.ts';

export const GET: APIRoute = (context) =>
  rss({
    title: `${settings.siteTitle}: post-mortems`,
    description: 'New and updated incident post-mortems.',
    site: context.site ?? settings.site,
    trailingSlash: true,
    items: feedItems(siteArchive(settings).postmortems),
    customData: '<language>en</language>',
  });
