/**
 * The body sections of the spec's template, in order. Headings are matched
 * by name, not level: the template writes `###` under a `##` title, people
 * write `##`, and both mean the same section.
 */

export const SECTIONS = [
  { key: 'summary', title: 'Summary', aliases: [] },
  { key: 'impact', title: 'Impact', aliases: [] },
  { key: 'timeline', title: 'Timeline', aliases: ['incident timeline'] },
  { key: 'root-cause', title: 'Root Cause', aliases: ['root cause analysis', 'root causes', '5 whys', 'five whys'] },
  { key: 'contributing-factors', title: 'Contributing Factors', aliases: [] },
  { key: 'what-went-well', title: 'What Went Well', aliases: [] },
  { key: 'what-could-be-improved', title: 'What Could Be Improved', aliases: [] },
  { key: 'action-items', title: 'Action Items', aliases: [] },
  { key: 'lessons-learned', title: 'Lessons Learned', aliases: [] },
] as const;

export type SectionKey = (typeof SECTIONS)[number]['key'];

const byName = new Map<string, SectionKey>();
for (const section of SECTIONS) {
  byName.set(section.title.toLowerCase(), section.key);
  for (const alias of section.aliases) byName.set(alias, section.key);
}

/** Reduces a heading to the words that name it: no emphasis, parenthetical notes, numbering or trailing colon. */
export function headingWords(heading: string): string {
  return heading
    .replace(/[*_`]/g, '')
    // Not across another `(`: a heading of many `(` would otherwise be scanned from each.
    .replace(/\([^()]*\)/g, ' ')
    .replace(/^\s*\d+[.)]\s+/, '')
    .replace(/[:.]\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Headings seen so far: the same few names head every post-mortem. Bounded, as headings can be anything. */
const seen = new Map<string, SectionKey | null>();

/** The template section a heading names, or null for any other heading. */
export function sectionKeyOf(heading: string): SectionKey | null {
  let key = seen.get(heading);
  if (key === undefined) {
    key = byName.get(headingWords(heading)) ?? null;
    if (seen.size < 1000) seen.set(heading, key);
  }
  return key;
}

/** The template title of a section. */
export function sectionTitle(key: SectionKey): string {
  return SECTIONS.find((section) => section.key === key)!.title;
}
