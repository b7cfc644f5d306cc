/**
 * Two readers of one frontmatter must agree (DESIGN 11): validate's
 * (`splitFrontmatter`, `yaml`) and the site's (Astro's `parseFrontmatter`,
 * js-yaml, used by the content loader). For every fixture and a set of
 * mutations of the valid file (closers, line endings, tags, control
 * characters, anchors, flow values, comments…), a file that validate accepts
 * without a frontmatter problem must be read by the site's reader without an
 * error and split into the same body.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { parsePostmortem } from '../../src/lib/postmortem/parsing/parse.ts';
import { checkFile } from '../../src/lib/postmortem/validation/validate.ts';
import { FIXTURES } from './helpers/validate-files.ts';

const NAME = 'postmortem-2026-03-14-report-export-timeouts.md';
const VALID = readFileSync(path.join(FIXTURES, 'valid', NAME), 'utf8');
const CLOSE = VALID.indexOf('\n---\n', 4);
const before = (text: string) => VALID.replace('tags:\n', `${text}\ntags:\n`);

const MUTATIONS: Record<string, string> = {
  'dot closer': `${VALID.slice(0, CLOSE)}\n...\n${VALID.slice(CLOSE + 5)}`,
  'lone CR before the closer': `${VALID.slice(0, CLOSE)}\r---\n${VALID.slice(CLOSE + 5)}`,
  'lone CR mid-block': VALID.replace('severity: SEV-2\n', 'severity: SEV-2\r'),
  'CRLF everywhere': VALID.replace(/\n/g, '\r\n'),
  'closer with trailing spaces': `${VALID.slice(0, CLOSE)}\n---   \n${VALID.slice(CLOSE + 5)}`,
  'closer with text after it': `${VALID.slice(0, CLOSE)}\n--- end\n${VALID.slice(CLOSE + 5)}`,
  'dash line inside': before('---note: x'),
  'plus line inside': before('+++: x'),
  'custom tag': before('note: !custom x'),
  'binary tag': before('note: !!binary aGk='),
  'str tag': before('note: !!str x'),
  'bell in a value': VALID.replace('title: Report', 'title: Rep\u0007ort'),
  'escape in a quoted value': VALID.replace('title: Report exports time out for large tenants', 'title: "Report \\e[31m"'),
  'DEL': VALID.replace('title: Report', 'title: Rep\u007fort'),
  'NEL': VALID.replace('title: Report', 'title: Rep\u0085ort'),
  'zero width': VALID.replace('title: Report', 'title: Rep\u200bort'),
  'anchor and alias': before('base: &b x\nnote: *b'),
  'merge key': before('base: &b {x: 1}\nnote:\n  <<: *b'),
  'flow map': before('note: {a: 1, b: [2, 3]}'),
  'comment': before('# a comment\nnote: x # trailing'),
  'block scalar': before('note: |\n  line one\n  line two'),
  'folded scalar': before('note: >-\n  folded\n  text'),
  'directive': `%YAML 1.2\n${VALID}`,
  'BOM': `\uFEFF${VALID}`,
  'blank line before': `\n${VALID}`,
  'tab indent': before('note:\n\t- x'),
  'duplicate key': VALID.replace('severity: SEV-2\n', 'severity: SEV-2\nseverity: SEV-3\n'),
  'hash in title': VALID.replace('title: Report', 'title: Report #1 of'),
  'colon in quoted title': VALID.replace('title: Report exports time out for large tenants', 'title: "Outage: exports"'),
  'date-looking title': VALID.replace('title: Report exports time out for large tenants', 'title: 2026-03-14'),
};

function inputs(): [string, string][] {
  const files: [string, string][] = Object.entries(MUTATIONS);
  for (const folder of ['valid', 'awkward', 'invalid', 'hostile-input']) {
    for (const name of readdirSync(path.join(FIXTURES, folder))) files.push([`${folder}/${name}`, readFileSync(path.join(FIXTURES, folder, name), 'utf8')]);
  }
  return files;
}

const normalise = (text: string) => text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');

let compared = 0;

describe("validate's frontmatter reader and the site's agree", () => {
  it.each(inputs())('%s', (_, text) => {
    const pm = parsePostmortem(NAME, text);
    const frontmatterProblems = checkFile(pm).filter((problem) => problem.level === 'error' && /^frontmatter-|^file-encoding$/.test(problem.rule));
    if (frontmatterProblems.length || pm.frontmatter.kind !== 'parsed') return;
    let site: ReturnType<typeof parseFrontmatter>;
    expect(() => (site = parseFrontmatter(text, { frontmatter: 'remove' }))).not.toThrow();
    // Astro keeps the rest of the closing line; the body starts on the next line for both.
    expect(normalise(site!.content).replace(/^[^\n]*\n/, '')).toBe(normalise(pm.body));
    compared += 1;
  });

  it('compared enough files to mean something (the tests above run first)', () => {
    expect(compared).toBeGreaterThanOrEqual(40);
  });
});
