/**
 * A root-cause category the author stated: a `Category:` line (any emphasis,
 * any section) whose first words name one of the five, in any case or in the
 * spellings the skill and people use (`Code bug`, `code-bug`, `Config`,
 * `Infra`). Other categories named in the same sentence are contributing.
 */
import type { CategoryId } from '../model/category.ts';
import { stripEmphasis } from './plain-header.ts';

/** How each category is written, as whole words at the start of a value or inside its sentence. */
const SPELLINGS: readonly { id: CategoryId; pattern: string }[] = [
  { id: 'code-bug', pattern: 'code[\\s_-]*bugs?|software bug|bug' },
  { id: 'configuration', pattern: 'configuration|config|misconfiguration|mis-configuration' },
  { id: 'infrastructure', pattern: 'infrastructure|infra' },
  { id: 'data', pattern: 'data' },
  { id: 'deployment', pattern: 'deployment|deploy' },
];

/** A `Category:` label, up to its separator; the value after it is trimmed by hand (a pattern ending in `(.+?)\s*\|?\s*$` costs cubic time on long runs of spaces). */
const LABEL = /^\s{0,3}(?:#{1,6}\s+|[-*+]\s+|\|\s*)?(?:\*\*|__|\*|_)?(?:(?:primary|main)\s+)?(?:root[\s-]+cause\s+)?categor(?:y|ies)(?:\*\*|__|\*|_)?(?:\s*\([^()]*\))?(?:\s*[:|]|\s+[-–—]\s)/i;

/** The value after a `Category:` label: no emphasis or spaces before it, no closing `|` after it; null when empty. */
function labelled(line: string): string | null {
  const match = LABEL.exec(line);
  if (!match) return null;
  let value = line.slice(match[0].length).replace(/^\s*(?:(?:\*\*|__)\s*)?/, '').trimEnd();
  if (value.endsWith('|')) value = value.slice(0, -1).trimEnd();
  return value || null;
}

const NAMES = 'code[\\s_-]*bugs?|configuration|infrastructure|deployment|data';
const INLINE = new RegExp(`(?:falls? (?:under|into)|classified as|categori[sz]ed as|(?:root[\\s-]+cause\\s+)?category (?:is|was))\\s+(?:the\\s+|a\\s+|an\\s+)?["'\`]?(${NAMES})\\b|\\b(${NAMES})["'\`]?\\s+(?:root[\\s-]+cause\\s+)?category\\b(?=\\s*[.,;:)]|\\s*$)`, 'i');

export interface StatedCategory {
  category: CategoryId;
  contributing: CategoryId[];
  /** 0-based index of the line. */
  index: number;
  value: string;
  /** True when read from a sentence rather than a `Category:` line (such a line is never moved). */
  inline: boolean;
}

/** The category a value's first words name, or null. */
export function categoryAtStart(value: string): CategoryId | null {
  const text = stripEmphasis(value).replace(/^[\s`"'[(]+/, '').toLowerCase();
  for (const spelling of SPELLINGS) {
    if (new RegExp(`^(?:${spelling.pattern})(?![a-z])`, 'i').test(text)) return spelling.id;
  }
  return null;
}

/**
 * Categories the sentence names as categories, in order: written with a capital
 * (`…, with Deployment contributing`), after a cue (`contributing: deployment`,
 * `also configuration`), or joined to the main one (`Configuration / deployment`).
 * A lower-case word in the explanation (`no data loss`) is prose, not a category.
 */
function categoriesIn(sentence: string): CategoryId[] {
  const found: { id: CategoryId; at: number }[] = [];
  for (const spelling of SPELLINGS) {
    for (const match of sentence.matchAll(new RegExp(`(?<![a-z-])(?:${spelling.pattern})(?![a-z])`, 'gi'))) {
      const before = sentence.slice(0, match.index);
      const after = sentence.slice(match.index + match[0].length);
      // Capitalised, but not the first word of a name (`Data Center`, `Deployment-Manager`).
      const named = (/^[A-Z]/.test(match[0]) && !/^(?:\s+[A-Z]|-)/.test(after))
        || /^\W*(?:\w+\W+){0,1}(?:contribut|also\b|as well\b|secondary\b)/i.test(after)
        || /(?:contribut\w*|secondary|also|plus|additionally|as well as)\W*(?:\w+\W+){0,2}$/i.test(before)
        || /^\S+(?:\s+bug)?\s*(?:[/+&,]|and)\s*$/i.test(before);
      if (named) {
        found.push({ id: spelling.id, at: match.index });
        break;
      }
    }
  }
  return found.sort((a, b) => a.at - b.at).map((entry) => entry.id);
}

/** A `Contributing:` or `Contributing categories:` line (not the `Contributing Factors` heading). */
const CONTRIBUTING = /^\s{0,3}(?:[-*+]\s+|\|\s*)?(?:\*\*|__|\*|_)?(?:contributing(?:\s+categor(?:y|ies))?|secondary(?:\s+categor(?:y|ies))?|also)(?:\*\*|__|\*|_)?\s*(?::|\|)\s*(?:\*\*|__)?\s*(.+?)\s*\|?\s*$/i;

/** Categories a `Contributing:` line lists (`configuration, deployment`), when every item is one. */
function contributingLine(line: string): CategoryId[] {
  const match = line.length <= 500 ? CONTRIBUTING.exec(line) : null;
  if (!match) return [];
  const items = stripEmphasis(match[1]!).split(/\s*(?:,|;|\/|\+|&|\band\b)\s*/).filter(Boolean);
  const ids = items.map((item) => categoryAtStart(item));
  return ids.every((id) => id !== null) ? (ids as CategoryId[]) : [];
}

/**
 * The first `Category:` line whose value starts with a category: outside code
 * fences first, then inside one (a category stated in a code block is still
 * stated); a `Contributing:` line beside it adds contributing categories.
 * Also the Category lines that name none, for the report.
 */
export function readStatedCategory(lines: readonly string[]): { stated: StatedCategory | null; unreadable: { index: number; value: string }[] } {
  const unreadable: { index: number; value: string }[] = [];
  const fenced: boolean[] = [];
  let fence: string | null = null;
  for (const line of lines) {
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (!fence || marker.startsWith(fence))) {
      fence = fence ? null : marker;
      fenced.push(true);
      continue;
    }
    fenced.push(fence !== null);
  }
  for (const inFence of [false, true]) {
    for (let index = 0; index < lines.length; index += 1) {
      if (fenced[index] !== inFence) continue;
      const line = lines[index]!;
      const found = labelled(line);
      if (found === null) continue;
      const value = stripEmphasis(found);
      const category = categoryAtStart(value);
      if (!category) {
        if (!inFence) unreadable.push({ index, value });
        continue;
      }
      const sentence = value.split(/(?<=[.!?])\s+(?=[A-Z])/)[0]!;
      const nearby = lines.slice(Math.max(0, index - 3), index + 4).flatMap(contributingLine);
      const contributing = [...new Set([...categoriesIn(sentence), ...nearby].filter((id) => id !== category))];
      return { stated: { category, contributing, index, value, inline: false }, unreadable };
    }
  }
  // No labelled line: a sentence that states one (`falls under the Configuration category`, `classified as a code bug`).
  fence = null;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (/^\s{0,3}(`{3,}|~{3,})/.test(line)) fence = fence ? null : 'open';
    if (fence) continue;
    const match = INLINE.exec(stripEmphasis(line.replace(/\*\*|__/g, '')));
    const category = match ? categoryAtStart(match[1] ?? match[2]!) : null;
    if (category) return { stated: { category, contributing: [], index, value: match![0], inline: true }, unreadable };
  }
  return { stated: null, unreadable };
}
