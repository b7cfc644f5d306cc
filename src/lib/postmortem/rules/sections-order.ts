import { SECTIONS } from '../parsing/sections.ts';
import type { Rule } from './types.ts';

const rank = new Map(SECTIONS.map((section, index) => [section.key as string, index]));

export const sectionsOrder: Rule = {
  id: 'sections-order',
  level: 'warning',
  description: "Template sections appear in the template's order.",
  check(pm) {
    const keyed = pm.sections.filter((section) => section.key !== null);
    const findings = [];
    const seen = new Set<string>();
    for (let index = 0; index < keyed.length; index += 1) {
      const section = keyed[index]!;
      if (seen.has(section.key!)) {
        findings.push({ line: section.line, message: `section \`${section.heading}\` appears twice`, hint: 'Merge the two into one section.' });
        continue;
      }
      seen.add(section.key!);
      const later = keyed.slice(0, index).find((earlier) => rank.get(earlier.key!)! > rank.get(section.key!)!);
      if (later) {
        findings.push({ line: section.line, message: `section \`${section.heading}\` comes after \`${later.heading}\``, hint: `Order the sections as the template does: ${SECTIONS.map((s) => s.title).join(', ')}.` });
      }
    }
    return findings;
  },
};
