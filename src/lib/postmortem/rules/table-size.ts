import { cut } from '../parsing/frontmatter.ts';
import { DEFAULT_SIZE_LIMITS, LIMITS, type SizeLimits } from '../safety/limits.ts';
import { tableShapes } from '../parsing/tables.ts';
import type { Finding, Rule } from './types.ts';


export const tableSize: Rule = {
  id: 'table-size',
  level: 'error',
  description: describe(DEFAULT_SIZE_LIMITS),
  check(pm, { limits }) {
    const { tableRows, tableColumns, cellChars } = limits;
    if (!pm.body.includes('|')) return [];
    const findings: Finding[] = [];
    for (const table of tableShapes(pm.body, pm.bodyStartLine, cellChars.value)) {
      if (table.rows > tableRows.value) {
        findings.push({ line: table.line, message: `table has ${table.rows} rows, over the limit of ${tableRows.value}`, hint: `Keep the table to what readers need and link the full data (or raise the limit with ${tableRows.env}; see docs/FORMAT.md).` });
      }
      if (table.columns > tableColumns.value) {
        findings.push({ line: table.line, message: `table has ${table.columns} columns, over the limit of ${tableColumns.value}`, hint: `Split the table, or raise the limit with ${tableColumns.env} (see docs/FORMAT.md).` });
      }
      const cell = table.longestCell;
      if (cell.length > cellChars.value) {
        findings.push({ line: cell.line, message: `table cell \`${cut(cell.text)}\` is ${cell.length} characters long, over the limit of ${cellChars.value}`, hint: `Put long text below the table and keep the cell short (or raise the limit with ${cellChars.env}; see docs/FORMAT.md).` });
      }
    }
    const items = pm.actionItems?.table;
    if (items && items.rows.length > LIMITS.actionItems && items.rows.length <= tableRows.value) {
      findings.push({ line: items.line, message: `the Action Items table has ${items.rows.length} rows, over the limit of ${LIMITS.actionItems}`, hint: 'Keep the follow-ups that will be done; track the rest in your tracker and link it.' });
    }
    return findings;
  },
};

/** The rule's one line for the docs, at the default limits. */
function describe({ tableRows, tableColumns, cellChars }: SizeLimits): string {
  return `Every table has at most ${tableRows.value} rows (the Action Items table ${LIMITS.actionItems}) and ${tableColumns.value} columns, and every cell at most ${cellChars.value} characters (\`${tableRows.env}\`, \`${tableColumns.env}\`, \`${cellChars.env}\` raise them).`;
}
