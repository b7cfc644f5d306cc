import { SECTIONS } from '../parsing/sections.ts';
import type { Rule } from './types.ts';

export const sectionsMissing: Rule = {
  id: 'sections-missing',
  level: 'error',
  description: `The body has every template section: ${SECTIONS.map((section) => section.title).join(', ')}.`,
  check(pm) {
    if (pm.binary || (!pm.body.trim() && pm.frontmatter.kind !== 'parsed')) return [];
    const present = new Set(pm.sections.map((section) => section.key));
    return SECTIONS.filter((section) => !present.has(section.key)).map((section) => {
      const before = SECTIONS.slice(0, SECTIONS.indexOf(section)).reverse().find((other) => present.has(other.key));
      const anchor = before ? pm.sections.find((s) => s.key === before.key) : undefined;
      return {
        line: anchor?.line ?? pm.bodyStartLine,
        message: `section \`${section.title}\` is missing`,
        hint: `Add a heading \`## ${section.title}\`${before ? ` after \`${before.title}\`` : ''}; write "None" under it if there is nothing to say.`,
      };
    });
  },
};
