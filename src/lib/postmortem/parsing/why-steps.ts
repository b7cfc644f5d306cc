/**
 * The 5 Whys chain of a Root Cause section, read from its Markdown tree in
 * whatever shape the author wrote it: `Why? → …` lines in one paragraph, one
 * paragraph per step, a bulleted or numbered list, bold questions (with the
 * answer beside or below), or a table. One reading for both consumers: rule
 * `five-whys` counts the steps, and the site's remark step (remark-five-whys.ts)
 * renders them as one ordered list, so what validate accepts is what the page shows.
 */
import type { BlockContent, List, ListItem, Nodes, Paragraph, PhrasingContent, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { readPlainBlocks } from './why-steps-lines.ts';

/** A step starts with "Why", after an optional number (`1.`, `2)`) or a `Q:`. */
const WHY_START = /^\s*(?:\d+\s*[.):]\s*)?(?:q\s*\d*\s*[:.]\s*)?why\b/i;
/** The chain's conclusion, which is not a step: `Root Cause: …`. */
const ROOT_CAUSE_START = /^\s*root cause\b[^:]*:/i;

/** Where the chain sits among the section's blocks, and its steps as list items. */
export interface FiveWhys {
  /** Index of the first and one past the last block the chain occupies. */
  start: number;
  end: number;
  /** What replaces those blocks: text the author put around the steps stays, the steps become one ordered list. */
  blocks: RootContent[];
  steps: number;
}

function isWhy(node: Nodes): boolean {
  return WHY_START.test(toString(node));
}

function paragraph(children: PhrasingContent[]): Paragraph {
  return { type: 'paragraph', children };
}

function item(children: BlockContent[]): ListItem {
  return { type: 'listItem', spread: false, children };
}

/** A paragraph cut at its line breaks (soft or hard) into lines of inline content. */
function linesOf(node: Paragraph): PhrasingContent[][] {
  const lines: PhrasingContent[][] = [[]];
  for (const child of node.children) {
    if (child.type === 'break') {
      lines.push([]);
      continue;
    }
    if (child.type !== 'text' || !child.value.includes('\n')) {
      lines.at(-1)!.push(child);
      continue;
    }
    child.value.split('\n').forEach((part, at) => {
      if (at > 0) lines.push([]);
      if (part) lines.at(-1)!.push({ type: 'text', value: part });
    });
  }
  return lines.filter((line) => toString({ type: 'paragraph', children: line }).trim() !== '');
}

/** A question in bold with nothing after it (`**Why did the API fail?**`): its answer is the next block. */
function isBareQuestion(node: Paragraph): boolean {
  return node.children.length === 1 && node.children[0]!.type === 'strong' && isWhy(node);
}

