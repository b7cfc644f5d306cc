/**
 * Splits a file into frontmatter and body and reads the YAML with line
 * positions. YAML 1.2 (the `yaml` package) keeps dates as the strings the
 * author wrote, so an impossible date can be quoted back instead of being
 * rolled over, and every field can be traced to its line.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';

export type FrontmatterBlock =
  /** The file does not start with `---`. */
  | { kind: 'none' }
  /** `---` opens the file but no line closes it. */
  | { kind: 'unclosed'; line: number }
  /** The YAML does not parse. */
  | { kind: 'invalid'; message: string; line: number; column: number }
  /** Parsed YAML; `data` may still be a list, scalar or null. */
  | { kind: 'parsed'; data: unknown; startLine: number; lineOf: (path: readonly (string | number)[]) => number };

export interface SplitFile {
  frontmatter: FrontmatterBlock;
  /** The body text (after the closing `---`). */
  body: string;
  /** 1-based line of the body's first line in the file. */
  bodyStartLine: number;
}

const FENCE = /^---[ \t]*$/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/;

/** Splits normalised text (LF endings, no BOM) into frontmatter and body. */
export function splitFrontmatter(text: string): SplitFile {
  const firstBreak = text.indexOf('\n');
  const firstLine = firstBreak === -1 ? text : text.slice(0, firstBreak);
  if (!FENCE.test(firstLine)) return { frontmatter: { kind: 'none' }, body: text, bodyStartLine: 1 };

  let offset = firstBreak + 1;
  let line = 2;
  while (firstBreak !== -1 && offset <= text.length) {
    const end = text.indexOf('\n', offset);
    const current = end === -1 ? text.slice(offset) : text.slice(offset, end);
    if (CLOSE.test(current)) {
      const yamlText = text.slice(firstBreak + 1, offset);
      const body = end === -1 ? '' : text.slice(end + 1);
      return { frontmatter: readYaml(yamlText, 2), body, bodyStartLine: line + 1 };
    }
    if (end === -1) break;
    offset = end + 1;
    line += 1;
  }
  return { frontmatter: { kind: 'unclosed', line: 1 }, body: text, bodyStartLine: 1 };
}

function readYaml(yamlText: string, startLine: number): FrontmatterBlock {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, schema: 'core', uniqueKeys: true, prettyErrors: false });
  const error = doc.errors[0];
  if (error) {
    const position = lineCounter.linePos(error.pos[0]);
    return {
      kind: 'invalid',
      message: describeYamlError(error.code, error.message),
      line: position.line + startLine - 1,
      column: position.col,
    };
  }
  const lineOf = (path: readonly (string | number)[]): number => {
    const offset = offsetOf(doc, path);
    return offset === null ? startLine - 1 : lineCounter.linePos(offset).line + startLine - 1;
  };
  return { kind: 'parsed', data: doc.toJS(), startLine, lineOf };
}

/** Offset of the deepest node on `path` that exists (a key's line for a missing value). */
function offsetOf(doc: Document, path: readonly (string | number)[]): number | null {
  let node: unknown = doc.contents;
  let found: number | null = (node as Node | null)?.range?.[0] ?? null;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
      if (!pair) break;
      found = (pair.key as Node).range?.[0] ?? found;
      node = pair.value;
      if ((node as Node | null)?.range && !isMap(node) && !isSeq(node)) found = (node as Node).range![0];
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key];
      if (!item) break;
      node = item;
      found = (item as Node).range?.[0] ?? found;
    } else break;
  }
  return found;
}

function describeYamlError(code: string, message: string): string {
  if (code === 'TAB_AS_INDENT' || /tab/i.test(message)) return 'YAML does not allow tabs for indentation';
  if (code === 'DUPLICATE_KEY') return `YAML has a key twice: ${message.split('\n')[0]}`;
  return `YAML does not parse: ${message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`;
}
