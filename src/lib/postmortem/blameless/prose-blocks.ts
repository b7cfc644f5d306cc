/**
 * The prose of a Markdown text, block by block, from its syntax tree: the
 * words of paragraphs, headings and table cells, without code, HTML, link
 * targets or the cells of bookkeeping columns (tickets, owners, dates,
 * statuses). Each block keeps where its words came from, so a finding names
 * its line.
 */
import type { Nodes, PhrasingContent, Table } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

export interface ProseBlock {
  text: string;
  /** Where each piece of `text` starts in it, and on which (absolute, 1-based) line that piece starts. */
  pieces: { offset: number; line: number; value: string }[];
}

/** Table columns that hold references, not sentences. */
const BOOKKEEPING_COLUMN = /^(?:tickets?|issues?|links?|owners?|assignees?|due(?: date)?|status|time(?: \(utc\))?|when)$/i;

const parser = unified().use(remarkParse).use(remarkGfm);

/** The prose blocks of `markdown`, whose first line is line `firstLine` of the file. */
export function proseBlocks(markdown: string, firstLine: number): ProseBlock[] {
  const tree = parser.parse(markdown);
  const blocks: ProseBlock[] = [];
  const lineOf = (node: Nodes) => (node.position?.start.line ?? 1) + firstLine - 1;

  const collect = (nodes: readonly PhrasingContent[], block: ProseBlock) => {
    for (const node of nodes) {
      if (node.type === 'text') {
        block.pieces.push({ offset: block.text.length, line: lineOf(node), value: node.value });
        block.text += node.value;
      } else if (node.type === 'inlineCode') {
        // A neutral word keeps the sentence's shape without reading the code.
        block.text += ' code ';
      } else if (node.type === 'break') {
        block.text += '\n';
      } else if ('children' in node) {
        collect(node.children as PhrasingContent[], block);
      }
    }
  };
  const addBlock = (children: readonly PhrasingContent[]) => {
    const block: ProseBlock = { text: '', pieces: [] };
    collect(children, block);
    if (block.pieces.length) blocks.push(block);
  };
  const visitTable = (table: Table) => {
    const header = table.children[0]?.children.map((cell) => cell.children.map((child) => ('value' in child ? child.value : '')).join('').trim()) ?? [];
    for (const row of table.children.slice(1)) {
      row.children.forEach((cell, column) => {
        if (!BOOKKEEPING_COLUMN.test(header[column] ?? '')) addBlock(cell.children);
      });
    }
  };
  const visit = (node: Nodes) => {
    switch (node.type) {
      case 'paragraph':
      case 'heading':
        addBlock(node.children);
        return;
      case 'table':
        visitTable(node);
        return;
      case 'code':
      case 'html':
      case 'yaml':
      case 'definition':
        return;
      default:
        if ('children' in node) for (const child of node.children) visit(child as Nodes);
    }
  };
  visit(tree);
  return blocks;
}

/** The line of the character at `index` in a block's text. */
export function lineInBlock(block: ProseBlock, index: number): number {
  let piece = block.pieces[0]!;
  for (const candidate of block.pieces) {
    if (candidate.offset > index) break;
    piece = candidate;
  }
  const within = piece.value.slice(0, Math.max(0, index - piece.offset));
  return piece.line + (within.match(/\n/g)?.length ?? 0);
}
