/**
 * The post-mortem collection, used to render bodies (Markdown and MDX with
 * Astro's own GFM pipeline). Metadata comes from the domain core, which has
 * already validated it; the collection's schema is the core's, described for
 * editors and never rejecting (src/lib/postmortem/exports/editor-schema.ts).
 * The loader's base holds the `.llm` dot folder literally: glob wildcards never enter dot folders.
 * The loader never reads through a symbolic link (see postmortem-loader.ts).
 */
import { defineCollection } from 'astro:content';
import settings from 'virtual:hindsight/settings';
import { loaderAtEdge } from './integrations/astro-edge.ts';
import { postmortemLoader } from './lib/build/postmortem-loader.ts';
import { editorFrontmatterSchema } from './lib/postmortem/exports/editor-schema.ts';

export const collections = {
  postmortems: defineCollection({
    loader: loaderAtEdge(postmortemLoader(settings.archiveDir, settings.limits.bodyHtmlBytes)),
    schema: editorFrontmatterSchema,
  }),
};
