/**
 * Splits a file into frontmatter and body and reads the YAML. The core
 * schema of js-yaml has no timestamp type, so dates stay the strings the
 * author wrote: an impossible date can be quoted back instead of being
 * rolled over to another day. Field lines are found by a light scan of the
 * block, so messages can name the line of the field they are about.
 */
import yaml from 'js-yaml';

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
  let data: unknown;
  try {
    data = yaml.load(yamlText, { schema: yaml.CORE_SCHEMA, json: false });
  } catch (error) {
    const { reason, mark } = error as yaml.YAMLException;
    return { kind: 'invalid', message: describeYamlError(reason ?? String(error)), line: (mark?.line ?? 0) + startLine, column: (mark?.column ?? 0) + 1 };
  }
  const lines = yamlText.split('\n');
  return { kind: 'parsed', data, startLine, lineOf: (path) => lineOfPath(lines, path) + startLine - 1 };
}

const TOP_LEVEL_KEY = /^(["']?)([^\s#:"'-][^:"']*)\1\s*:(?:\s|$)/;
const ITEM = /^(\s*)-(?:\s|$)/;

/**
 * The 1-based line (within the block) of a field path such as `['links', 0, 'url']`,
 * or of its nearest written ancestor; 0 when even the top-level key is absent.
 */
function lineOfPath(lines: readonly string[], path: readonly (string | number)[]): number {
  const [key, index, subKey] = path;
  const keyLine = lines.findIndex((line) => TOP_LEVEL_KEY.exec(line)?.[2]?.trim() === key);
  if (keyLine === -1) return 0;
  if (typeof index !== 'number') return keyLine + 1;
  const end = lines.findIndex((line, i) => i > keyLine && TOP_LEVEL_KEY.test(line));
  const block = lines.slice(keyLine + 1, end === -1 ? lines.length : end);
  const indent = Math.min(...block.map((line) => ITEM.exec(line)?.[1]?.length ?? Infinity));
  const items = block.flatMap((line, i) => (ITEM.exec(line)?.[1]?.length === indent ? [i] : []));
  const itemLine = items[index];
  if (itemLine === undefined) return keyLine + 1;
  if (typeof subKey !== 'string') return keyLine + itemLine + 2;
  const itemEnd = items[index + 1] ?? block.length;
  const subLine = block.slice(itemLine, itemEnd).findIndex((line) => new RegExp(`^\\s*(?:-\\s+)?["']?${escapeRegExp(subKey)}["']?\\s*:`).test(line));
  return keyLine + itemLine + (subLine === -1 ? 0 : subLine) + 2;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function describeYamlError(reason: string): string {
  if (/tab/i.test(reason)) return 'YAML does not allow tabs for indentation';
  if (/duplicated mapping key/i.test(reason)) return 'YAML has the same field twice';
  return `YAML does not parse: ${reason}`;
}
