import type { ParsedPostmortem } from '../parsing/parse.ts';
import type { Finding, Rule } from './types.ts';

interface RequiredFields<F extends string> {
  id: string;
  description: string;
  fields: readonly F[];
  /** Whether a field's written value counts as not given. */
  isMissing: (value: unknown) => boolean;
  /** The finding for one field left out; `lineOf` finds a field's line in the frontmatter. */
  report: (field: F, value: unknown, pm: ParsedPostmortem, lineOf: (path: readonly (string | number)[]) => number) => Finding;
}

/**
 * A rule that requires `fields` once a post-mortem is past `draft` (a draft may not know them yet,
 * and migrate writes such drafts): the one definition of "required unless draft".
 */
export function requiredUnlessDraft<F extends string>(spec: RequiredFields<F>): Rule {
  return {
    id: spec.id,
    level: 'error',
    description: spec.description,
    check(pm) {
      if (pm.frontmatter.kind !== 'parsed' || !pm.fields.status || pm.fields.status === 'draft') return [];
      const written = pm.frontmatter.data as Record<string, unknown>;
      const { lineOf } = pm.frontmatter;
      return spec.fields.filter((field) => spec.isMissing(written[field])).map((field) => spec.report(field, written[field], pm, lineOf));
    },
  };
}
