/**
 * The reference reading of a section's first table, with remark-parse and
 * remark-gfm: the fast reader in src/lib/postmortem/parsing/tables.ts must agree with it.
 */
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

import type { ParsedTable } from '../../../src/lib/postmortem/parsing/tables.ts';

interface MdNode {
  type: string;
  value?: string;
  url?: string;
  children?: MdNode[];
  position?: { start: { line: number } };
}

const processor = unified().use(remarkParse).use(remarkGfm);

/** Parses `markdown` (which starts at file line `firstLine`) and returns its first table, or null. */
export function remarkFirstTable(markdown: string, firstLine: number): ParsedTable | null {
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
