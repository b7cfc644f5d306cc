/**
 * Splits a file into frontmatter and body and reads the YAML with `yaml`
 * (the one YAML library of Hindsight, also used to write frontmatter).
 * The core schema has no timestamp type, so dates stay the strings the
 * author wrote: an impossible date can be quoted back instead of being
 * rolled over to another day. Field lines come from the parsed document's
 * node positions. Work is bounded: the block's size, the number of aliases
 * and their expansion are capped, so a hostile block is an error, not a hang.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node, type ParsedNode } from 'yaml';
import { readFlatYaml } from './flat-yaml.ts';
import { LIMITS } from '../safety/limits.ts';

export type FrontmatterBlock =
  /** The file does not start with `---`. */
  | { kind: 'none' }
  /** `---` opens the file but no line closes it. */
  | { kind: 'unclosed'; line: number }
  /** The YAML does not parse (or is too large or too aliased to read). */
  | { kind: 'invalid'; message: string; line: number; column: number; code: YamlProblemCode }
  /** Parsed YAML; `data` may still be a list, scalar or null. */
  | { kind: 'parsed'; data: unknown; startLine: number; lineOf: (path: readonly (string | number)[]) => number };

/** Why a block was not read: a YAML syntax error (`yaml`'s code), or one of Hindsight's bounds. */
export type YamlProblemCode = string | 'TOO_LARGE' | 'TOO_DEEP' | 'TOO_MANY_ALIASES' | 'ALIAS_EXPANSION';

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

const PARSE_OPTIONS = { schema: 'core', prettyErrors: false, uniqueKeys: true } as const;

function readYaml(yamlText: string, startLine: number): FrontmatterBlock {
  try {
    return readBoundedYaml(yamlText, startLine);
  } catch (error) {
    // `yaml` parses nesting by recursion: thousands of `[` overflow the stack. That is the input's doing, not a bug.
    if (!(error instanceof RangeError)) throw error;
    return { kind: 'invalid', code: 'TOO_DEEP', message: 'YAML nests lists or maps too deeply to read', line: startLine, column: 1 };
  }
}

function readBoundedYaml(yamlText: string, startLine: number): FrontmatterBlock {
  const invalid = (code: YamlProblemCode, message: string, line: number, column = 1): FrontmatterBlock => ({ kind: 'invalid', code, message, line: line + startLine - 1, column });
  // A duplicate-key check per key makes a huge map quadratic: the block's size is bounded before parsing.
  if (yamlText.length > LIMITS.frontmatterChars) {
    return invalid('TOO_LARGE', `the frontmatter is ${count(yamlText.length)} characters long, over the limit of ${count(LIMITS.frontmatterChars)}`, 1);
  }
  const deepLine = tooDeepLine(yamlText);
  if (deepLine !== null) return invalid('TOO_DEEP', `YAML nests lists or maps more than ${MAX_NESTING} levels deep`, deepLine);
  const flat = readFlatYaml(yamlText);
  if (flat) return parsed(flat, yamlText, startLine);
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { ...PARSE_OPTIONS, lineCounter });
  const error = doc.errors[0];
  if (error) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    return invalid(error.code, describeYamlError(error.code, error.message, yamlText.slice(error.pos[0])), line, col);
  }
  // Each alias is resolved by a scan of the document's anchors: many aliases cost quadratic time,
  // and nested ones expand exponentially. Frontmatter needs neither, so both are capped.
  const aliases = yamlText.includes('*') ? aliasNodes(doc) : [];
  const firstAlias = aliases[0];
  if (firstAlias && aliases.length > LIMITS.yamlAliases) {
    const { line, col } = lineCounter.linePos(firstAlias.range?.[0] ?? 0);
    return invalid('TOO_MANY_ALIASES', `the frontmatter uses ${aliases.length} YAML aliases (\`*${cut(firstAlias.source)}\`…), more than the ${LIMITS.yamlAliases} allowed`, line, col);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: LIMITS.yamlAliasExpansion });
  } catch (thrown) {
    const { line, col } = lineCounter.linePos(firstAlias?.range?.[0] ?? 0);
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    if (/excessive alias count/i.test(message)) {
      return invalid('ALIAS_EXPANSION', `YAML aliases expand to more than ${LIMITS.yamlAliasExpansion} copies (an alias bomb?), from \`*${cut(firstAlias?.source ?? '')}\``, line, col);
    }
    return invalid('ALIAS', `YAML does not parse: ${cut(message)}`, line, col);
  }
  return parsed(data, yamlText, startLine);
}

