/**
 * What a post-mortem body may contain once rendered: GitHub's Markdown
 * allowlist (hast-util-sanitize's `defaultSchema`), narrowed where Hindsight
 * is stricter and widened only for the highlighter's classes. The site renders
 * every body through it and the `unsafe-html` rule reports what it removes,
 * so "unsafe" has one definition.
 */
import { defaultSchema, type Schema } from 'hast-util-sanitize';

/** Link schemes a post-mortem may use anywhere (body, Ticket cells, frontmatter links); relative and `#` links have none. */
export const LINK_PROTOCOLS = ['http', 'https', 'mailto'] as const;

/** Attributes GitHub allows on every element that only make sense on forms or hijack keys: a post-mortem has no forms. */
const DROPPED_GLOBAL_ATTRIBUTES = new Set(['accept', 'acceptCharset', 'accessKey', 'action', 'encType', 'method']);

/**
 * Prism's token classes (Astro's `prism` highlighter runs before the sanitizer, so its spans pass through it).
 * An explicit list, none of them a class of the site's own: a post-mortem can colour a word like code, nothing more.
 */
const PRISM_TOKENS = (
  'token comment prolog doctype cdata punctuation namespace property tag boolean number constant symbol deleted selector ' +
  'attr-name string char builtin inserted operator entity url variable atrule attr-value function class-name keyword ' +
  'regex important bold italic parameter interpolation template-string template-punctuation null'
).split(' ');

export const SANITIZE_SCHEMA: Schema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    '*': (defaultSchema.attributes?.['*'] ?? []).filter((entry) => !DROPPED_GLOBAL_ATTRIBUTES.has(typeof entry === 'string' ? entry : entry[0])),
    // Highlighted code: `<pre class="language-x" data-language="x"><code class="language-x"><span class="token keyword">`.
    pre: [['className', /^language-./], 'dataLanguage'],
    span: [['className', ...PRISM_TOKENS]],
  },
  protocols: {
    ...defaultSchema.protocols,
    href: [...LINK_PROTOCOLS],
  },
  // Content of these is code or markup, never text a reader should see once the element is gone.
  strip: ['script', 'style', 'svg', 'math', 'template', 'noscript', 'textarea', 'title', 'xmp', 'noembed', 'noframes', 'iframe', 'object', 'select'],
};
