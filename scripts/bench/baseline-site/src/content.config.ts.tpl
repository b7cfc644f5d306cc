// The same folder Hindsight reads, through Astro's own glob loader, with no schema.
import { glob } from 'astro/loaders';
import { defineCollection } from 'astro:content';

export const collections = {
  pages: defineCollection({ loader: glob({ base: process.env.BENCH_ARCHIVE_DIR, pattern: '*.md' }) }),
};
