import { cut } from '../parsing/frontmatter.ts';
import { LIMITS } from '../safety/limits.ts';
import type { Finding, Rule } from './types.ts';

const LISTS = ['authors', 'services', 'tags', 'contributing_categories'] as const;

export const fieldSize: Rule = {
  id: 'field-size',
  level: 'error',
  description: `Frontmatter values are short: a title of at most ${LIMITS.titleChars} characters, lists of at most ${LIMITS.listEntries} entries of at most ${LIMITS.listEntryChars} characters, links of at most ${LIMITS.urlChars}.`,
  check(pm) {
    if (pm.frontmatter.kind !== 'parsed') return [];
    const { lineOf } = pm.frontmatter;
    const findings: Finding[] = [];
    const tooLong = (path: (string | number)[], value: string, max: number, what: string) => {
      if (value.length > max) findings.push({ line: lineOf(path), message: `${what} \`${cut(value)}\` is ${value.length} characters long, over the limit of ${max}`, hint: 'Keep it short: it is repeated on list and ledger pages. Put the detail in the body.' });
    };
    if (pm.fields.title) tooLong(['title'], pm.fields.title, LIMITS.titleChars, '`title`');
    for (const field of LISTS) {
      const list = pm.fields[field] as readonly string[] | undefined;
      if (!list) continue;
      if (list.length > LIMITS.listEntries) findings.push({ line: lineOf([field]), message: `\`${field}\` has ${list.length} entries, over the limit of ${LIMITS.listEntries}`, hint: 'Name the main ones; mention the rest in the body.' });
      list.forEach((entry, index) => tooLong([field, index], entry, LIMITS.listEntryChars, `\`${field}\` entry`));
    }
    const links = pm.fields.links ?? [];
    if (links.length > LIMITS.listEntries) findings.push({ line: lineOf(['links']), message: `\`links\` has ${links.length} entries, over the limit of ${LIMITS.listEntries}`, hint: 'Link the main tickets and dashboards; list the rest in the body.' });
    links.forEach((link, index) => {
      tooLong(['links', index, 'title'], link.title, LIMITS.titleChars, 'link title');
      tooLong(['links', index, 'url'], link.url, LIMITS.urlChars, 'link URL');
    });
    return findings;
  },
};
