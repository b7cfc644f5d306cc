import { exampleValue } from './own-examples.ts';
import { requiredUnlessDraft } from './required-unless-draft.ts';

export const timestampsRequired = requiredUnlessDraft({
  id: 'timestamps-required',
  description: '`started_at` and `resolved_at` are set unless the post-mortem is a draft.',
  fields: ['started_at', 'resolved_at'] as const,
  isMissing: (value) => value === undefined || value === null,
  report: (field, _value, pm, lineOf) => ({
    line: lineOf(['status']),
    message: `\`${field}\` is missing, and a \`${pm.fields.status}\` post-mortem needs it`,
    hint: `Add \`${field}: ${exampleValue(pm, field)}\` (ISO 8601, UTC), or set \`status: draft\` until it is known.`,
  }),
});
