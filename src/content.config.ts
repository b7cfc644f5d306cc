/**
 * The post-mortem collection, used to render bodies (Markdown and MDX with
 * Astro's own GFM pipeline). Metadata comes from the domain core, which has
 * already validated it; the collection's schema is the core's, described for
 * editors and never rejecting (src/lib/postmortem/editor-schema.ts).
 * The loader's base holds the `.llm` dot folder literally: glob wildcards never enter dot folders.
 */
import { glob } from 'astro/loaders';
import { defineCollection } from 'astro:content';
import { editorFrontmatterSchema } from './lib/postmortem/editor-schema.ts';
import { config } from './lib/config.ts';
import { slugOf } from './lib/postmortem/file-name.ts';

export const collections = {
  postmortems: defineCollection({
    loader: glob({ base: config.archiveDir, pattern: '*.{md,mdx}', generateId: ({ entry }) => slugOf(entry) }),
    schema: editorFrontmatterSchema,
  }),
};
