import path from 'node:path';
import { parseFileName } from '../model/file-naming.ts';
import type { Rule } from './types.ts';

export const fileDate: Rule = {
  id: 'file-date',
  level: 'error',
  description: 'The date in the file name equals the frontmatter `date`.',
  check(pm) {
    const named = parseFileName(pm.path);
    if (!named || !pm.fields.date || named.date === pm.fields.date || pm.frontmatter.kind !== 'parsed') return [];
    return [{
      line: pm.frontmatter.lineOf(['date']),
      message: `\`date\` is \`${pm.fields.date}\` but the file name \`${path.basename(pm.path)}\` says \`${named.date}\``,
      hint: 'Make them agree: the incident date goes in both (rename the file or correct `date`).',
    }];
  },
};
