/**
 * Action Items cells the validator cannot read, in the words agents use.
 * No word the author wrote is dropped:
 * - a status that is only a synonym (`Completed`, `Open`, `Ongoing`) becomes
 *   the template's word (`DONE`, `TODO`, `IN PROGRESS`);
 * - a status with more to say (`Blocked (waiting on vendor)`, `Blocked - vendor`,
 *   `Shipped in 4.2`) gets the template's word in front and keeps the rest as
 *   its reason: `TODO — Blocked (waiting on vendor)`. Blocked, on hold and
 *   waiting items are open and not moving: TODO.
 * - a due date written another way gets the date first, the cell as written
 *   after it: `2019-08-15 (Aug 15, 2019)`;
 *   a due target that is not a date (`Q3 2027`, `next sprint`, `TBD`) keeps its
 *   words after the template's placeholder: `YYYY-MM-DD (Q3 2027)`, which only
 *   a draft accepts, so the file says a date is still to be set.
 */
import { beforeReason, statusWords, type ActionStatus } from '../model/action-status.ts';
import { ACTION_ITEM_COLUMNS, type ParsedPostmortem } from '../parsing/parse.ts';
import { readLooseDate } from './loose-time.ts';
import { textWords as wordsOf } from '../../search/words.ts';

const STATUS_WORDS: readonly { status: ActionStatus; pattern: RegExp }[] = [
  { status: 'DONE', pattern: /^(?:completed?|closed|fixed|resolved|shipped|finished|implemented|deployed|merged|released|verified|yes)$/i },
  { status: 'IN PROGRESS', pattern: /^(?:ongoing|in[\s-]?flight|wip|started|in[\s-]?review|under\s?way|in[\s-]?development|doing|active|in[\s-]progress|partially\s+(?:done|complete|completed|implemented)|partly\s+done|investigating|being\s+worked\s+on)$/i },
  { status: 'TODO', pattern: /^(?:open|planned|not[\s-](?:yet[\s-])?started|pending|new|backlog|scheduled|proposed|to[\s-]?do|todo|not[\s-]done|blocked|on[\s-]hold|waiting|awaiting|paused|deferred|assigned|queued|to\s+be\s+done)$/i },
  { status: "WON'T DO", pattern: /^(?:cancell?ed|dropped|rejected|won'?t[\s-]fix|declined|abandoned|won'?t[\s-]do|will[\s-]not[\s-]do|not[\s-]doing)$/i },
];

/** The template status a synonym names, or null (`Completed` → `DONE`). */
export function statusSynonym(word: string): ActionStatus | null {
  return STATUS_WORDS.find((entry) => entry.pattern.test(word.trim()))?.status ?? null;
}

export interface CellRewrite {
  /** 0-based line index. */
  index: number;
  before: string;
  after: string;
  what: string;
  /** Cell texts replaced by the same value in the template's form (`Completed` → `DONE`). */
  normalised: string[];
  /** Due targets that are not dates, kept after the placeholder: the file is a draft until they are set. */
  undatedDue: string[];
}

/** Cells of a table row split on unescaped pipes, keeping the outer pipes' positions. */
function splitCells(line: string): string[] {
  return line.split(/(?<!\\)\|/);
}

/**
 * A status written only as a mark: a check mark or ticked box is done, an empty box or an hourglass is not yet.
 * A cross (`❌`, `✗`) or a red dot says "not done", never which kind of closed: the item stays open (TODO),
 * the reading that keeps it in the tracker rather than hiding work, and the mark stays beside it.
 */
const MARKS: readonly { status: ActionStatus; pattern: RegExp }[] = [
  { status: 'DONE', pattern: /^(?:[\u2705\u2714\u2611\u2713]\uFE0F?|\[[xX]\])$/u },
  { status: 'IN PROGRESS', pattern: /^(?:[\u23F3\u231B]|\u{1F6A7}|\u{1F504})\uFE0F?$/u },
  { status: 'TODO', pattern: /^(?:[\u2B1C\u2610\u274C\u2716\u2717\u2718\u2B55]|\u{1F532}|\u{1F534}|\[ \])\uFE0F?$/u },
];

