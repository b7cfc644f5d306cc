import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePostmortem } from '../../src/lib/postmortem/parsing/parse.ts';
import { ARCHIVE_RULES, FILE_RULES } from '../../src/lib/postmortem/rules/all-rules.ts';
import { validatePostmortems } from '../../src/lib/postmortem/validation/validate.ts';
import { FIXTURES, ruleLines, validatePaths } from './helpers/validate-files.ts';

const VALID = 'valid/postmortem-2026-03-14-report-export-timeouts.md';
const P = 'postmortem-2026-03-14-';

/** Each malformed fixture in tests/fixtures/invalid and exactly the problems (rule@line) it must produce. */
const CASES: Record<string, string[]> = {
  'postmortem 14 March export.md': ['file-name@1'],
  [`${P}no-frontmatter.md`]: ['frontmatter-missing@1'],
  [`${P}frontmatter-unclosed.md`]: ['frontmatter-unclosed@1'],
  [`${P}yaml-syntax.md`]: ['frontmatter-yaml@3'],
  [`${P}yaml-tabs.md`]: ['frontmatter-yaml@7'],
  [`${P}frontmatter-list.md`]: ['frontmatter-not-map@2'],
  [`${P}empty.md`]: ['frontmatter-missing@1'],
  [`${P}binary-junk.md`]: ['frontmatter-missing@1'],
  [`${P}impossible-date.md`]: ['calendar-date@3'],
  [`${P}february-30.md`]: ['calendar-date@14'],
  [`${P}date-mismatch.md`]: ['file-date@3', 'timestamps-date@14', 'timestamps-span@14', 'timestamps-span@18'],
  [`${P}severity-sev5.md`]: ['schema@4'],
  [`${P}severity-critical.md`]: ['schema@4'],
  [`${P}unknown-field.md`]: ['schema@5'],
  [`${P}unknown-status-field.md`]: ['schema@5'],
  [`${P}missing-title.md`]: ['schema@1'],
  [`${P}tenants-not-number.md`]: ['schema@19'],
  [`${P}timestamp-without-zone.md`]: ['schema@15'],
  [`${P}final-without-start.md`]: ['timestamps-required@5'],
  [`${P}unknown-category-in-final.md`]: ['category-known@11'],
  [`${P}start-not-on-date.md`]: ['timestamps-date@14', 'timestamps-span@14'],
  [`${P}resolved-before-start.md`]: ['timestamps-order@18', 'timestamps-span@18'],
  [`${P}detected-before-start.md`]: ['timestamps-order@15'],
  [`${P}resolved-outside-timeline.md`]: ['timestamps-span@18'],
  [`${P}missing-section.md`]: ['sections-missing@62'],
  [`${P}sections-out-of-order.md`]: ['sections-order@79'],
  [`${P}timeline-without-table.md`]: ['timeline-table@40'],
  [`${P}timeline-bad-time.md`]: ['timeline-time@47'],
  [`${P}timeline-out-of-order.md`]: ['timeline-order@47'],
  [`${P}short-five-whys.md`]: ['five-whys@52'],
  [`${P}no-root-cause-line.md`]: ['five-whys@52'],
  [`${P}action-items-no-owner-column.md`]: ['action-items-table@76'],
  [`${P}empty-owner.md`]: ['action-item-owner@80'],
  [`${P}due-date-in-words.md`]: ['action-item-due@80'],
  [`${P}unknown-status.md`]: ['action-item-status@80'],
  [`${P}placeholders-in-final.md`]: ['placeholders@36', 'placeholders@36'],
  [`${P}final-without-services.md`]: ['lists-required@8'],
  [`${P}proposed-by-migrate.md`]: ['proposed-values@11'],
};

