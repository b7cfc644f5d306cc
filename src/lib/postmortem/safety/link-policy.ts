/**
 * Which URLs a post-mortem may link to: http(s), mailto, relative and `#`.
 * The same test the sanitizer applies to body links (it runs the sanitizer
 * on a one-link tree), so Ticket cells and frontmatter links cannot drift from it.
 */
import { sanitize } from 'hast-util-sanitize';
import { LINK_PROTOCOLS, SANITIZE_SCHEMA } from './sanitize-schema.ts';

export function isAllowedLink(url: string): boolean {
  const safe = sanitize({ type: 'element', tagName: 'a', properties: { href: url }, children: [] }, SANITIZE_SCHEMA);
  return safe.type === 'element' && safe.properties.href === url;
}

/** The hint every link problem carries. */
export const LINK_HINT = `Link to a ${LINK_PROTOCOLS.slice(0, 2).join(' or ')} URL, a \`mailto:\` address, a relative path or a \`#section\`; other schemes (\`javascript:\`, \`data:\`, …) are removed from pages.`;
