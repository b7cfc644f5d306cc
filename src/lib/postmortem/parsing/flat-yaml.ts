/**
 * A fast path for the frontmatter nearly every post-mortem has: top-level
 * `key: value` lines, and `key:` followed by `- item` lines (scalars, or
 * `- key: value` maps of scalars). Parsing such a block with `yaml`'s full
 * document model costs about a millisecond cold; reading these lines costs a
 * few microseconds. Anything else (comments, blank lines, flow collections,
 * multi-line or escaped scalars, tags, anchors, odd indentation, a repeated
 * key) returns undefined and the full parse decides, so the fast path never
 * has to judge or describe a problem. Plain scalars are resolved by `yaml`'s
 * own core-schema tags, so `137`, `true`, `~` and `2026-03-14` come out as
 * `yaml` reads them.
 */
import { Schema, type ScalarTag } from 'yaml';

const KEY_LINE = /^([a-z_][a-z0-9_]*):(?: (.*))?$/;
/** Characters the fast path leaves to `yaml`: controls but the line feed, tabs, a BOM, surrogates (emoji) and non-characters. */
const UNUSUAL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]/;
/** What may not open a plain scalar: YAML's indicators, and a space. */
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@` ]/;

/** The core schema's scalar tags that are chosen by a test, in the order `yaml` tries them. */
const TESTED_TAGS = new Schema({ schema: 'core' }).tags.filter((tag): tag is ScalarTag & { test: RegExp } => tag.default === true && !tag.collection && 'test' in tag && tag.test instanceof RegExp);

/** The frontmatter's value when it has the flat shape, else undefined. `text` is the block without its `---` lines. */
export function readFlatYaml(text: string): Record<string, unknown> | undefined {
  if (UNUSUAL.test(text)) return undefined;
  const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
  const data: Record<string, unknown> = {};
  let at = 0;
  while (at < lines.length) {
    const field = keyValue(lines[at]!, 0);
    if (!field || Object.hasOwn(data, field.key)) return undefined;
    at += 1;
    if (field.raw !== undefined) {
      const value = scalar(field.raw);
      if (value === undefined) return undefined;
      data[field.key] = value.value;
      continue;
    }
    const list = readList(lines, at);
    if (!list) return undefined;
    data[field.key] = list.items.length ? list.items : null;
    at = list.next;
  }
  return at > 0 ? data : undefined;
}

/** `- item` lines from `start`, all at the indentation of the first; `next` is the line after them. */
function readList(lines: readonly string[], start: number): { items: unknown[]; next: number } | undefined {
  const indent = /^ */.exec(lines[start] ?? '')![0];
  const item = `${indent}- `;
  const items: unknown[] = [];
  let at = start;
  while (at < lines.length && lines[at]!.startsWith(item)) {
    const rest = lines[at]!.slice(item.length);
    at += 1;
    const first = keyValue(rest, 0);
    if (!first) {
      const value = scalar(rest);
      if (value === undefined) return undefined;
      items.push(value.value);
      continue;
    }
    // `- key: value`, then `  key: value` lines aligned with the first key: a map of scalars.
    const map: Record<string, unknown> = {};
    for (let pair: typeof first | undefined = first; pair; pair = at < lines.length ? keyValue(lines[at]!, indent.length + 2) : undefined) {
      if (pair !== first) at += 1;
      const value = pair.raw === undefined ? undefined : scalar(pair.raw);
      if (value === undefined || Object.hasOwn(map, pair.key)) return undefined;
      map[pair.key] = value.value;
    }
    items.push(map);
  }
  return { items, next: at };
}

/** `key: value` (or `key:`) indented by exactly `indent` spaces, with a key `yaml` reads as the same string. */
function keyValue(line: string, indent: number): { key: string; raw: string | undefined } | undefined {
  if (indent && (!line.startsWith(' '.repeat(indent)) || line[indent] === ' ')) return undefined;
  const match = KEY_LINE.exec(indent ? line.slice(indent) : line);
  if (!match || match[1] === '__proto__') return undefined;
  const key = match[1]!;
  return isStringKey(key) ? { key, raw: match[2] } : undefined;
}

/** Keys already judged: the same few field names head every file. Bounded, as keys can be anything. */
const stringKeys = new Map<string, boolean>();

/** Whether `yaml` reads the plain key as this string: `null:` or `true:` would be a null or boolean key. */
function isStringKey(key: string): boolean {
  let known = stringKeys.get(key);
  if (known === undefined) {
    known = !TESTED_TAGS.some((tag) => tag.test.test(key));
    if (stringKeys.size < 1000) stringKeys.set(key, known);
  }
  return known;
}

/** One scalar on one line: quoted without escapes, or plain; undefined for anything that needs the full parse. */
function scalar(raw: string): { value: unknown } | undefined {
  if (raw === '' || raw.endsWith(' ')) return undefined;
  const quote = raw[0];
  if (quote === '"' || quote === "'") {
    const inner = raw.slice(1, -1);
    if (raw.length < 2 || raw.at(-1) !== quote || inner.includes(quote) || (quote === '"' && inner.includes('\\'))) return undefined;
    return { value: inner };
  }
  if (INDICATOR.test(raw) || raw.includes(': ') || raw.includes(' #') || raw.endsWith(':')) return undefined;
  const tag = TESTED_TAGS.find((candidate) => candidate.test.test(raw));
  if (!tag) return { value: raw };
  let failed = false;
  const value: unknown = tag.resolve(raw, () => (failed = true), {});
  return failed || (typeof value === 'object' && value !== null) ? undefined : { value };
}
