/**
 * Reads the first GFM table of a section. A line reader that follows the
 * GFM table rules (header, delimiter row, rows until a blank line or another
 * block; cells split on unescaped pipes) is some 50× faster than a full
 * remark-gfm parse, which matters at thousands of files per `validate`; a
 * differential test holds it to remark-gfm's reading of every shipped and
 * fixture table.
 */

import { closesFence, fenceOpening, mayHoldFence } from './fences.ts';
import { linesOf } from './lines.ts';

export interface TableCell {
  /** The cell's plain text (emphasis and code marks removed). */
  text: string;
  /** The first link's URL in the cell, if any. */
  url: string | null;
}

export interface ParsedTable {
  /** 1-based line of the header row in the file. */
  line: number;
  /** Header names, lower-cased and trimmed. */
  columns: string[];
  rows: { line: number; cells: TableCell[] }[];
}

const DELIMITER_CELL = /^\s*:?-+:?\s*$/;
const BLOCK_START = /^ {0,3}(?:#{1,6}(?:\s|$)|>|`{3,}|~{3,}|[-*+](?:\s|$)|\d{1,9}[.)](?:\s|$)|(?:[-*_]\s*){3,}$)/;

/** Parses `markdown` (which starts at file line `firstLine`) and returns its first table, or null. */
export function firstTable(markdown: string, firstLine: number): ParsedTable | null {
  const lines = markdown.split('\n');
  for (const block of tableBlocks(lines, mayHoldFence(markdown))) {
    // Like remark-gfm, rows keep the cells they have: short rows are not padded, extra cells are kept.
    const rows = block.bodyLines.map((index) => ({ line: index + firstLine, cells: splitRow(lines[index]!).map(readCell) }));
    return { line: block.index + firstLine, columns: block.header.map((cell) => readCell(cell).text.toLowerCase()), rows };
  }
  return null;
}

/**
 * Every GFM table of `lines`, in order: the header's line index, its cells and the indexes of its body
 * rows. Fenced code is skipped (`fenced`: the text may hold a fence at all); a body ends at a blank
 * line or the start of another block.
 */
function* tableBlocks(lines: readonly string[], fenced: boolean): Generator<{ index: number; header: string[]; bodyLines: number[] }> {
  let fence: string | null = null;
  for (let index = 0; index + 1 < lines.length; index += 1) {
    const line = lines[index]!;
    if (fence) {
      if (closesFence(line, fence)) fence = null;
      continue;
    }
    fence = fenced ? fenceOpening(line) : null;
    if (fence || !line.includes('|') || /^ {4}|^\t/.test(line)) continue;
    const header = splitRow(line);
    const delimiter = splitRow(lines[index + 1]!);
    if (header.length !== delimiter.length || !delimiter.every((cell) => DELIMITER_CELL.test(cell))) continue;
    const bodyLines: number[] = [];
    let rowIndex = index + 2;
    for (; rowIndex < lines.length; rowIndex += 1) {
      const rowLine = lines[rowIndex]!;
      if (!rowLine.trim() || BLOCK_START.test(rowLine)) break;
      bodyLines.push(rowIndex);
    }
    yield { index, header, bodyLines };
    index = rowIndex - 1;
  }
}

/** Cells of a table row: split on pipes that are not escaped, without the optional outer pipes. */
function splitRow(line: string): string[] {
  const cells: string[] = [];
  let start = 0;
  for (let pipe = line.indexOf('|'); pipe !== -1; pipe = line.indexOf('|', pipe + 1)) {
    if (isEscaped(line, pipe)) continue;
    cells.push(line.slice(start, pipe));
    start = pipe + 1;
  }
  cells.push(line.slice(start));
  if (!cells[0]!.trim()) cells.shift();
  // A blank last cell left after the shift follows an unescaped pipe (a line with none is one cell,
  // shifted away when blank), so the row ends in an outer pipe: no need to test the line again.
  if (cells.length && !cells[cells.length - 1]!.trim()) cells.pop();
  return cells.map((cell) => cell.trim());
}

/** A pipe preceded by an odd number of backslashes is text, not a cell border. */
function isEscaped(line: string, index: number): boolean {
  let backslashes = 0;
  while (line[index - 1 - backslashes] === '\\') backslashes += 1;
  return backslashes % 2 === 1;
}

/** Characters that may start inline syntax; cells without them are plain text already. */
const INLINE_SYNTAX = /[`*_[<&\\]/;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', '#39': "'" };

/** A cell's inline Markdown reduced to text and its first link. */
function readCell(markdown: string): TableCell {
  if (!INLINE_SYNTAX.test(markdown)) return { text: markdown, url: bareUrl(markdown) };
  let url: string | null = null;
  // Each pass runs only when its syntax can be there: most cells hold one code span and nothing else.
  let text = markdown.includes('\\|') ? markdown.replace(/\\\|/g, '|') : markdown;
  // Code spans are set aside first so their content is never read as emphasis or links.
  const codeSpans: string[] = [];
  if (text.includes('`')) text = text.replace(/`([^`]*)`/g, (_, code: string) => `\uE000${codeSpans.push(code.trim()) - 1}\uE001`);
  // No label or target runs past another `[` (nor an autolink past another `<`): from each opener the scan
  // stops at the next one, so a cell full of `[a](` costs linear time.
  if (text.includes('](')) {
    text = text.replace(/!?\[([^\][]*)\]\(\s*<?([^)\s>[]*)>?(?:\s+"[^"]*")?\s*\)/g, (_, label: string, href: string) => {
      url ??= href;
      return label;
    });
  }
  if (text.includes('<')) {
    text = text.replace(/<((?:https?|mailto):[^<>\s]+)>/g, (_, href: string) => {
      url ??= href;
      return href;
    });
  }
  // The span is bounded (a cell holds at most 500 characters, see limits) so an unclosed `**` scans a bounded stretch, not the rest of the row.
  if (text.includes('**') || text.includes('__')) text = text.replace(/(\*\*|__)(?=\S)([^]{0,1000}?\S)\1/g, '$2');
  if (text.includes('*') || text.includes('_')) text = text.replace(/(^|[^\w*])([*_])(?=\S)([^*_]*?\S)\2(?![\w*])/g, '$1$3');
  if (text.includes('\\')) text = text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
  if (text.includes('&')) text = text.replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/g, (_, name: string) => ENTITIES[name]!);
  if (codeSpans.length) text = text.replace(/\uE000(\d+)\uE001/g, (_, index: string) => codeSpans[Number(index)]!);
  return { text: text.trim(), url: url ?? bareUrl(markdown) };
}

