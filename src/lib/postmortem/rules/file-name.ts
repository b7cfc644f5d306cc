import path from 'node:path';
import { parseFileName } from '../file-name.ts';
import type { Rule } from './types.ts';

export const fileName: Rule = {
  id: 'file-name',
  level: 'error',
  description: 'The file is named `postmortem-YYYY-MM-DD-short-description.md` (or `.mdx`).',
  check(pm) {
    if (parseFileName(pm.path)) return [];
    const date = pm.fields.date ?? '2026-03-14';
    const description = (pm.fields.title ?? 'short description').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40).replace(/-$/, '');
    return [{
      line: 1,
      message: `file name \`${path.basename(pm.path)}\` is off the convention`,
      hint: `Rename it to \`postmortem-${date}-${description || 'short-description'}.md\` (lower-case words joined by hyphens).`,
    }];
  },
};
