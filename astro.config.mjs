// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { archiveGate } from './src/integrations/archive-gate.ts';
import { config } from './src/lib/config.ts';

export default defineConfig({
  site: config.site,
  base: config.base,
  outDir: config.outDir,
  cacheDir: config.cacheDir,
  trailingSlash: 'always',
  integrations: [archiveGate(config.archiveDir), mdx(), sitemap()],
  devToolbar: { enabled: false },
});
