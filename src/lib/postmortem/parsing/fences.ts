/** Code fences (``` or ~~~): inside one, Markdown is not Markdown, so headings, tables and tags there do not count. */

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** The fence a line opens (its run of backticks or tildes), or null. */
export function fenceOpening(line: string): string | null {
  return FENCE.exec(line)?.[1] ?? null;
}

/** True when `line` closes a fence opened by `opening`: same character, at least as long, nothing after it. */
export function closesFence(line: string, opening: string): boolean {
  const match = FENCE.exec(line);
  return Boolean(match && match[1]![0] === opening[0] && match[1]!.length >= opening.length && !line.slice(match[0].length).trim());
}

/** False when no line of `text` can open a fence (no ``` or ~~~ anywhere): a scanner may then skip the per-line check. */
export function mayHoldFence(text: string): boolean {
  return text.includes('```') || text.includes('~~~');
}
