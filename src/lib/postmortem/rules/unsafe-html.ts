import { bodyTrees, isMdx, isParseError } from '../safety/body-tree.ts';
import { mdxToHtml } from '../safety/mdx-constructs.ts';
import { blankCode } from '../parsing/prose.ts';
import { findRemoved } from '../safety/sanitizer-removals.ts';
import type { Rule } from './types.ts';

/**
 * Plain Markdown cannot lose anything to the sanitizer; parsing costs milliseconds per file, so only bodies
 * with a tag, an entity, or a link whose destination has a scheme other than http(s)/mailto are parsed.
 * (`a < b` in prose is no tag; a relative link has no scheme; an encoded colon is an entity.) Every repetition
 * is bounded, so the test stays linear in the text.
 */
const MAYBE_REMOVED = /<[a-z!?/]|&(?:#\d{1,8}|#x[\da-f]{1,8}|[a-z][a-z\d]{0,31});|\]\(\s*<?(?!https?:\/\/|mailto:)[^\n)]{0,64}?:|\]:\s*<?(?!https?:\/\/|mailto:)[^\n]{0,64}?:/i;

export const unsafeHtml: Rule = {
  id: 'unsafe-html',
  level: 'error',
  description:
    'The body holds nothing the site removes when it renders: only the HTML GitHub allows in Markdown (no `<script>`, `<style>`, `<iframe>`, `<form>`, `style=""`, event handlers…) and links that are http(s), mailto, relative or `#`.',
  check(pm, settings) {
    if (pm.binary) return [];
    const mdx = isMdx(pm.path);
    // Trusted MDX is rendered as its authors wrote it (docs/FORMAT.md): the sanitizer does not run on it.
    if (mdx && settings.mdx === 'trusted') return [];
    if (!mdx && !MAYBE_REMOVED.test(blankCode(pm.body))) return [];
    const trees = bodyTrees(pm);
    if (isParseError(trees)) return []; // mdx-trust reports it.
    // findRemoved only tags the elements it reads; MDX nodes are reduced on a copy, as image-asset reads them too.
    const hast = mdx ? mdxToHtml(structuredClone(trees.hast)) : trees.hast;
    return findRemoved(hast).map((removed) => ({
      line: removed.line + pm.bodyStartLine - 1,
      column: removed.column,
      message:
        removed.kind === 'element'
          ? `\`${removed.snippet}\` in the body is removed when the page is rendered`
          : `\`${removed.snippet}\` on \`<${removed.tagName}>\` is removed when the page is rendered`,
      hint:
        removed.kind === 'element'
          ? 'Remove the tag (Markdown says it better), or put it in `backticks` or a code block to show it as text.'
          : /^(?:href|src|cite)=/.test(removed.snippet)
            ? 'Link to an http(s) URL, a `mailto:` address, a relative path or a `#section`.'
            : 'Remove the attribute: post-mortems carry no styles, scripts or forms. To show markup, put it in `backticks`.',
    }));
  },
};
