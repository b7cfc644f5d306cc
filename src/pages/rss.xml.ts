/** RSS feed of the newest post-mortems (src/lib/site/feed.ts). */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { config } from '../lib/settings/load-config.ts';
import { siteArchive } from '../lib/build/site-archive.ts';
import { feedItems } from '../lib/site/feed.ts';

export const GET: APIRoute = (context) =>
  rss({
    title: `${config.siteTitle}: post-mortems`,
    description: 'New and updated incident post-mortems.',
    site: context.site ?? config.site,
    trailingSlash: true,
    items: feedItems(siteArchive().postmortems),
    customData: '<language>en</language>',
  });
