/** A rule that throws is a Hindsight bug: it is reported on the file, and every other rule still runs. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parsePostmortem } from '../../src/lib/postmortem/parsing/parse.ts';
import { FILE_RULES } from '../../src/lib/postmortem/rules/all-rules.ts';
import { checkFile } from '../../src/lib/postmortem/validation/validate.ts';
import { FIXTURES } from './helpers/validate-files.ts';

const NAME = 'postmortem-2026-03-14-report-export-timeouts.md';
const pm = parsePostmortem(NAME, readFileSync(path.join(FIXTURES, 'valid', NAME), 'utf8').replace('severity: SEV-2', 'severity: SEV-9'));

afterEach(() => vi.restoreAllMocks());

describe('a rule that throws', () => {
  it('becomes one problem on line 1, and the other rules report as before', () => {
    const before = checkFile(pm);
    expect(before.map((problem) => problem.rule)).toContain('schema');
    const rule = FILE_RULES.find((candidate) => candidate.id === 'sections-order')!;
    vi.spyOn(rule, 'check').mockImplementation(() => {
      throw new Error('boom');
    });
    const after = checkFile(pm);
    expect(after.filter((problem) => problem.rule !== 'sections-order')).toEqual(before.filter((problem) => problem.rule !== 'sections-order'));
    expect(after.filter((problem) => problem.rule === 'sections-order')).toEqual([
      { rule: 'sections-order', level: rule.level, message: 'rule `sections-order` failed on this file: boom', hint: 'This is a bug in Hindsight; please report it with the file.', line: 1, column: 1 },
    ]);
  });
});
