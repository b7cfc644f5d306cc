import { ACTION_STATUSES } from '../action-status.ts';
import type { Rule } from './types.ts';

export const actionItemStatus: Rule = {
  id: 'action-item-status',
  level: 'error',
  description: `Every action item's status is one of ${ACTION_STATUSES.join(', ')} (any case).`,
  check(pm) {
    return (pm.actionItems?.rows ?? [])
      .filter((item) => item.status === null)
      .map((item) => ({
        line: item.line,
        message: item.statusText ? `status \`${item.statusText}\` is not a known status` : `action item \`${item.action || '(no text)'}\` has no status`,
        hint: `Write one of ${ACTION_STATUSES.join(', ')}.`,
      }));
  },
};
