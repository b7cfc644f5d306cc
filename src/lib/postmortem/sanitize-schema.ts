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

/** Prism's token classes (Astro's `prism` highlighter runs before the sanitizer); any other class is dropped. */
const PRISM_TOKEN = /^(?:token|[a-z][a-z-]*)$/;

export const SANITIZE_SCHEMA: Schema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    '*': (defaultSchema.attributes?.['*'] ?? []).filter((entry) => !DROPPED_GLOBAL_ATTRIBUTES.has(typeof entry === 'string' ? entry : entry[0])),
    // Highlighted code: `<pre class="language-x" data-language="x"><code class="language-x"><span class="token keyword">`.
    pre: [['className', /^language-./], 'dataLanguage'],
    span: [['className', PRISM_TOKEN]],
  },
  protocols: {
    ...defaultSchema.protocols,
    href: [...LINK_PROTOCOLS],
  },
  // Content of these is code or markup, never text a reader should see once the element is gone.
  strip: ['script', 'style', 'svg', 'math', 'template', 'noscript', 'textarea', 'title', 'xmp', 'noembed', 'noframes', 'iframe', 'object', 'select'],
};
