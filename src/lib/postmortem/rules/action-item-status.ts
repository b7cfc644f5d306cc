import { ACTION_STATUSES, CLOSED_STATUSES } from '../model/action-status.ts';
import { exampleDayAfter } from './own-examples.ts';
import type { Finding, Rule } from './types.ts';

export const actionItemStatus: Rule = {
  id: 'action-item-status',
  level: 'error',
  description: `Every action item's status is one of ${ACTION_STATUSES.join(', ')} (any case); DONE and WON'T DO may be followed by the day the item was closed (\`DONE 2026-03-02\`), a real date not before the incident.`,
  check(pm) {
    const findings: Finding[] = [];
    const incidentDate = pm.fields.date ?? null;
    for (const item of pm.actionItems?.rows ?? []) {
      if (item.status === null) {
        findings.push({
          line: item.line,
          message: item.statusText ? `status \`${item.statusText}\` is not a known status` : `action item \`${item.action || '(no text)'}\` has no status`,
          hint: `Write one of ${ACTION_STATUSES.join(', ')}.`,
        });
      } else if (item.closedText !== null && !CLOSED_STATUSES.includes(item.status)) {
        findings.push({
          line: item.line,
          message: `status \`${item.statusText}\` gives a closing date, but ${item.status} is still open`,
          hint: `Remove the date while the item is open; once it is finished write \`DONE ${item.closedText}\` (or \`WON'T DO ${item.closedText}\`).`,
        });
      } else if (item.closedText !== null && item.closed === null) {
        findings.push({
          line: item.line,
          message: `closing date \`${item.closedText}\` in status \`${item.statusText}\` is not a real YYYY-MM-DD date`,
          hint: `Write the day it was closed as YYYY-MM-DD, e.g. \`${item.status} ${item.due ?? exampleDayAfter(pm, 7)}\`, or leave the date out.`,
        });
      } else if (item.closed !== null && incidentDate !== null && item.closed < incidentDate) {
        findings.push({
          line: item.line,
          message: `closing date \`${item.closed}\` is before the incident (\`${incidentDate}\`)`,
          hint: 'Write the day the item was actually closed, on or after the incident date.',
        });
      }
    }
    return findings;
  },
};
