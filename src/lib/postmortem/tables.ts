/**
 * Reads the first GFM table of a section with remark-gfm. Only the two
 * sections that hold tables are parsed this way, so validating an archive
 * never runs a full Markdown parse of every body.
 */
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

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

interface MdNode {
  type: string;
  value?: string;
  url?: string;
  children?: MdNode[];
  position?: { start: { line: number } };
}

const processor = unified().use(remarkParse).use(remarkGfm);

/** Parses `markdown` (which starts at file line `firstLine`) and returns its first table, or null. */
export function firstTable(markdown: string, firstLine: number): ParsedTable | null {
  const tree = processor.parse(markdown) as MdNode;
  const table = findTable(tree);
  if (!table?.children?.length) return null;
  const [header, ...body] = table.children;
  const lineOf = (node: MdNode) => (node.position?.start.line ?? 1) + firstLine - 1;
  return {
    line: lineOf(header!),
    columns: (header!.children ?? []).map((cell) => textOf(cell).trim().toLowerCase()),
    rows: body.map((row) => ({
      line: lineOf(row),
      cells: (row.children ?? []).map((cell) => ({ text: textOf(cell).trim(), url: firstUrl(cell) })),
    })),
  };
}

function findTable(node: MdNode): MdNode | null {
  if (node.type === 'table') return node;
  for (const child of node.children ?? []) {
    const table = findTable(child);
    if (table) return table;
  }
  return null;
}

function textOf(node: MdNode): string {
  if (node.value !== undefined) return node.value;
  return (node.children ?? []).map(textOf).join('');
}

function firstUrl(node: MdNode): string | null {
  if (node.type === 'link' && node.url) return node.url;
  for (const child of node.children ?? []) {
    const url = firstUrl(child);
    if (url) return url;
  }
  return null;
}

/** Index of the first column whose name is one of `names`, or -1. */
export function columnIndex(table: ParsedTable, names: readonly string[]): number {
  return table.columns.findIndex((column) => names.includes(column.replace(/\s*\(.*\)\s*$/, '').trim()));
}
