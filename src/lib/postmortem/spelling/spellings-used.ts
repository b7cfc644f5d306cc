/**
 * The services, tags and action-item owners a post-mortem writes, with their
 * lines: what the archive rule `spelling-variants` compares across files.
 * Read from a parsed file, or straight from a text for files whose problems
 * came from validate's cache (the archive rules always run over every file).
 */
import { splitFrontmatter, type FrontmatterBlock } from '../parsing/frontmatter.ts';
import { ACTION_ITEM_COLUMNS, type ParsedPostmortem } from '../parsing/parse.ts';
import { sectionKeyOf } from '../parsing/sections.ts';
import { columnIndex, firstTable } from '../parsing/tables.ts';

export type SpellingKind = 'service' | 'tag' | 'owner';

export interface SpellingUse {
  kind: SpellingKind;
  value: string;
  /** 1-based line in the file. */
  line: number;
}


/**
 * The line of each list value, found by scanning the frontmatter's lines from
 * its key: much cheaper than asking the YAML document for positions, which
 * validate would otherwise pay on every file.
 */
function fromFrontmatter(frontmatter: FrontmatterBlock, fields: { services?: unknown; tags?: unknown }, lines: readonly string[]): SpellingUse[] {
  const uses: SpellingUse[] = [];
  const start = frontmatter.kind === 'parsed' ? frontmatter.startLine : 1;
  const end = lines.indexOf('---', start) < 0 ? lines.length : lines.indexOf('---', start);
  for (const [field, kind] of [['services', 'service'], ['tags', 'tag']] as const) {
    const values = fields[field];
    if (!Array.isArray(values)) continue;
    const key = lines.findIndex((line, index) => index >= start - 1 && index < end && line.startsWith(`${field}:`));
    let from = Math.max(0, key);
    for (const value of values) {
      if (typeof value !== 'string' || !value.trim()) continue;
      const found = lines.findIndex((line, index) => index >= from && index < end && line.includes(value.trim()));
      if (found >= 0) from = found;
      uses.push({ kind, value: value.trim(), line: (found >= 0 ? found : Math.max(0, key)) + 1 });
    }
  }
  return uses;
}

/** Owners: one cell may name several (`@dana, @lee`). */
function owners(cells: readonly { owner: string; line: number }[]): SpellingUse[] {
  return cells.flatMap(({ owner, line }) => owner.split(/,|;|&|\/|\band\b/).map((value) => value.trim()).filter(Boolean).map((value) => ({ kind: 'owner' as const, value, line })));
}

/** What a parsed post-mortem writes. */
export function spellingsOf(pm: Pick<ParsedPostmortem, 'text' | 'frontmatter' | 'fields' | 'actionItems'>): SpellingUse[] {
  return [...fromFrontmatter(pm.frontmatter, pm.fields, pm.text.split('\n', 200)), ...owners(pm.actionItems?.rows ?? [])];
}

const HEADING = /^ {0,3}(#{1,6})\s+(.+?)\s*#*\s*$/;

/** The same from a file's text, without parsing the body into sections. */
export function spellingsInText(raw: string): SpellingUse[] {
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const { frontmatter } = splitFrontmatter(text);
  const data = frontmatter.kind === 'parsed' && typeof frontmatter.data === 'object' && frontmatter.data !== null ? (frontmatter.data as Record<string, unknown>) : {};
  const lines = text.split('\n');
  const uses = fromFrontmatter(frontmatter, data, lines);
  const start = lines.findIndex((line) => {
    const heading = HEADING.exec(line);
    return heading !== null && sectionKeyOf(heading[2]!) === 'action-items';
  });
  if (start < 0) return uses;
  const level = HEADING.exec(lines[start]!)![1]!.length;
  let end = start + 1;
  while (end < lines.length) {
    const heading = HEADING.exec(lines[end]!);
    if (heading && (heading[1]!.length <= level || sectionKeyOf(heading[2]!) !== null)) break;
    end += 1;
  }
  const table = firstTable(lines.slice(start + 1, end).join('\n'), start + 2);
  const column = table ? columnIndex(table, ACTION_ITEM_COLUMNS.Owner) : -1;
  if (!table || column < 0) return uses;
  return [...uses, ...owners(table.rows.map((row) => ({ owner: row.cells[column]?.text ?? '', line: row.line })))];
}