/** The steps a table holds, one per body row: its cells joined (a bare row number left out), in a table about whys. */
function tableSteps(table: Table): ListItem[] | null {
  const [header, ...rows] = table.children;
  if (!header || !rows.length) return null;
  const aboutWhys = isWhy(header) || /\bwhy\b/i.test(toString(header)) || rows.every((row) => row.children.some((cell) => isWhy(cell)));
  if (!aboutWhys) return null;
  return rows.map((row) => {
    const cells = row.children.filter((cell) => !/^\s*#?\d*\s*$/.test(toString(cell)));
    const children: PhrasingContent[] = [];
    cells.forEach((cell, at) => {
      if (at > 0) children.push({ type: 'text', value: ' — ' });
      children.push(...cell.children);
    });
    return item([paragraph(children)]);
  });
}

/**
 * Reads the chain from a section's blocks (the nodes below its heading), or
 * null when there is none. Steps from consecutive blocks (paragraphs, lists, a
 * table) form one chain; text before the first step and a `Root Cause:` line
 * after it stay as paragraphs around the list.
 */
export function readFiveWhys(blocks: readonly RootContent[]): FiveWhys | null {
  let start = -1;
  let end = -1;
  const steps: ListItem[] = [];
  const before: RootContent[] = [];
  const after: RootContent[] = [];
  for (let at = 0; at < blocks.length; at++) {
    const block = blocks[at]!;
    const found = stepsOf(block, blocks[at + 1]);
    if (!found) {
      if (start >= 0) break;
      continue;
    }
    if (start < 0) start = at;
    if (found.lead.length) {
      if (steps.length) break;
      before.push(...found.lead);
    }
    steps.push(...found.steps);
    if (found.usesNext) at++;
    end = at + 1;
    if (found.trail.length) {
      after.push(...found.trail);
      break;
    }
  }
  if (start < 0 || !steps.length) return null;
  const list: List = { type: 'list', ordered: true, start: 1, spread: false, children: steps };
  return { start, end, blocks: [...before, list, ...after], steps: steps.length };
}

interface Found {
  steps: ListItem[];
  /** What comes before the first step in the same block (`Problem: …`), kept as it was. */
  lead: RootContent[];
  /** What follows the steps in the same block and is not a step (`Root Cause: …`): the chain ends there. */
  trail: RootContent[];
  /** The next block is the answer to a bare bold question. */
  usesNext: boolean;
}

function stepsOf(block: RootContent, next: RootContent | undefined): Found | null {
  const none = { lead: [], trail: [], usesNext: false };
  if (block.type === 'list') {
    const first = block.children.findIndex((entry) => isWhy(entry));
    if (first < 0) return null;
    const last = block.children.findLastIndex((entry) => isWhy(entry));
    // Items before the first step (`Problem: …`) and after the last (`Root Cause: …`) stay a list of their own.
    const part = (items: ListItem[]): RootContent[] => (items.length ? [{ ...block, children: items }] : []);
    return {
      ...none,
      lead: part(block.children.slice(0, first)),
      steps: block.children.slice(first, last + 1).map((entry) => item(entry.children as BlockContent[])),
      trail: part(block.children.slice(last + 1)),
    };
  }
  if (block.type === 'table') {
    const steps = tableSteps(block);
    return steps ? { ...none, steps } : null;
  }
  if (block.type !== 'paragraph') return null;
  if (isBareQuestion(block)) {
    const answer = next?.type === 'paragraph' && !isWhy(next) && !ROOT_CAUSE_START.test(toString(next));
    return { ...none, steps: [item(answer ? [block, next as Paragraph] : [block])], usesNext: answer };
  }
  const lines = linesOf(block);
  const first = lines.findIndex((line) => isWhy(paragraph(line)));
  if (first < 0) return null;
  const steps: ListItem[] = [];
  const trail: PhrasingContent[][] = [];
  for (const line of lines.slice(first)) {
    const text = toString(paragraph(line));
    if (trail.length || ROOT_CAUSE_START.test(text)) trail.push(line);
    else if (WHY_START.test(text)) steps.push(item([paragraph(line)]));
    // A line that is neither continues the step above it (a wrapped answer).
    else (steps.at(-1)!.children[0] as Paragraph).children.push({ type: 'text', value: ' ' }, ...line);
  }
  const joined = (group: PhrasingContent[][]): RootContent[] => (group.length ? [paragraph(group.flatMap((line, at) => (at > 0 ? [{ type: 'break' } as PhrasingContent, ...line] : line)))] : []);
  return { ...none, lead: joined(lines.slice(0, first)), steps, trail: joined(trail) };
}

const parser = unified().use(remarkParse).use(remarkGfm).freeze();
const commonMarkParser = unified().use(remarkParse).freeze();
/**
 * What GFM's extensions start on: tables (`|`), strikethrough (`~`), footnotes and task items (`[`),
 * autolink literals (`www.`, `http:`/`https:`, an `@` of an e-mail address). Text without any of them
 * parses to the same tree without GFM at half the cost (validate reads every Root Cause section).
 */
const GFM_TRIGGER = /[|~[@]|www\.|https?:/i;

/** The number of 5 Whys steps in a Root Cause section's Markdown: what rule `five-whys` counts. */
export function countWhySteps(markdown: string): number {
  if (!/why/i.test(markdown)) return 0;
  if (GFM_TRIGGER.test(markdown)) return readFiveWhys(parser.parse(markdown).children)?.steps ?? 0;
  // The plain shape most sections take is read line by line (why-steps-lines.ts); anything else is parsed.
  return readFiveWhys(readPlainBlocks(markdown) ?? commonMarkParser.parse(markdown).children)?.steps ?? 0;
}
