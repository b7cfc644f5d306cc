/**
 * How Hindsight differs from Astro's default Markdown options. One place,
 * because the site's config and the benchmark's like-for-like baseline both use it.
 */
export const MARKDOWN_OPTIONS = {
  // Post-mortems quote commands and identifiers in prose: typographic rewriting would turn
  // `--force` into an em dash and straight quotes into curly ones, breaking what readers copy.
  // (It was also a fifth of the build time: retext runs over every sentence.)
  smartypants: false,
  // Prism marks tokens with classes (coloured by prose.css); Shiki's inline `style=""` colours would need
  // 'unsafe-hashes' in the CSP, which would also let a post-mortem's own style attributes apply.
  syntaxHighlight: 'prism',
} as const;
