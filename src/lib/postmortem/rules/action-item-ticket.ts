import { isAllowedLink, LINK_HINT } from '../safety/link-policy.ts';
import type { Rule } from './types.ts';

export const actionItemTicket: Rule = {
  id: 'action-item-ticket',
  level: 'error',
  description: 'A Ticket cell links only to http(s), mailto, relative or `#` URLs (no `javascript:`, `data:`…).',
  check(pm) {
    return (pm.actionItems?.rows ?? []).flatMap((item) =>
      item.ticket?.url && !isAllowedLink(item.ticket.url)
        ? [{ line: item.line, message: `the Ticket link \`${item.ticket.url.length > 60 ? `${item.ticket.url.slice(0, 57)}…` : item.ticket.url}\` is not a web link`, hint: LINK_HINT }]
        : [],
    );
  },
};
