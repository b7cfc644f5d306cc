import { isOnlyPlaceholders } from '../placeholder-text.ts';
import { exampleDayAfter } from './own-examples.ts';
import type { Rule } from './types.ts';

export const actionItemDue: Rule = {
  id: 'action-item-due',
  level: 'error',
  description: 'Every action item has a due date written `YYYY-MM-DD`.',
  check(pm) {
    return (pm.actionItems?.rows ?? [])
      // A due date left as the template's `YYYY-MM-DD` is the placeholders rule's to report, once.
      .filter((item) => item.due === null && !(item.dueText && isOnlyPlaceholders(item.dueText)))
      .map((item) => ({
        line: item.line,
        message: item.dueText ? `due date \`${item.dueText}\` is not a date` : `action item \`${item.action || '(no text)'}\` has no due date`,
        hint: `Write the due date as \`YYYY-MM-DD\`, e.g. \`${exampleDayAfter(pm, 14)}\`.`,
      }));
  },
};
