/**
 * Section headings written as bold lines (`**Summary**`, `**Timeline (UTC)**`,
 * `**Post-Mortem: Title**`) instead of Markdown headings. Nothing reads a
 * bold line as a section, so every section would look missing; when no real
 * heading names a section, each bold line that names one becomes a heading at
 * the template's level (`###`, the title `##`), its words unchanged.
 */
import { sectionKeyOf } from '../parsing/sections.ts';
import { readHeadingLine, readTitleLine } from './plain-header.ts';

/** A line that is all bold: its text (a trailing colon dropped). Matched on the trimmed line, so linear on long runs of spaces. */
function boldText(line: string): string | null {
  const trimmed = line.trimEnd();
  if (trimmed.length > 200) return null;
  const match = /^\s{0,3}(\*\*|__)([^*_].*?)\1:?$/.exec(trimmed);
  return match ? match[2]!.replace(/:$/, '').trim() : null;
}

/** The lines with bold section names made headings, and the 0-based indexes changed; null when there is nothing to change. */
export function boldLinesAsHeadings(lines: readonly string[]): { lines: string[]; changed: number[] } | null {
  const changed: number[] = [];
  const result = [...lines];
  let fenced = false;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (/^\s{0,3}(?:`{3,}|~{3,})/.test(line)) fenced = !fenced;
    if (fenced) continue;
    const heading = readHeadingLine(line);
    // A real heading that names a section: the file has headings, and a bold line is emphasis.
    if (heading && sectionKeyOf(heading.text)) return null;
    const text = boldText(line);
    if (text === null || (index > 0 && lines[index - 1]!.trim())) continue;
    if (readTitleLine(`## ${text}`) !== null) result[index] = `## ${text}`;
    else if (sectionKeyOf(text)) result[index] = `### ${text}`;
    else continue;
    changed.push(index);
  }
  // One bold word in a paragraph-rich file is emphasis; two or more section names are the file's outline.
  return changed.length >= 2 ? { lines: result, changed } : null;
}
