import { isOnlyPlaceholders, PLACEHOLDER_PATTERN } from '../parsing/placeholder-text.ts';
import type { ParsedPostmortem } from '../parsing/parse.ts';
import { positionOf } from '../parsing/prose.ts';
import type { Rule } from './types.ts';

/**
 * Lines of table cells that are nothing but a placeholder where a value is
 * read (a timeline time, a due date): the table cannot be read, so from review
 * on that is an error, not a warning. This rule reports them, once; the
 * timeline-time and action-item-due rules leave placeholders to it.
 */
function unreadableCellLines(pm: ParsedPostmortem): Set<number> {
  return new Set([
    ...(pm.timeline?.rows ?? []).filter((row) => row.at === null && isOnlyPlaceholders(row.time)).map((row) => row.line),
    ...(pm.actionItems?.rows ?? []).filter((item) => item.due === null && item.dueText && isOnlyPlaceholders(item.dueText)).map((item) => item.line),
  ]);
}

const CELL_PLACEHOLDERS = new Set(['HH:MM', 'YYYY-MM-DD']);

export const placeholders: Rule = {
  id: 'placeholders',
  level: 'error',
  description:
    'No template placeholder (`YYYY-MM-DD`, `HH:MM`, `[Name]`, `X hours`, …) is left in a final post-mortem (warning while in review, except a timeline time or due date left as one: an error from review on).',
  check(pm) {
    const status = pm.fields.status;
    if (status !== 'final' && status !== 'in-review') return [];
    const cells = unreadableCellLines(pm);
    return [...pm.text.matchAll(PLACEHOLDER_PATTERN)].map((match) => {
      const position = positionOf(pm.text, match.index);
      const cell = cells.has(position.line) && CELL_PLACEHOLDERS.has(match[0]);
      return {
        level: status === 'final' || cell ? ('error' as const) : ('warning' as const),
        ...position,
        message: `template placeholder \`${match[0]}\` is still in the text`,
        hint: cell
          ? 'Replace it with the real value: the table cannot be read without it. Or set `status: draft` until it is known.'
          : 'Replace it with the real value, or set `status: draft` until it is known.',
      };
    });
  },
};
