// @ts-check
import { rehypeHeadingIds } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { archiveGate } from './src/integrations/archive-gate.ts';
import { config } from './src/lib/config.ts';
import { rehypeHeadingAnchors } from './src/lib/site/rehype-heading-anchors.ts';

export default defineConfig({
  site: config.site,
  base: config.base,
  outDir: config.outDir,
  trailingSlash: 'always',
  integrations: [archiveGate(config.archiveDir), mdx(), sitemap()],
  // Heading ids first (Astro would add them later anyway), then the visible anchor links beside them.
  markdown: { rehypePlugins: [rehypeHeadingIds, rehypeHeadingAnchors] },
  devToolbar: { enabled: false },
});
