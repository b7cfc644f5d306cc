/**
 * The lines of a body that may open a heading or a fence (up to three spaces, then `#`, ``` or ~~~):
 * the only lines the section reader looks at. Everything else is skipped without being split out.
 */

/** One such line: its 0-based line number, where it starts in the body, and its text (without the `\n`). */
export interface BlockLine {
  line: number;
  index: number;
  text: string;
}

/** The pattern as first written; still what a body with other line terminators (CR, U+2028, U+2029) is read with. */
const BLOCK_LINE = /^ {0,3}(?:#|`{3}|~{3})[^\n]*/gm;
const OTHER_LINE_TERMINATOR = /[\r\u2028\u2029]/;

const SPACE = 0x20;
const HASH = 0x23;
const BACKTICK = 0x60;
const TILDE = 0x7e;

/** Every line of `body` that may open a heading or a fence, in order. */
export function blockLines(body: string): BlockLine[] {
  // `^` in a multiline pattern also starts a line after CR, U+2028 and U+2029, which the line count below does not.
  if (OTHER_LINE_TERMINATOR.test(body)) return blockLinesByPattern(body);
  // Only `\n` ends a line: the first characters of each line decide, not a pattern tried at every character.
  const found: BlockLine[] = [];
  for (let line = 0, start = 0; ; line += 1) {
    const end = body.indexOf('\n', start);
    let at = start;
    while (at < start + 3 && body.charCodeAt(at) === SPACE) at += 1;
    const char = body.charCodeAt(at);
    if (char === HASH || ((char === BACKTICK || char === TILDE) && body.charCodeAt(at + 1) === char && body.charCodeAt(at + 2) === char)) {
      found.push({ line, index: start, text: body.slice(start, end === -1 ? body.length : end) });
    }
    if (end === -1) return found;
    start = end + 1;
  }
}

/** {@link blockLines} by the multiline pattern, counting `\n` for line numbers. */
export function blockLinesByPattern(body: string): BlockLine[] {
  const found: BlockLine[] = [];
  let line = 0;
  let counted = 0;
  for (const match of body.matchAll(BLOCK_LINE)) {
    for (let i = body.indexOf('\n', counted); i !== -1 && i < match.index; i = body.indexOf('\n', i + 1)) line += 1;
    counted = match.index;
    found.push({ line, index: match.index, text: match[0] });
  }
  return found;
}
