import type { Rule } from './types.ts';

export const actionItemsTable: Rule = {
  id: 'action-items-table',
  level: 'error',
  description: 'The Action Items section holds a table with Action, Owner, Due Date and Status columns (Ticket optional); a warning in a draft.',
  check(pm) {
    // A draft may still hold the section as a list (as migrated post-mortems can): a warning until the table is written.
    const level = pm.fields.status === 'draft' ? ('warning' as const) : undefined;
    const items = pm.actionItems;
    if (!items) return [];
    if (!items.table) {
      return [{ level, line: items.section.line, message: 'the Action Items section has no table', hint: 'Add a table `| Action | Owner | Due Date | Status |`, one row per follow-up.' }];
    }
    if (items.missingColumns.length) {
      return [{
        level,
        line: items.table.line,
        message: `the Action Items table has columns \`${items.table.columns.join(' | ')}\` but no ${items.missingColumns.join(', ')} column`,
        hint: 'Use the header `| Action | Owner | Due Date | Status |` (a `Ticket` column may follow).',
      }];
    }
    return [];
  },
};
