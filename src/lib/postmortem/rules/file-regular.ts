import path from 'node:path';
import { cut } from '../parsing/frontmatter.ts';
import type { Rule } from './types.ts';

export const fileRegular: Rule = {
  id: 'file-regular',
  level: 'error',
  description: 'The post-mortem is a regular file in the folder, not a symbolic link (links are never followed) or a device.',
  check(pm) {
    if (pm.source?.kind === 'symlink') {
      return [{
        line: 1,
        message: `\`${cut(path.basename(pm.path))}\` is a symbolic link (to \`${cut(pm.source.target)}\`); Hindsight does not read through links`,
        hint: 'Put the post-mortem itself in the folder (copy the file, not a link), or remove the link.',
      }];
    }
    if (pm.source?.kind === 'not-a-file') {
      return [{ line: 1, message: `\`${cut(path.basename(pm.path))}\` is not a regular file`, hint: 'Replace it with a Markdown file, or remove it from the folder.' }];
    }
    return [];
  },
};
