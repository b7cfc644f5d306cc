import type { Rule } from './types.ts';

const WARN_BYTES = 1024 * 1024;

export const fileSize: Rule = {
  id: 'file-size',
  level: 'warning',
  description: 'The file is under 1 MiB (larger ones are accepted but slow every page that lists them).',
  check(pm) {
    if (pm.bytes <= WARN_BYTES) return [];
    return [{ line: 1, message: `file is ${(pm.bytes / 1024 / 1024).toFixed(1)} MiB`, hint: 'Move logs and dumps to linked attachments and keep the post-mortem to the narrative.' }];
  },
};