const TRAILING_PUNCTUATION = new Set(['?', '!', '.', ',', ':', '*', '_', '~', "'", '"']);

const AUTOLINK = /(?:\bhttps?:\/\/|\bwww\.)[^\s<`]+/i;

/** A GFM autolink literal (`https://…`, `www.…`), trimmed of trailing punctuation as GFM trims it. */
function bareUrl(markdown: string): string | null {
  // Both forms hold `://` or `.`: most cells (times, names, dates, states) hold neither and skip the pattern.
  if (!markdown.includes('.') && !markdown.includes('://')) return null;
  const match = AUTOLINK.exec(markdown);
  if (!match) return null;
  // Trimmed by hand: an end-anchored pattern or a recount per `)` is quadratic on a long run of them.
  let end = match[0].length;
  while (end > 0 && TRAILING_PUNCTUATION.has(match[0][end - 1]!)) end -= 1;
  let candidate = match[0].slice(0, end);
  let unbalanced = (candidate.match(/\)/g)?.length ?? 0) - (candidate.match(/\(/g)?.length ?? 0);
  while (unbalanced > 0 && candidate.endsWith(')')) {
    candidate = candidate.slice(0, -1);
    unbalanced -= 1;
  }
  return /^www\./i.test(candidate) ? `http://${candidate}` : candidate;
}

/** Index of the first column whose name is one of `names`, or -1. */
export function columnIndex(table: ParsedTable, names: readonly string[]): number {
  return table.columns.findIndex((column) => names.includes(column.replace(/\s*\(.*\)\s*$/, '').trim()));
}

/** The size of one table: what the limits in `table-size` measure. */
export interface TableShape {
  /** 1-based line of the header row in the file. */
  line: number;
  columns: number;
  rows: number;
  /** The longest cell (header or body), by characters of Markdown. */
  longestCell: { line: number; length: number; text: string };
}

/**
 * The shape of every GFM table in `markdown` (which starts at file line `firstLine`), read as {@link firstTable} reads one.
 * A cell is part of its row's line, so a row no longer than `measureOver` characters (or than the longest cell so far)
 * cannot hold a longer cell and is not split: `longestCell` is exact whenever it is longer than `measureOver` (all that
 * `table-size` asks of it).
 */
export function tableShapes(markdown: string, firstLine: number, measureOver = 0): TableShape[] {
  const lines = linesOf(markdown);
  const shapes: TableShape[] = [];
  for (const { index, header, bodyLines } of tableBlocks(lines, mayHoldFence(markdown))) {
    const shape: TableShape = { line: index + firstLine, columns: header.length, rows: bodyLines.length, longestCell: { line: index + firstLine, length: 0, text: '' } };
    const measure = (cells: string[], cellLine: number) => {
      for (const cell of cells) if (cell.length > shape.longestCell.length) shape.longestCell = { line: cellLine, length: cell.length, text: cell };
    };
    measure(header, shape.line);
    for (const rowIndex of bodyLines) {
      const row = lines[rowIndex]!;
      if (row.length > measureOver && row.length > shape.longestCell.length) measure(splitRow(row), rowIndex + firstLine);
    }
    shapes.push(shape);
  }
  return shapes;
}
