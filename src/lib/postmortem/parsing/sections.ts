/**
 * The body sections of the spec's template, in order. Headings are matched
 * by name, not level: the template writes `###` under a `##` title, people
 * write `##`, and both mean the same section.
 */

export const SECTIONS = [
  { key: 'summary', title: 'Summary', aliases: ['incident summary', 'executive summary', 'overview', 'incident overview'] },
  { key: 'impact', title: 'Impact', aliases: ['customer impact', 'user impact', 'business impact', 'impact assessment', 'impact summary'] },
  { key: 'timeline', title: 'Timeline', aliases: ['incident timeline', 'timeline of events', 'chronology', 'sequence of events', 'detailed timeline'] },
  { key: 'root-cause', title: 'Root Cause', aliases: ['root cause analysis', 'root causes', '5 whys', 'five whys'] },
  { key: 'contributing-factors', title: 'Contributing Factors', aliases: ['contributing causes', 'contributing factor'] },
  { key: 'what-went-well', title: 'What Went Well', aliases: ['what went right', 'things that went well', 'went well'] },
  { key: 'what-could-be-improved', title: 'What Could Be Improved', aliases: ['what went wrong', 'what could have gone better', "what didn't go well", 'what didn’t go well', 'what did not go well', 'what could go better', 'areas for improvement', 'room for improvement'] },
  { key: 'action-items', title: 'Action Items', aliases: ['follow-up actions', 'follow-up items', 'follow-ups', 'next steps', 'remediation items', 'action plan', 'corrective actions'] },
  { key: 'lessons-learned', title: 'Lessons Learned', aliases: ['key takeaways', 'takeaways', 'learnings', 'key learnings', 'lessons'] },
] as const;

export type SectionKey = (typeof SECTIONS)[number]['key'];

const byName = new Map<string, SectionKey>();
for (const section of SECTIONS) {
  byName.set(section.title.toLowerCase(), section.key);
  for (const alias of section.aliases) byName.set(alias, section.key);
}

/** Reduces a heading to the words that name it: no emphasis, emoji, parenthetical notes, numbering or trailing colon. */
export function headingWords(heading: string): string {
  return heading
    .replace(/[*_`]/g, '')
    // `## 📋 Summary`, `## ✅ What Went Well`: an emoji decorates the name.
    .replace(/\d\uFE0F?\u20E3|[\p{Extended_Pictographic}\uFE0F\u200D]/gu, ' ')
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
