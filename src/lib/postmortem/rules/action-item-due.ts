import type { Rule } from './types.ts';

export const actionItemDue: Rule = {
  id: 'action-item-due',
  level: 'error',
  description: 'Every action item has a due date written `YYYY-MM-DD`.',
  check(pm) {
    const draft = pm.fields.status === 'draft';
    return (pm.actionItems?.rows ?? [])
      .filter((item) => item.due === null && !(draft && item.dueText === 'YYYY-MM-DD'))
      .map((item) => ({
        line: item.line,
        message: item.dueText ? `due date \`${item.dueText}\` is not a date` : `action item \`${item.action || '(no text)'}\` has no due date`,
        hint: 'Write the due date as `YYYY-MM-DD`, e.g. `2026-04-15`.',
      }));
  },
};
