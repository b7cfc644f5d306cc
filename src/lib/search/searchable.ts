/**
 * Search semantics: what of a post-mortem is searchable, section by section.
 * No index, no ranking, no HTML: the site's Pagefind
 * index and the agents' in-memory engine (src/lib/site/search/) both read
 * the archive through these functions, so they search the same text.
 * What a word is lives in words.ts (browser code needs it without the Markdown parser).
 */
import type { Postmortem } from '../postmortem/model/model.ts';
import { plainText } from '../postmortem/parsing/plain-text.ts';
import { SECTIONS, type SectionKey } from '../postmortem/parsing/sections.ts';

/** One searchable section of a post-mortem: its template key, the heading as written, and its text as a reader sees it. */
export interface SearchableSection {
  key: SectionKey;
  heading: string;
  /** Plain text, one entry per paragraph, list item or table row, so a snippet can show the one that matched. */
  passages: string[];
}

/**
 * Every template section of `pm` that has text, in document order. Tables are
 * read from the parsed rows (timeline: time and event; action items: action,
 * owner, status, ticket); prose is cut into paragraphs and list items, each
 * reduced to plain text (most need no Markdown parse: see plainText's shortcut).
 */
export function searchableSections(pm: Postmortem): SearchableSection[] {
  const headings = new Map(pm.sections.map((section) => [section.key, section.heading]));
  return SECTIONS.flatMap(({ key, title }) => {
    if (!headings.has(key)) return [];
    const passages = passagesOf(pm, key).filter(Boolean);
    return passages.length ? [{ key, heading: headings.get(key) ?? title, passages }] : [];
  });
}

function passagesOf(pm: Postmortem, key: SectionKey): string[] {
  if (key === 'timeline' && pm.timeline.length) return pm.timeline.map((row) => plainText(`${row.time} ${row.event}`));
  if (key === 'action-items' && pm.actionItems.length) {
    return pm.actionItems.map((item) => plainText([item.action, item.owner, item.status, item.ticket?.text ?? ''].join(' ')));
  }
  return proseBlocks(pm.sectionMarkdown?.(key) ?? (key === 'summary' ? pm.summary : key === 'lessons-learned' ? (pm.lessons ?? '') : '')).map(plainText);
}

const LIST_MARKER = /^\s{0,3}(?:[-*+]|\d{1,9}[.)])\s+/;
const TABLE_RULE = /^\s*\|?\s*:?-{3,}/;

/**
 * Markdown prose cut into paragraphs and list items, list markers removed
 * (so plain lines take plainText's fast path); table rows become their cells.
 */
function proseBlocks(markdown: string): string[] {
  const blocks: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length) blocks.push(current.join('\n'));
    current = [];
  };
  for (const line of markdown.split('\n')) {
    if (!line.trim() || TABLE_RULE.test(line)) flush();
    else if (line.trimStart().startsWith('|')) {
      flush();
      blocks.push(line.replace(/^\s*\||\|\s*$/g, '').split('|').join(' '));
    } else if (LIST_MARKER.test(line)) {
      flush();
      current.push(line.replace(LIST_MARKER, ''));
    } else current.push(line);
  }
  flush();
  return blocks;
}
