import { isOnlyPlaceholders } from '../parsing/placeholder-text.ts';
import { exampleDayAfter } from './own-examples.ts';
import type { Rule } from './types.ts';

/** The template's placeholder, alone or with a target in words that is not a date yet. */
const UNDATED = /^YYYY-MM-DD(?:\s*\(.*\))?$/;

export const actionItemDue: Rule = {
  id: 'action-item-due',
  level: 'error',
  description: 'Every action item has a due date written `YYYY-MM-DD`; a draft may keep the placeholder, with the target in words after it (`YYYY-MM-DD (Q3 2027)`).',
  check(pm) {
    const draft = pm.fields.status === 'draft';
    return (pm.actionItems?.rows ?? [])
      // A due date left as the template's `YYYY-MM-DD` is the placeholders rule's to report, once; a draft may keep it with a target in words.
      .filter((item) => item.due === null && !(item.dueText && isOnlyPlaceholders(item.dueText)) && !(draft && UNDATED.test(item.dueText)))
      .map((item) => ({
        line: item.line,
        message: item.dueText ? `due date \`${item.dueText}\` is not a date` : `action item \`${item.action || '(no text)'}\` has no due date`,
        hint: `Write the due date as \`YYYY-MM-DD\`, e.g. \`${exampleDayAfter(pm, 14)}\`.`,
      }));
  },
};
