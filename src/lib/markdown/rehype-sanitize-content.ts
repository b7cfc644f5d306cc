/**
 * Renders every post-mortem body through the allowlist (src/lib/postmortem/
 * sanitize-schema.ts), after Astro has turned Markdown into HTML and highlighted
 * code, and before Hindsight's own heading ids and anchors are added. Raw HTML
 * is parsed first, as a browser would. In an untrusted `.mdx` the MDX nodes are
 * reduced to HTML first (imports, exports and expressions dropped), so nothing
 * of them is compiled into the page. The `unsafe-html` and `mdx-trust` rules
 * report exactly what this removes.
 */
import type { Root } from 'hast';
import { raw } from 'hast-util-raw';
import { mdxMode } from '../config.ts';
import { MDX_NODE_TYPES, isMdx } from '../postmortem/body-tree.ts';
import { mdxToHtml } from '../postmortem/mdx-trust.ts';
import { sanitizeTree } from '../postmortem/unsafe-html.ts';

export default function rehypeSanitizeContent() {
  const trusted = mdxMode() === 'trusted';
  return (tree: Root, file: { path?: string }): Root => {
    const mdx = isMdx(file.path ?? '');
    // A team that set HINDSIGHT_MDX=trusted reviews MDX as code: its output is its own (docs/FORMAT.md).
    if (mdx && trusted) return tree;
    const parsed = raw(tree, { passThrough: MDX_NODE_TYPES }) as Root;
    return sanitizeTree(mdx ? mdxToHtml(parsed) : parsed);
  };
}