function parsed(data: unknown, yamlText: string, startLine: number): FrontmatterBlock {
  let positions: Map<string, number> | null = null;
  return {
    kind: 'parsed',
    data,
    startLine,
    // Lines are only needed for problems: the text is parsed again on the first question, so a
    // thousand valid files do not each keep a YAML document alive.
    lineOf: (path) => {
      if (!positions) {
        const again = new LineCounter();
        positions = fieldLines(parseDocument(yamlText, { ...PARSE_OPTIONS, lineCounter: again }).contents, again);
      }
      for (let depth = path.length; depth > 0; depth -= 1) {
        const line = positions.get(pathKey(path.slice(0, depth)));
        if (line !== undefined) return line + startLine - 1;
      }
      return startLine - 1;
    },
  };
}

/** Deeper than any frontmatter needs; `yaml` parses nesting by recursion, and a thousand levels overflow the stack slowly. */
const MAX_NESTING = 32;

/**
 * The line where nesting passes {@link MAX_NESTING}, or null: open flow brackets (`[`, `{`, counted
 * even inside quotes, so no quote can hide them), block indicators (`- `, `? `, `: `) stacked on one
 * line, or indentation deeper than two spaces a level.
 */
function tooDeepLine(text: string): number | null {
  let depth = 0;
  let line = 1;
  let lineStart = true;
  let stacked = 0;
  let indent = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0x0a) {
      line += 1;
      lineStart = true;
      stacked = 0;
      indent = 0;
      continue;
    }
    if (code === 0x5b || code === 0x7b) {
      depth += 1;
      if (depth > MAX_NESTING) return line;
    } else if ((code === 0x5d || code === 0x7d) && depth > 0) depth -= 1;
    if (!lineStart) continue;
    if (code === 0x20 || code === 0x09) {
      // Deep block nesting needs deep indentation: two spaces a level.
      indent += 1;
      if (indent > MAX_NESTING * 2) return line;
      continue;
    }
    // At the start of a line, count indicators each followed by a space: `- - - x`.
    const next = text.charCodeAt(index + 1);
    if ((code === 0x2d || code === 0x3f || code === 0x3a) && (next === 0x20 || next === 0x09)) {
      stacked += 1;
      if (stacked > MAX_NESTING) return line;
    } else lineStart = false;
  }
  return null;
}

function aliasNodes(doc: Document): { source: string; range?: [number, number, number] | null }[] {
  const found: { source: string; range?: [number, number, number] | null }[] = [];
  visit(doc, { Alias: (_key, node) => void found.push(node) });
  return found;
}

/** The 1-based line of every field path (`links.0.url`): a map entry's key line, a list item's own line. */
function fieldLines(root: ParsedNode | null, lineCounter: LineCounter): Map<string, number> {
  const lines = new Map<string, number>();
  const lineAt = (node: Node | null | undefined) => (node?.range ? lineCounter.linePos(node.range[0]).line : undefined);
  const walk = (node: unknown, path: (string | number)[], depth: number) => {
    if (depth > 4 || isAlias(node)) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : null;
        const line = lineAt(pair.key as Node) ?? lineAt(pair.value as Node);
        if (key === null || line === undefined) continue;
        lines.set(pathKey([...path, key]), line);
        walk(pair.value, [...path, key], depth + 1);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        const line = lineAt(item as Node);
        if (line !== undefined) lines.set(pathKey([...path, index]), line);
        walk(item, [...path, index], depth + 1);
      });
    }
  };
  walk(root, [], 0);
  return lines;
}

const pathKey = (path: readonly (string | number)[]) => path.join('\u0000');

