/**
 * Action Items cells the validator cannot read, in the words agents use:
 * statuses (`Completed`, `Open`, `Ongoing`) become the template's four, and
 * due dates written another way (`Aug 15, 2019`) become `YYYY-MM-DD`. A due
 * date that is not a date (`TBD`, `Q3`) becomes the template's placeholder
 * `YYYY-MM-DD`, which only a draft accepts: the file says it is not decided.
 */
import type { ActionStatus } from '../action-status.ts';
import type { ParsedPostmortem } from '../parse.ts';
import { readLooseDate } from './loose-time.ts';

const STATUS_WORDS: readonly { status: ActionStatus; pattern: RegExp }[] = [
  { status: 'DONE', pattern: /^(?:completed?|closed|fixed|resolved|shipped|finished|implemented|deployed|merged|released|yes|✅|✓)$/i },
  { status: 'IN PROGRESS', pattern: /^(?:ongoing|in[\s-]?flight|wip|started|in[\s-]?review|under\s?way|in[\s-]?development|doing|active)$/i },
  { status: 'TODO', pattern: /^(?:open|planned|not[\s-]started|pending|new|backlog|scheduled|proposed|to[\s-]?do|todo|not[\s-]done)$/i },
  { status: "WON'T DO", pattern: /^(?:cancell?ed|dropped|rejected|won'?t[\s-]fix|declined|abandoned)$/i },
];

export interface CellRewrite {
  /** 0-based line index. */
  index: number;
  before: string;
  after: string;
  what: string;
}

/** Cells of a table row split on unescaped pipes, keeping the outer pipes' positions. */
function splitCells(line: string): string[] {
  return line.split(/(?<!\\)\|/);
}

export function normaliseActionItems(parsed: ParsedPostmortem, lines: readonly string[], date: string): CellRewrite[] {
  const items = parsed.actionItems;
  if (!items?.table) return [];
  const columnOf = (names: string[]) => items.table!.columns.findIndex((column) => names.includes(column.replace(/\s*\(.*\)\s*$/, '').trim()));
  const statusColumn = columnOf(['status']);
  const dueColumn = columnOf(['due date', 'due']);
  const rewrites: CellRewrite[] = [];
  for (const item of items.rows) {
    const index = item.line - 1;
    const line = lines[index];
    if (line === undefined) continue;
    const cells = splitCells(line);
    // With an outer pipe, cell n is at n + 1.
    const offset = line.trimStart().startsWith('|') ? 1 : 0;
    const changes: string[] = [];
    if (item.status === null && statusColumn >= 0 && cells[statusColumn + offset] !== undefined) {
      const word = item.statusText.replace(/[*_`]/g, '').trim();
      const status = STATUS_WORDS.find((entry) => entry.pattern.test(word))?.status;
      if (status) {
        cells[statusColumn + offset] = cells[statusColumn + offset]!.replace(item.statusText, status);
        changes.push(`status \`${item.statusText}\` → \`${status}\``);
      }
    }
    if (item.due === null && dueColumn >= 0 && cells[dueColumn + offset] !== undefined && item.dueText !== 'YYYY-MM-DD') {
      const day = /\d{4}|\b\d{1,2}\b/.test(item.dueText) ? readLooseDate(item.dueText, date) : null;
      const written = day ?? 'YYYY-MM-DD';
      const cell = cells[dueColumn + offset]!;
      cells[dueColumn + offset] = item.dueText ? cell.replace(item.dueText, written) : ` ${written} `;
      changes.push(`due \`${item.dueText || '(empty)'}\` → \`${written}\`${day ? '' : ' (no date written: a draft until one is set)'}`);
    }
    const after = cells.join('|');
    if (changes.length && after !== line) rewrites.push({ index, before: line, after, what: changes.join(', ') });
  }
  return rewrites;
}
