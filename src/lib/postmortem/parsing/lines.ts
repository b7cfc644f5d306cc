/** A body's lines, split once: the scanners of one file (nesting, brackets, tables, code, blame) read the same body in turn. */

let last = { text: '', lines: [''] as readonly string[] };

/** `text` split at `\n`; the array is shared with the next caller asking for the same text, so it must not be changed. */
export function linesOf(text: string): readonly string[] {
  if (text !== last.text) last = { text, lines: text.split('\n') };
  return last.lines;
}