function describeYamlError(code: string, message: string, from: string): string {
  if (code === 'TAB_AS_INDENT') return 'YAML does not allow tabs for indentation';
  if (code === 'DUPLICATE_KEY') {
    const key = /^\s*["']?([^"':\n]+)/.exec(from)?.[1]?.trim();
    return key ? `YAML has the field \`${cut(key)}\` twice` : 'YAML has the same field twice';
  }
  return `YAML does not parse: ${cut(message)}`;
}

/** A value cut to a length that reads well inside a message. */
export function cut(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** Where the site's frontmatter reader (Astro's) would read a block differently from this one, or find it unreadable. */
export interface ReaderDisagreement {
  line: number;
  column: number;
  message: string;
  hint: string;
}

/**
 * Characters js-yaml (the YAML reader of Astro's content loader) refuses in a document: C0 controls
 * other than tab and line breaks, DEL, C1 controls, lone surrogates. A frontmatter holding one would
 * pass here and stop the build with a stack trace.
 */
const UNREADABLE_CHAR = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
/**
 * An explicit YAML tag (`!custom`, `!!binary`) where a value starts: after `key: `, `- `, `[`, `{` or `,`
 * (quoted text blanked first). The core schema here reads an unknown tag as a string; the site's reader
 * (js-yaml) throws, so the build would stop with a stack trace.
 */
const YAML_TAG = /(?:^\s*|:\s+|-\s+|[[{,]\s*)(!\S*)/;
const QUOTED = /"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'/g;
/** The site's reader ends the block at the first line starting with `---` or `+++`, whatever follows. */
const SITE_CLOSE = /^(?:---|\+\+\+)/;

/**
 * The first place in `raw` (the file as read, BOM removed, line endings untouched) where the two
 * readers of a frontmatter block would disagree: a lone carriage return (this reader ends a line
 * there, the site's does not), a `...` closer (YAML's, unknown to the site), a line starting with
 * `---` or `+++` that the site would take for the closer, or a control character. Null when they
 * agree; validate refuses the file otherwise, so what validate accepts the build reads the same way.
 */
export function readerDisagreement(raw: string): ReaderDisagreement | null {
  // Line by line up to the block's end, not a split of the whole file: only the frontmatter is read.
  for (let index = 0, start = 0; start <= raw.length; index += 1) {
    const end = raw.indexOf('\n', start);
    const slice = raw.slice(start, end === -1 ? raw.length : end);
    const line = slice.endsWith('\r') ? slice.slice(0, -1) : slice;
    start = end === -1 ? raw.length + 1 : end + 1;
    if (index === 0 && !FENCE.test(line)) return null;
    const number = index + 1;
    const cr = line.indexOf('\r');
    if (cr !== -1) {
      return { line: number, column: cr + 1, message: `line \`${cut(line.slice(0, cr))}\` of the frontmatter ends in a lone carriage return (CR), which the site does not read as a line end`, hint: 'Save the file with LF (or CRLF) line endings.' };
    }
    const bad = PLAIN_LINE.test(line) ? null : UNREADABLE_CHAR.exec(line);
    if (bad) {
      const at = bad.index + (bad[0].length > 1 && !/[\uD800-\uDFFF]/.test(bad[0][0]!) ? 1 : 0);
      const code = `U+${line.codePointAt(at)!.toString(16).toUpperCase().padStart(4, '0')}`;
      return { line: number, column: at + 1, message: `the frontmatter holds the control character ${code} in \`${cut(line.replace(UNREADABLE_CHAR_G, '�'))}\``, hint: 'Delete it: control characters are invisible, and pages and feeds cannot show them.' };
    }
    if (index === 0) continue;
    if (FENCE.test(line)) return null;
    // A tag starts with `!`: most lines have none, and need neither the quotes blanked nor the pattern.
    const tag = line.includes('!') ? YAML_TAG.exec(line.replace(QUOTED, '""')) : null;
    if (tag) return { line: number, column: 1, message: `the frontmatter line \`${cut(line)}\` gives a YAML tag (\`${cut(tag[1]!, 40)}\`), which the site's reader refuses`, hint: 'Remove the tag: write the value plain, or in quotes if it starts with `!`.' };
    if (CLOSE.test(line)) return { line: number, column: 1, message: 'closes the frontmatter with `...`', hint: 'Close it with `---`: the site reads only `---` as the end of the frontmatter.' };
    if (SITE_CLOSE.test(line)) return { line: number, column: 1, message: `the frontmatter line \`${cut(line)}\` starts with \`${line.slice(0, 3)}\`, which the site reads as the end of the frontmatter`, hint: 'Quote the value or start the line differently; close the frontmatter with a line holding only `---`.' };
  }
  return null;
}

const UNREADABLE_CHAR_G = new RegExp(UNREADABLE_CHAR.source, 'g');
/** Printable ASCII and tabs only: nothing {@link UNREADABLE_CHAR} looks for, and one test per character instead of its three alternatives. */
const PLAIN_LINE = /^[\t\x20-\x7e]*$/;
