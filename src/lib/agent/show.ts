/** One post-mortem as data: metadata, sections, timeline, action items and what validate says about it. */
import type { ShowOutput } from './schemas.ts';
import type { AgentArchive } from './agent-archive.ts';
import { actionItemSummary } from './summary.ts';

/** The post-mortem with this slug (of those whose frontmatter is valid), or null. */
export function showPostmortem(archive: AgentArchive, slug: string): ShowOutput | null {
  const pm = archive.postmortems.find((candidate) => candidate.slug === slug);
  if (!pm) return null;
  const at = archive.parsed.findIndex((parsed) => parsed.slug === slug && parsed.meta !== null);
  const parsed = archive.parsed[at]!;
  return {
    slug: pm.slug,
    path: pm.path,
    frontmatter: { ...pm.meta },
    summary: pm.summary,
    root_cause: pm.rootCause,
    sections: parsed.sections.map((section) => ({ key: section.key, heading: section.heading, line: section.line, text: section.text.trim() })),
    timeline: pm.timeline.map((event) => ({ time: event.time, at: event.at === null ? null : new Date(event.at).toISOString(), event: event.event, line: event.line })),
    action_items: pm.actionItems.map(actionItemSummary),
    problems: archive.result.files[at]?.problems ?? [],
  };
}