describe('each malformed fixture yields exactly its problems, with file, rule and line', () => {
  const result = validatePaths('invalid');

  it('validates every fixture in the folder, and every fixture has a case', () => {
    expect(result.files.map((file) => path.basename(file.path)).sort()).toEqual(Object.keys(CASES).sort());
  });

  for (const [fileName, expected] of Object.entries(CASES)) {
    it(fileName, () => {
      expect(ruleLines(result, fileName)).toEqual(expected);
    });
  }

  it('reports a message quoting the bad value and a hint for every problem', () => {
    const problem = result.files.find((file) => file.path.endsWith('severity-sev5.md'))!.problems[0]!;
    expect(problem.message).toContain('`SEV-5`');
    expect(problem.hint).toMatch(/SEV-2/);
    for (const file of result.files) {
      for (const p of file.problems) {
        expect(p.message.length, `${file.path} ${p.rule}`).toBeGreaterThan(5);
        expect(p.hint.length, `${file.path} ${p.rule}`).toBeGreaterThan(5);
      }
    }
  });
});

describe('every rule', () => {
  const failing = new Set(Object.values(CASES).flat().map((entry) => entry.split('@')[0]));
  failing.add('duplicate-slug');
  // Covered with files made on disk (links, FIFOs, oversized, other encodings) in hostile-input.test.ts.
  failing.add('file-size');
  failing.add('file-regular');
  failing.add('file-encoding');
  failing.add('table-size');
  failing.add('field-size');
  // Covered by the hostile corpus (tests/fixtures/hostile-input, hostile-input.test.ts).
  for (const id of ['date-range', 'frontmatter-reader', 'nesting-depth', 'bracket-density', 'invisible-characters']) failing.add(id);
  // Covered by the hostile corpus (unsafe-html.test.ts) and their own tests (mdx-trust, assets).
  for (const id of ['unsafe-html', 'mdx-trust', 'image-asset', 'action-item-ticket']) failing.add(id);
  // Covered with its own fixtures in blameless-language.test.ts.
  failing.add('blameless-language');
  // Covered with its own fixtures in learning.test.ts.
  failing.add('recurrence-of');
  // Covered with its own files in spelling-variants.test.ts.
  failing.add('spelling-variants');

  it.each([...FILE_RULES, ...ARCHIVE_RULES].map((rule) => rule.id))('%s has a failing fixture and passes the valid one', (id) => {
    expect(failing.has(id)).toBe(true);
    const valid = validatePaths(VALID);
    expect(valid.files[0]!.problems.filter((problem) => problem.rule === id)).toEqual([]);
  });

  it('the valid fixture has no problems at all', () => {
    const valid = validatePaths(VALID);
    expect(valid.files[0]).toMatchObject({ valid: true, problems: [] });
  });
});

describe('archive rules', () => {
  it('two files that map to the same URL are both reported', () => {
    const result = validatePaths('duplicate-slug');
    expect(result.files.map((file) => ruleLines(result, path.basename(file.path)))).toEqual([['duplicate-slug@1'], ['duplicate-slug@1']]);
    expect(result.files[0]!.problems[0]!.message).toContain('/incidents/2026-03-14-report-export-timeouts/');
  });
});

describe('awkward but valid files are accepted', () => {
  it('a byte-order mark, CRLF line endings and a unicode title', () => {
    const result = validatePaths('awkward');
    expect(result.files).toHaveLength(3);
    for (const file of result.files) expect(file, file.path).toMatchObject({ valid: true, problems: [] });
  });

  it('keeps line numbers right with CRLF endings', () => {
    const crlf = readFileSync(path.join(FIXTURES, 'awkward', `${P}crlf.md`), 'utf8').replace('| 09:19 |', '| 08:19 |');
    const result = validatePostmortems([parsePostmortem(`${P}crlf.md`, crlf)]);
    expect(result.files[0]!.problems.map((p) => `${p.rule}@${p.line}`)).toEqual(['timeline-order@46']);
  });

  it('a 2 MB body is an error of its size alone', () => {
    const text = readFileSync(path.join(FIXTURES, VALID), 'utf8').replace('## Lessons Learned', `## Evidence\n\n${'A log line of evidence. '.repeat(90_000)}\n\n## Lessons Learned`);
    const result = validatePostmortems([parsePostmortem(`${P}large.md`, text)]);
    expect(result.files[0]!.valid).toBe(false);
    expect(result.files[0]!.problems.map((p) => `${p.rule}@${p.line}`)).toEqual(['file-size@1']);
  });
});

