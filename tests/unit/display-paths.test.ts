/** validate's paths as reports show them: each folder's part worked out once, the same text as displayPath per file. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayPaths } from '../../scripts/cli/validate-cli.ts';
import { displayPath } from '../../src/lib/postmortem/archive/display-path.ts';

describe('displayPaths', () => {
  it('gives what displayPath gives for every file: below, beside, above and outside the working directory', () => {
    const files = [
      '/work/repo/docs/spec/.llm/completed/postmortem-2026-01-01-a.md',
      '/work/repo/docs/spec/.llm/completed/postmortem-2026-01-02-b.mdx',
      '/work/repo/postmortem-2026-01-03-in-cwd.md',
      '/work/other/postmortem-2026-01-04-beside.md',
      '/work/postmortem-2026-01-05-above.md',
      '/postmortem-2026-01-06-at-root.md',
      '/tmp/archive/deep/er/postmortem-2026-01-07-elsewhere.md',
      '/work/repo/docs/spec/.llm/completed/postmortem-2026-01-08-c.md',
    ];
    for (const cwd of ['/work/repo', '/', '/work/repo/docs/spec/.llm/completed', '/tmp/archive/deep/er/x']) {
      expect(displayPaths(files, cwd)).toEqual(files.map((file) => displayPath(file, cwd)));
    }
    expect(displayPaths(files, '/work/repo').slice(0, 4)).toEqual([
      'docs/spec/.llm/completed/postmortem-2026-01-01-a.md',
      'docs/spec/.llm/completed/postmortem-2026-01-02-b.mdx',
      'postmortem-2026-01-03-in-cwd.md',
      '../other/postmortem-2026-01-04-beside.md',
    ]);
  });

  it('agrees with displayPath on this checkout’s own paths', () => {
    const cwd = process.cwd();
    const files = ['tests/fixtures/valid/x.md', 'tests/fixtures/invalid/y.md', 'z.md', '../sibling/w.md'].map((file) => path.resolve(cwd, file));
    expect(displayPaths(files, cwd)).toEqual(files.map((file) => displayPath(file, cwd)));
  });
});
