import { FIELD_EXAMPLES } from '../schema/frontmatter-schema.ts';
import type { Rule } from './types.ts';

const LISTS = ['authors', 'services'] as const;

/** A draft may not know yet who writes it or what broke (migrate writes such drafts); a reviewed post-mortem must. */
export const listsRequired: Rule = {
  id: 'lists-required',
  level: 'error',
  description: '`authors` and `services` name at least one entry unless the post-mortem is a draft.',
  check(pm) {
    if (pm.frontmatter.kind !== 'parsed' || !pm.fields.status || pm.fields.status === 'draft') return [];
    const written = pm.frontmatter.data as Record<string, unknown>;
    const { lineOf } = pm.frontmatter;
    return LISTS.filter((field) => written[field] === undefined || (Array.isArray(written[field]) && (written[field] as unknown[]).length === 0)).map((field) => ({
      line: written[field] === undefined ? lineOf(['status']) : lineOf([field]),
      message: written[field] === undefined ? `\`${field}\` is missing, and a \`${pm.fields.status}\` post-mortem needs it` : `\`${field}\` is empty, and a \`${pm.fields.status}\` post-mortem needs at least one`,
      hint: `Write it like \`${field}: ${FIELD_EXAMPLES[field]}\`, or keep \`status: draft\` until it is known.`,
    }));
  },
};