describe('drafts', () => {
  it('may leave timestamps and template placeholders open', () => {
    const text = readFileSync(path.join(FIXTURES, VALID), 'utf8')
      .replace('status: final', 'status: draft')
      .replace(/^(started_at|resolved_at): .*\n/gm, '')
      .replace('| 09:24 | Investigation started |', '| HH:MM | Investigation started |')
      .replace('2026-05-01 | TODO', 'YYYY-MM-DD | TODO');
    const result = validatePostmortems([parsePostmortem(`${P}draft.md`, text)]);
    expect(result.files[0]!.problems).toEqual([]);
  });

  it('but an in-review one gets warnings for placeholders and errors for missing timestamps', () => {
    const text = readFileSync(path.join(FIXTURES, VALID), 'utf8').replace('status: final', 'status: in-review').replace(/^resolved_at: .*\n/m, '').replace('Alerting caught', 'Alerting (TBD) caught');
    const result = validatePostmortems([parsePostmortem(`${P}review.md`, text)]);
    expect(result.files[0]!.problems.map((p) => `${p.rule}:${p.level}`)).toEqual(['timestamps-required:error', 'placeholders:warning']);
  });
});

describe('tolerance for how people write', () => {
  const base = readFileSync(path.join(FIXTURES, VALID), 'utf8');
  const check = (text: string) => validatePostmortems([parsePostmortem(`${P}x.md`, text)]).files[0]!.problems;

  it('accepts ### sections under a ## Post-Mortem title, plain Why lines with →, and a plain Root Cause line', () => {
    const text = base
      .replace('## Summary', '## Post-Mortem: Report exports time out\n\n### Summary')
      .replace(/^## /gm, '### ')
      .replace('### Post-Mortem', '## Post-Mortem')
      .replace(/^\d\. Why\? ->/gm, 'Why? →')
      .replace('**Root Cause:**', 'Root Cause:');
    expect(check(text)).toEqual([]);
  });

  it('normalises category spelling and action-item status case', () => {
    const text = base.replace('root_cause_category: deployment', 'root_cause_category: Code Bug').replace('| DONE |', '| done |');
    const parsed = parsePostmortem(`${P}x.md`, text);
    expect(parsed.meta?.root_cause_category).toBe('code-bug');
    expect(parsed.actionItems?.rows.map((row) => row.status)).toEqual(['DONE', 'IN PROGRESS', 'TODO', "WON'T DO"]);
    expect(check(text)).toEqual([]);
  });

  it('ignores headings inside code fences', () => {
    const text = base.replace('## Lessons Learned', '```md\n## Summary\n```\n\n## Lessons Learned');
    expect(check(text)).toEqual([]);
  });

  it('reads events after midnight written with the full date', () => {
    const text = base.replace('| 11:05 | Incident resolved |', '| 11:05 | Incident resolved |\n| 2026-03-15 00:10 | Follow-up check |');
    const parsed = parsePostmortem(`${P}x.md`, text);
    expect(parsed.timeline?.rows.at(-1)?.at).toBe(Date.UTC(2026, 2, 15, 0, 10));
    expect(check(text)).toEqual([]);
  });

  it('hints at the full date when an HH:MM row goes back in time', () => {
    const text = base.replace('| 11:05 | Incident resolved |', '| 11:05 | Incident resolved |\n| 00:10 | Follow-up check |');
    const problems = check(text);
    expect(problems.map((p) => p.rule)).toEqual(['timeline-order']);
    expect(problems[0]!.hint).toContain('YYYY-MM-DD 00:10');
  });
});
