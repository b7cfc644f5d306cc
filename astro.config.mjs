// @ts-check
import { rehypeHeadingIds } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { archiveGate } from './src/integrations/archive-gate.ts';
import { readSettingsAtEdge } from './src/integrations/astro-edge.ts';
import { contentSecurityPolicy } from './src/integrations/content-security-policy.ts';
import { dataStoreFlush } from './src/integrations/data-store-flush.ts';
import { pagefindIndex } from './src/integrations/pagefind-index.ts';
import { publishOutsideCheckout } from './src/integrations/publish-outside.ts';
import { publishedSvg } from './src/integrations/published-svg.ts';
import { settingsModule } from './src/integrations/settings-module.ts';
import { MARKDOWN_OPTIONS } from './src/lib/markdown/options.ts';
import { renderVersion } from './src/lib/markdown/render-version.ts';
import rehypeSanitizeContent from './src/lib/markdown/rehype-sanitize-content.ts';
import remarkFiveWhys from './src/lib/markdown/remark-five-whys.ts';
import remarkSafeImages from './src/lib/markdown/remark-safe-images.ts';
import { rehypeHeadingAnchors } from './src/lib/site/rehype-heading-anchors.ts';
import { rehypeTableScroll } from './src/lib/site/rehype-table-scroll.ts';

// The settings of this process, read once here (a wrong one ends the command with one line, exit 2) and passed down.
const config = readSettingsAtEdge(process.env, process.cwd());

export default defineConfig({
  site: config.site,
  base: config.base,
  // The root is the working directory (the user's repository: its .astro/, Vite cache and dist/);
  // the pages are always this package's, wherever it is installed (scripts/cli/site-cli.ts).
  srcDir: fileURLToPath(new URL('./src/', import.meta.url)),
  outDir: config.outDir,
  // One content cache per archive and per version of the rendering code (see render-version.ts).
  cacheDir: `${config.cacheDir}-${renderVersion(config.mdx)}`,
  trailingSlash: 'always',
  // publishOutsideCheckout last: it copies the finished site out when HINDSIGHT_OUT_DIR is outside the checkout.
  // dataStoreFlush: the content store is on disk before the build bundles it (Astro 5.18 could bundle an older one).
  integrations: [settingsModule(config), dataStoreFlush(), archiveGate(config), mdx(), sitemap(), contentSecurityPolicy(), pagefindIndex(config), publishedSvg(), publishOutsideCheckout(config.outDir, `${config.cacheDir}/site`)],
  markdown: {
    ...MARKDOWN_OPTIONS,
    // Refused images (missing, outside the archive, unsafe SVG) never reach Astro's image pipeline;
    // the 5 Whys become one ordered list, read as rule five-whys reads them.
    remarkPlugins: [remarkSafeImages, remarkFiveWhys],
    // Post-mortems are text: every body goes through the allowlist first (the `unsafe-html` rule reports
    // what it removes); then Hindsight's own heading ids and the visible anchor links beside them;
    // last, each table into a labelled scroll box (wide tables scroll in their column, with a hint).
    rehypePlugins: [[rehypeSanitizeContent, { mdx: config.mdx }], rehypeHeadingIds, rehypeHeadingAnchors, rehypeTableScroll],
  },
  devToolbar: { enabled: false },
  // Writes .astro/collections/*.schema.json for the Astro editor extension: frontmatter completion and errors (docs/EDITORS.md).
  experimental: { contentIntellisense: true },
  // Every script and stylesheet is a file, so the CSP allows 'self' and the few hashes of Hindsight's own inline code.
  vite: { build: { assetsInlineLimit: 0 } },
  // Pages render while earlier ones are written to disk: about a fifth off route generation at 1,000 post-mortems.
  build: { concurrency: 4, inlineStylesheets: 'never' },
});
