import path from 'node:path';
import { parseFileName } from '../model/file-naming.ts';
import { parseIsoDate } from '../dates.ts';
import type { Rule } from './types.ts';

/** A `Date: YYYY-MM-DD` line of the plain form (`### Date: 2026-03-14`, `**Date:** …`). */
const DATE_LINE = /^\s{0,3}(?:#{1,6}\s+|[-*+]\s+)?(?:\*\*|__)?(?:incident\s+)?date(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(\d{4}-\d{2}-\d{2})\b/im;

/** The file's own date: its frontmatter's, else the one in its name, else its `Date:` line; null when it has none. */
function ownDate(pm: Parameters<Rule['check']>[0]): string | null {
  if (pm.fields.date) return pm.fields.date;
  const candidates = [/\d{4}-\d{2}-\d{2}/.exec(path.basename(pm.path))?.[0], DATE_LINE.exec(pm.text)?.[1]];
  return candidates.find((date): date is string => !!date && parseIsoDate(date) !== null) ?? null;
}

export const fileName: Rule = {
  id: 'file-name',
  level: 'error',
  description: 'The file is named `postmortem-YYYY-MM-DD-short-description.md` (or `.mdx`).',
  check(pm) {
    if (parseFileName(pm.path)) return [];
    const date = ownDate(pm);
    const description = (pm.fields.title ?? 'short description').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40).replace(/-$/, '');
    return [{
      line: 1,
      message: `file name \`${path.basename(pm.path)}\` is off the convention`,
      hint: `Rename it to \`postmortem-${date ?? 'YYYY-MM-DD'}-${description || 'short-description'}.md\` (${date ? '' : 'the incident date, '}lower-case words joined by hyphens).`,
    }];
  },
};
