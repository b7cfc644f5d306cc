// @ts-check
import { rehypeHeadingIds } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { archiveGate } from './src/integrations/archive-gate.ts';
import { contentSecurityPolicy } from './src/integrations/content-security-policy.ts';
import { publishOutsideCheckout } from './src/integrations/publish-outside.ts';
import { config } from './src/lib/config.ts';
import { MARKDOWN_OPTIONS } from './src/lib/markdown/options.ts';
import rehypeNeutraliseHtml from './src/lib/markdown/rehype-neutralise-html.ts';
import { rehypeHeadingAnchors } from './src/lib/site/rehype-heading-anchors.ts';
import { rehypeTableScroll } from './src/lib/site/rehype-table-scroll.ts';

export default defineConfig({
  site: config.site,
  base: config.base,
  outDir: config.outDir,
  cacheDir: config.cacheDir,
  trailingSlash: 'always',
  // publishOutsideCheckout last: it copies the finished site out when HINDSIGHT_OUT_DIR is outside the checkout.
  integrations: [archiveGate(config.archiveDir), mdx(), sitemap(), contentSecurityPolicy(), publishOutsideCheckout(config.outDir, `${config.cacheDir}/site`)],
  markdown: {
    ...MARKDOWN_OPTIONS,
    // Post-mortems are text: strip scripts, event handlers and script URLs first;
    // then heading ids (Astro would add them later anyway) and the visible anchor links beside them;
    // last, each table into a labelled scroll box (wide tables scroll in their column, with a hint).
    rehypePlugins: [rehypeNeutraliseHtml, rehypeHeadingIds, rehypeHeadingAnchors, rehypeTableScroll],
  },
  devToolbar: { enabled: false },
  // Writes .astro/collections/*.schema.json for the Astro editor extension: frontmatter completion and errors (docs/EDITORS.md).
  experimental: { contentIntellisense: true },
  // Pages render while earlier ones are written to disk: about a fifth off route generation at 1,000 post-mortems.
  build: { concurrency: 4 },
});
