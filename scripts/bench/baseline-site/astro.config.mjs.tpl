// The bare Astro 5 baseline the benchmark compares Hindsight's build with:
// the same post-mortem files rendered as plain Markdown pages, no integrations.
// Copied into the bench temp folder by scripts/bench/baseline.ts (the .tpl
// suffix keeps this project's type check away from it).
import { defineConfig } from 'astro/config';

export default defineConfig({
  outDir: process.env.BENCH_OUT_DIR,
  cacheDir: process.env.BENCH_CACHE_DIR,
  trailingSlash: 'always',
  // Astro's defaults, or (for the like-for-like run) Hindsight's Markdown options passed in as JSON.
  markdown: JSON.parse(process.env.BENCH_MARKDOWN || '{}'),
  devToolbar: { enabled: false },
});
