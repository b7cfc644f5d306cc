/** The fast table reader must read every table as remark-gfm does. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandPaths, listPostmortemFiles } from '../../src/lib/postmortem/archive/archive.ts';
import { loadConfig } from '../../src/lib/settings/load-config.ts';

const config = loadConfig(process.env, process.cwd());
import { parsePostmortem } from '../../src/lib/postmortem/parsing/parse.ts';
import { firstTable } from '../../src/lib/postmortem/parsing/tables.ts';
import { remarkFirstTable } from './helpers/remark-table.ts';
import { FIXTURES } from './helpers/validate-files.ts';

const files = [
  ...listPostmortemFiles(config.archiveDir),
  ...expandPaths(['valid', 'invalid', 'awkward', 'hostile', 'site', 'plain'].map((dir) => path.join(FIXTURES, dir))).files,
];

describe('table reader agrees with remark-gfm', () => {
  it.each(files.map((file) => [path.relative(FIXTURES, file), file]))('%s', (_, file) => {
    const pm = parsePostmortem(file, readFileSync(file, 'utf8'));
    for (const section of pm.sections.filter((s) => s.key === 'timeline' || s.key === 'action-items')) {
      expect(firstTable(section.text, section.line + 1), section.heading).toEqual(remarkFirstTable(section.text, section.line + 1));
    }
  });

  it.each([
    ['escaped pipes and code', '| a | b |\n|---|---|\n| `x \\| y` | **bold** and _em_ |\n'],
    ['no outer pipes, alignment', 'a | b\n:--|--:\n1 | 2\n'],
    ['short and long rows', '| a | b |\n|---|---|\n| 1 |\n| 1 | 2 | 3 |\n'],
    ['links and entities', '| a |\n|---|\n| [OPS-1](https://x.example/1) &amp; <https://y.example> |\n'],
    ['bare links and cells without one', '| a | b |\n|---|---|\n| see www.example.com. | https://x.example/a?b=1) |\n| 07:31 | no link: here |\n| WWW.X.EXAMPLE | ftp://x.example |\n'],
    ['ends at a heading', '| a |\n|---|\n| 1 |\n## Next\n| 2 |\n'],
    ['inside a fence is no table', '```\n| a |\n|---|\n```\n'],
    ['mismatched delimiter', '| a | b |\n|---|\n| 1 | 2 |\n'],
  ])('%s', (_, markdown) => {
    expect(firstTable(markdown, 10)).toEqual(remarkFirstTable(markdown, 10));
  });
});
