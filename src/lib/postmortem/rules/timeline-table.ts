import type { Rule } from './types.ts';

export const timelineTable: Rule = {
  id: 'timeline-table',
  level: 'error',
  description: 'The Timeline section holds a table with Time and Event columns and at least one row; a warning in a draft.',
  check(pm) {
    // A draft may still hold the section as a list (as migrated post-mortems can): a warning until the table is written.
    const level = pm.fields.status === 'draft' ? ('warning' as const) : undefined;
    const timeline = pm.timeline;
    if (!timeline) return [];
    if (!timeline.table) {
      return [{ level, line: timeline.section.line, message: 'the Timeline section has no table', hint: 'Add a table `| Time | Event |` with one row per event, times as HH:MM (UTC) on the incident date.' }];
    }
    if (timeline.missingColumns.length) {
      return [{
        level,
        line: timeline.table.line,
        message: `the Timeline table has columns \`${timeline.table.columns.join(' | ')}\` but no ${timeline.missingColumns.join(' or ')} column`,
        hint: 'Use the header `| Time | Event |`.',
      }];
    }
    if (!timeline.rows.length) return [{ level, line: timeline.table.line, message: 'the Timeline table has no rows', hint: 'Add one row per event, from the first sign of trouble to resolution.' }];
    return [];
  },
};
