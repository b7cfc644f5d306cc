/** docs/FORMAT.md is the user's reference: it must not drift from the schema and the rules. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../src/lib/postmortem/model/category.ts';
import { ARCHIVE_RULES, FILE_RULES } from '../../src/lib/postmortem/rules/all-rules.ts';
import { FRONTMATTER_FIELDS } from '../../src/lib/postmortem/schema/frontmatter-schema.ts';
import { SECTIONS } from '../../src/lib/postmortem/parsing/sections.ts';
import { SEVERITIES } from '../../src/lib/postmortem/model/severity.ts';

const doc = readFileSync(path.resolve(import.meta.dirname, '../../docs/FORMAT.md'), 'utf8');

describe('docs/FORMAT.md', () => {
  it.each(FRONTMATTER_FIELDS)('documents the field %s in the field table', (field) => {
    expect(doc).toContain(`| \`${field}\` |`);
  });
  it.each([...FILE_RULES, ...ARCHIVE_RULES].map((rule) => [rule.id, rule.level]))('documents the rule %s', (id, level) => {
    expect(doc).toMatch(new RegExp(`\\| \`${id}\` \\| [^|]*${level}`));
  });
  it('lists every severity with its criteria and every category and section', () => {
    for (const level of SEVERITIES) expect(doc).toContain(`| ${level.id} | ${level.criteria} | ${level.response} |`);
    for (const category of CATEGORIES) expect(doc).toContain(`| \`${category.id}\` | ${category.examples} |`);
    for (const section of SECTIONS) expect(doc).toContain(`**${section.title}**`);
  });
});
