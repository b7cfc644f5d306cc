import { DEFAULT_SIZE_LIMITS } from '../safety/limits.ts';
import type { Rule } from './types.ts';

export const fileSize: Rule = {
  id: 'file-size',
  level: 'error',
  description: `The file is at most ${DEFAULT_SIZE_LIMITS.fileBytes.value / 1024} KiB (\`${DEFAULT_SIZE_LIMITS.fileBytes.env}\` raises the limit); a larger one is not read.`,
  check(pm, { limits }) {
    if (pm.bytes <= limits.fileBytes.value) return [];
    return [{
      line: 1,
      message: `file is ${kib(pm.bytes)}, over the ${kib(limits.fileBytes.value)} limit${pm.source?.kind === 'too-large' ? ' (it was not read)' : ''}`,
      hint: `Move logs and dumps to linked attachments and keep the post-mortem to the narrative (or raise the limit with ${limits.fileBytes.env}, in KiB; see docs/FORMAT.md).`,
    }];
  },
};

function kib(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}
