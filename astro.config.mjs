// @ts-check
import { rehypeHeadingIds } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { archiveGate } from './src/integrations/archive-gate.ts';
import { contentSecurityPolicy } from './src/integrations/content-security-policy.ts';
import { config } from './src/lib/config.ts';
import { MARKDOWN_OPTIONS } from './src/lib/markdown/options.ts';
import { renderVersion } from './src/lib/markdown/render-version.ts';
import rehypeSanitizeContent from './src/lib/markdown/rehype-sanitize-content.ts';
import remarkSafeImages from './src/lib/markdown/remark-safe-images.ts';
import { rehypeHeadingAnchors } from './src/lib/site/rehype-heading-anchors.ts';

export default defineConfig({
  site: config.site,
  base: config.base,
  outDir: config.outDir,
  // One content cache per archive and per version of the rendering code (see render-version.ts).
  cacheDir: `${config.cacheDir}-${renderVersion()}`,
  trailingSlash: 'always',
  integrations: [archiveGate(config.archiveDir), mdx(), sitemap(), contentSecurityPolicy()],
  markdown: {
    ...MARKDOWN_OPTIONS,
    // Refused images (missing, outside the archive, unsafe SVG) never reach Astro's image pipeline.
    remarkPlugins: [remarkSafeImages],
    // Post-mortems are text: every body goes through the allowlist first (the `unsafe-html` rule reports
    // what it removes); then Hindsight's own heading ids and the visible anchor links beside them.
    rehypePlugins: [rehypeSanitizeContent, rehypeHeadingIds, rehypeHeadingAnchors],
  },
  devToolbar: { enabled: false },
  // Every script and stylesheet is a file, so the CSP allows 'self' and the few hashes of Hindsight's own inline code.
  vite: { build: { assetsInlineLimit: 0 } },
  // Pages render while earlier ones are written to disk: about a fifth off route generation at 1,000 post-mortems.
  build: { concurrency: 4, inlineStylesheets: 'never' },
});
