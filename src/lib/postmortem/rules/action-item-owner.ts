import type { Rule } from './types.ts';

export const actionItemOwner: Rule = {
  id: 'action-item-owner',
  level: 'error',
  description: 'Every action item has an owner.',
  check(pm) {
    return (pm.actionItems?.rows ?? [])
      .filter((item) => !item.owner.trim())
      .map((item) => ({
        line: item.line,
        message: `action item \`${item.action || '(no text)'}\` has no owner`,
        hint: 'Name one person or team as owner, e.g. `@dana` or `@platform-team`: unowned follow-ups are the ones that never happen.',
      }));
  },
};