/** The status to write for a cell the parser does not read, or null when it names none. */
function rewriteStatus(cellText: string): { text: string; normalised: boolean } | null {
  // `✔️`, `[x]`: the template's word in front, the mark kept after it (`DONE ✔️`).
  const mark = MARKS.find((entry) => entry.pattern.test(cellText.trim()));
  if (mark) return { text: `${mark.status} ${cellText.trim()}`, normalised: false };
  const words = statusWords(cellText);
  const whole = statusSynonym(words);
  if (whole) return { text: whole, normalised: true };
  // The first words name it: `Blocked (…)`, `Blocked on vendor`, `In review with security`.
  const head = beforeReason(words) ?? words;
  const firstWords = head.split(/\s+/);
  const status = [3, 2, 1].map((count) => (firstWords.length >= count ? statusSynonym(firstWords.slice(0, count).join(' ')) : null)).find((found) => found) ?? null;
  return status ? { text: `${status} — ${cellText.trim()}`, normalised: false } : null;
}

export function normaliseActionItems(parsed: ParsedPostmortem, lines: readonly string[], date: string): CellRewrite[] {
  const items = parsed.actionItems;
  if (!items?.table) return [];
  const columnOf = (names: readonly string[]) => items.table!.columns.findIndex((column) => names.includes(column.replace(/\s*\(.*\)\s*$/, '').trim().toLowerCase()));
  const statusColumn = columnOf(ACTION_ITEM_COLUMNS.Status);
  const dueColumn = columnOf(ACTION_ITEM_COLUMNS['Due Date']);
  const rewrites: CellRewrite[] = [];
  for (const item of items.rows) {
    const index = item.line - 1;
    const line = lines[index];
    if (line === undefined) continue;
    const cells = splitCells(line);
    // With an outer pipe, cell n is at n + 1.
    const offset = line.trimStart().startsWith('|') ? 1 : 0;
    const changes: string[] = [];
    const normalised: string[] = [];
    const undatedDue: string[] = [];
    if (item.status === null && item.statusText && statusColumn >= 0 && cells[statusColumn + offset] !== undefined) {
      const status = rewriteStatus(item.statusText);
      if (status) {
        cells[statusColumn + offset] = cells[statusColumn + offset]!.replace(item.statusText, status.text);
        changes.push(`status \`${item.statusText}\` → \`${status.text}\``);
        if (status.normalised) normalised.push(item.statusText);
      }
    }
    if (item.due === null && dueColumn >= 0 && cells[dueColumn + offset] !== undefined && !/^YYYY-MM-DD(?:\s*\(.*\))?$/.test(item.dueText)) {
      const day = /\d{4}|\b\d{1,2}\b/.test(item.dueText) && /[a-z]{3}|\d{4}[-/]\d|\d[/.]\d{4}\b/i.test(item.dueText) && !/\b(?:Q[1-4]|H[12])\b/i.test(item.dueText) ? readLooseDate(item.dueText, date) : null;
      // The cell as written stays after the date (or the placeholder): no word of it is lost.
      const written = day ? (wordsOf(day).length === wordsOf(item.dueText).length && wordsOf(item.dueText).every((word) => wordsOf(day).includes(word)) ? day : `${day} (${item.dueText})`) : item.dueText ? `YYYY-MM-DD (${item.dueText})` : 'YYYY-MM-DD';
      const cell = cells[dueColumn + offset]!;
      cells[dueColumn + offset] = item.dueText ? cell.replace(item.dueText, written) : ` ${written} `;
      changes.push(`due \`${item.dueText || '(empty)'}\` → \`${written}\`${day ? '' : ' (no date written: a draft until one is set)'}`);
      if (!day) undatedDue.push(item.dueText || '(empty)');
    }
    const after = cells.join('|');
    if (changes.length && after !== line) rewrites.push({ index, before: line, after, what: changes.join(', '), normalised, undatedDue });
  }
  return rewrites;
}
