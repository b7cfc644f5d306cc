import { FIELD_EXAMPLES } from '../schema/frontmatter-schema.ts';
import { requiredUnlessDraft } from './required-unless-draft.ts';

export const listsRequired = requiredUnlessDraft({
  id: 'lists-required',
  description: '`authors` and `services` name at least one entry unless the post-mortem is a draft.',
  fields: ['authors', 'services'] as const,
  isMissing: (value) => value === undefined || (Array.isArray(value) && value.length === 0),
  report: (field, value, pm, lineOf) => ({
    line: value === undefined ? lineOf(['status']) : lineOf([field]),
    message: value === undefined ? `\`${field}\` is missing, and a \`${pm.fields.status}\` post-mortem needs it` : `\`${field}\` is empty, and a \`${pm.fields.status}\` post-mortem needs at least one`,
    hint: `Write it like \`${field}: ${FIELD_EXAMPLES[field]}\`, or keep \`status: draft\` until it is known.`,
  }),
});
