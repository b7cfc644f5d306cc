/**
 * Renders every post-mortem body through the allowlist (src/lib/postmortem/
 * sanitize-schema.ts), after Astro has turned Markdown into HTML and highlighted
 * code, and before Hindsight's own heading ids and anchors are added. Raw HTML
 * is parsed first, as a browser would. In an untrusted `.mdx` the MDX nodes are
 * reduced to HTML first (imports, exports and expressions dropped), so nothing
 * of them is compiled into the page. The `unsafe-html` and `mdx-trust` rules
 * report exactly what this removes.
 */
import type { Element, Root } from 'hast';
import { raw } from 'hast-util-raw';
import { checkImage, checkSrcset } from '../postmortem/safety/assets.ts';
import { MDX_NODE_TYPES, isMdx } from '../postmortem/safety/body-tree.ts';
import { eachElement, hasNodeOfType } from '../postmortem/safety/hast-walk.ts';
import { mdxToHtml } from '../postmortem/safety/mdx-constructs.ts';
import { SANITIZE_SCHEMA } from '../postmortem/safety/sanitize-schema.ts';
import type { MdxMode } from '../postmortem/safety/limits.ts';
import { sanitizeTree } from '../postmortem/safety/sanitizer-removals.ts';

/** `mdx`: the MDX mode of the settings (astro.config.mjs passes it; `safe` when not given). */
export default function rehypeSanitizeContent(options: { mdx?: MdxMode } = {}) {
  const trusted = options.mdx === 'trusted';
  return (tree: Root, file: { path?: string }): Root => {
    const mdx = isMdx(file.path ?? '');
    // A team that set HINDSIGHT_MDX=trusted reviews MDX as code: its output is its own (docs/FORMAT.md).
    if (mdx && trusted) return tree;
    // Re-parsing the whole tree as a browser would is only needed where raw HTML is: most bodies have none,
    // and the parse was about a fifth of the Markdown rendering time (docs/PERFORMANCE.md).
    const parsed = mdx || hasNodeOfType(tree, 'raw') ? (raw(tree, { passThrough: MDX_NODE_TYPES }) as Root) : tree;
    const safe = sanitizeTree(mdx ? mdxToHtml(parsed) : parsed);
    afterSanitizing(safe, file.path);
    return safe;
  };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * One walk of the sanitized tree for two jobs.
 * The sanitizer prefixes ids (`user-content-`) so content cannot shadow the page's own; links within the body
 * (`#fn-1` of a GFM footnote, `#x` to an `id="x"`) are pointed at the prefixed id they meant.
 * An HTML `<img>` the image-asset rule refuses loses its source (Markdown images are handled before Astro collects
 * them); a `srcset` keeps only the candidates it accepts, written out again from the parse.
 */
function afterSanitizing(tree: Root, postmortem: string | undefined): void {
  const ids = new Set<string>();
  const inPageLinks: Element[] = [];
  eachElement(tree, (element) => {
    const { id, href } = element.properties;
    if (typeof id === 'string') ids.add(id);
    if (element.tagName === 'a' && typeof href === 'string' && href.startsWith('#')) inPageLinks.push(element);
    if (postmortem) dropRefusedImage(element, postmortem);
  });
  for (const link of inPageLinks) {
    const target = safeDecode((link.properties.href as string).slice(1));
    const prefixed = `${SANITIZE_SCHEMA.clobberPrefix}${target}`;
    if (!ids.has(target) && ids.has(prefixed)) link.properties.href = `#${prefixed}`;
  }
}

function dropRefusedImage(element: Element, postmortem: string): void {
  const { src, srcSet } = element.properties;
  if (element.tagName === 'img' && typeof src === 'string' && checkImage(postmortem, src).problem) delete element.properties.src;
  if (srcSet === undefined || srcSet === null) return;
  const kept = checkSrcset(postmortem, String(srcSet)).filter((candidate) => !candidate.verdict.problem);
  if (kept.length > 0) element.properties.srcSet = kept.map((candidate) => candidate.text).join(', ');
  else delete element.properties.srcSet;
}
