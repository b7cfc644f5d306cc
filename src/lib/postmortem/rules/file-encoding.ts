import type { Rule } from './types.ts';

export const fileEncoding: Rule = {
  id: 'file-encoding',
  level: 'error',
  description: 'The file is UTF-8 text (no bytes of another encoding, which would show as �).',
  check(pm) {
    if (pm.source?.kind !== 'not-utf8' || pm.binary) return [];
    return [{
      line: pm.source.line,
      column: pm.source.column,
      message: `byte \`${pm.source.byte}\` is not UTF-8 (the file was saved in another encoding, such as Latin-1 or Windows-1252)`,
      hint: 'Save the file as UTF-8 in your editor, or convert it: `iconv -f WINDOWS-1252 -t UTF-8 old.md > new.md`.',
    }];
  },
};
