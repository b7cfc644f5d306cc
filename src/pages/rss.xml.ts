/** RSS feed of post-mortems, newest first. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { config } from '../lib/config.ts';
import { rootCauseCategory } from '../lib/postmortem/category.ts';
import { severityLevel } from '../lib/postmortem/severity.ts';
import { siteArchive } from '../lib/site/archive.ts';
import { incidentUrl } from '../lib/site/urls.ts';

export const GET: APIRoute = (context) =>
  rss({
    title: `${config.siteTitle}: post-mortems`,
    description: 'New and updated incident post-mortems.',
    site: context.site ?? config.site,
    trailingSlash: true,
    items: siteArchive().postmortems.map((pm) => ({
      title: `[${pm.meta.severity}] ${pm.meta.title}`,
      link: incidentUrl(pm.slug),
      pubDate: new Date(`${pm.meta.date}T00:00:00Z`),
      description: pm.summary,
      author: pm.meta.authors.join(', '),
      categories: [`${pm.meta.severity} ${severityLevel(pm.meta.severity).label}`, rootCauseCategory(pm.meta.root_cause_category).label, ...pm.meta.services],
    })),
    customData: '<language>en</language>',
  });
