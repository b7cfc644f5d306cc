import { blankCode, positionOf } from '../prose.ts';
import { findActiveContent } from '../unsafe-html.ts';
import type { Rule } from './types.ts';

const HINTS = {
  element: 'Remove the tag: the site does not render it. To show markup, put it in `backticks` or a code block.',
  handler: 'Remove the event handler attribute: the site strips it. To show markup, put it in `backticks`.',
  url: 'Link to an http(s) URL instead; the site removes script and data URLs from links.',
} as const;

/** Cheap pre-check: without a tag or a scheme-like word there is nothing to look for. */
const MAYBE_ACTIVE = /<|script:|data:/i;

export const unsafeHtml: Rule = {
  id: 'unsafe-html',
  level: 'warning',
  description: 'The body holds no active content: no `<script>`, `<iframe>`, `<object>`, `<embed>`, inline event handlers or `javascript:` URLs (they are removed when rendered).',
  check(pm) {
    if (pm.binary || !MAYBE_ACTIVE.test(pm.body)) return [];
    const prose = blankCode(pm.body);
    return findActiveContent(prose).map((found) => {
      const { line, column } = positionOf(prose, found.index);
      return {
        line: line + pm.bodyStartLine - 1,
        column,
        message: `active content \`${found.snippet}\` in the body`,
        hint: HINTS[found.kind],
      };
    });
  },
};
