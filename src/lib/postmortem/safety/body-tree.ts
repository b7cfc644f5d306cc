/**
 * A post-mortem body as the site renders it, for the rules that must judge
 * exactly what the page will show: Markdown (GFM; MDX for `.mdx`) to mdast,
 * then to hast with raw HTML parsed as a browser would. Parsed once per file
 * and shared by the rules that need it (unsafe-html, mdx-trust, image-asset).
 */
import type { Root as HastRoot } from 'hast';
import { raw } from 'hast-util-raw';
import type { Root as MdastRoot } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { isParseable } from './nesting.ts';
import type { ParsedPostmortem } from '../parsing/parse.ts';

/** MDX node types that pass through the Markdown-to-HTML step untouched (as in @mdx-js/mdx). */
export const MDX_NODE_TYPES: Array<'mdxjsEsm' | 'mdxFlowExpression' | 'mdxJsxFlowElement' | 'mdxJsxTextElement' | 'mdxTextExpression'> = ['mdxjsEsm', 'mdxFlowExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxTextExpression'];

export interface BodyTrees {
  mdast: MdastRoot;
  /** The HTML tree before sanitising (MDX nodes still in it). */
  hast: HastRoot;
}

export interface BodyParseError {
  message: string;
  /** 1-based line and column within the body. */
  line: number;
  column: number;
  /** Not parsed because it is over a bound (nesting, brackets) that its own rule reports. */
  refused?: boolean;
}

const markdown = unified().use(remarkParse).use(remarkGfm).freeze();
const mdx = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).freeze();
const cache = new WeakMap<ParsedPostmortem, BodyTrees | BodyParseError>();

export function isMdx(path: string): boolean {
  return path.toLowerCase().endsWith('.mdx');
}

/** The body's trees, or where MDX could not parse it. Lines and columns are relative to the body. */
export function bodyTrees(pm: ParsedPostmortem): BodyTrees | BodyParseError {
  const known = cache.get(pm);
  if (known) return known;
  // A body too deep or too bracket-dense is not parsed at all (rules nesting-depth and bracket-density report it).
  const result = isParseable(pm.body) ? parseBody(pm.body, isMdx(pm.path)) : { message: 'not parsed: over the nesting or bracket limits', line: 1, column: 1, refused: true };
  cache.set(pm, result);
  return result;
}

export function parseBody(body: string, asMdx: boolean): BodyTrees | BodyParseError {
  const processor = asMdx ? mdx : markdown;
  let tree: MdastRoot;
  try {
    tree = processor.runSync(processor.parse(body)) as MdastRoot;
  } catch (error) {
    const place = (error as { place?: { line?: number; column?: number; start?: { line: number; column: number } } }).place;
    const start = place && 'start' in place && place.start ? place.start : place;
    return { message: (error as { reason?: string }).reason ?? String(error), line: start?.line ?? 1, column: start?.column ?? 1 };
  }
  const hast = toHast(tree, { allowDangerousHtml: true, passThrough: MDX_NODE_TYPES }) as HastRoot;
  // With the file, parse5 gives every element of raw HTML its line in the body.
  return { mdast: tree, hast: raw(hast, { passThrough: MDX_NODE_TYPES, file: new VFile(body) }) as HastRoot };
}

export function isParseError(trees: BodyTrees | BodyParseError): trees is BodyParseError {
  return 'message' in trees;
}
