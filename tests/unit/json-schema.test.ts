/**
 * The generated JSON Schemas: committed copies in step with the code, the
 * frontmatter schema's date patterns equal to the core's date checks, and the
 * frontmatter schema agreeing with the validator on the shipped examples and
 * the invalid fixtures.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { staleFiles } from '../../scripts/cli/schemas-cli.ts';
import { CATEGORY_IDS, normaliseCategory } from '../../src/lib/postmortem/model/category.ts';
import { DATE_PATTERN, DATE_TIME_PATTERN, FRONTMATTER_SCHEMA_PATH } from '../../src/lib/postmortem/exports/json-schema.ts';
import { parsePostmortem } from '../../src/lib/postmortem/parsing/parse.ts';
import { parseIsoDate, parseIsoDateTime } from '../../src/lib/postmortem/dates.ts';
import { checkerFor, committedSchema } from './helpers/json-schema-check.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const EXAMPLES = 'docs/spec/.llm/completed';
const INVALID = 'tests/fixtures/invalid';
const schema = committedSchema(FRONTMATTER_SCHEMA_PATH) as { properties: Record<string, { anyOf?: { pattern?: string }[] }> };
const check = checkerFor(schema);

function frontmatterOf(folder: string, file: string) {
  const parsed = parsePostmortem(file, readFileSync(path.join(ROOT, folder, file), 'utf8'));
  return { parsed, data: parsed.frontmatter.kind === 'parsed' ? parsed.frontmatter.data : undefined };
}

describe('generated schemas', () => {
  it('are committed as `npm run schemas` writes them (schema/ and docs/API.md)', () => {
    expect(staleFiles()).toEqual([]);
  });
});

describe('frontmatter date patterns', () => {
  const date = new RegExp(DATE_PATTERN);
  const dateTime = new RegExp(DATE_TIME_PATTERN);
  const pad = (value: number, width: number) => String(value).padStart(width, '0');

  it('accept exactly the calendar dates parseIsoDate accepts (every day, years 0000–0004 and 1895–2405, months and days 00–32)', () => {
    const years = [0, 1, 2, 3, 4, ...Array.from({ length: 511 }, (_, at) => 1895 + at)];
    const disagreements: string[] = [];
    let valid = 0;
    for (const year of years) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          const core = parseIsoDate(text) !== null;
          if (date.test(text) !== core) disagreements.push(text);
          if (core) valid++;
        }
      }
    }
    expect(disagreements).toEqual([]);
    // 516 years, 126 of them leap years (1900, 2100, 2200, 2300 are not; 0000, 0004 and 2000 are).
    expect(valid).toBe(516 * 365 + 126);
  });

  it('accept exactly the date-times parseIsoDateTime accepts', () => {
    const part = (max: number, width = 2) => fc.integer({ min: 0, max }).map((value) => pad(value, width));
    const dateTimeText = fc
      .tuple(part(2401, 4), part(13), part(32), part(25), part(61), fc.option(part(61)), fc.option(fc.stringMatching(/^\.[0-9]{1,10}$/)), fc.constantFrom('Z', '+02:00', '-05:30', '', 'z', '+0200'))
      .map(([year, month, day, hour, minute, second, fraction, zone]) => `${year}-${month}-${day}T${hour}:${minute}${second === null ? '' : `:${second}${fraction ?? ''}`}${zone}`);
    let accepted = 0;
    fc.assert(
      fc.property(dateTimeText, (text) => {
        const core = parseIsoDateTime(text) !== null;
        if (core) accepted++;
        return dateTime.test(text) === core;
      }),
      { numRuns: 20_000 },
    );
    // Both sides of the line are exercised, not only rejections.
    expect(accepted).toBeGreaterThan(1_000);
  });
});

describe('the frontmatter JSON Schema', () => {
  const examples = readdirSync(path.join(ROOT, EXAMPLES)).filter((file) => /\.mdx?$/.test(file));

  it.each(examples)('accepts the shipped example %s', (file) => {
    const { parsed, data } = frontmatterOf(EXAMPLES, file);
    expect(parsed.meta).not.toBeNull();
    expect(check(data)).toBeNull();
  });

  // The faults the frontmatter schema reports (schemaIssues); the other fixtures are wrong in
  // the body, the file name, the YAML itself or across fields (timestamp order), which validate's rules judge.
  const invalid = readdirSync(path.join(ROOT, INVALID)).map((file) => ({ file, ...frontmatterOf(INVALID, file) }));
  const frontmatterFaults = invalid.filter(({ parsed }) => parsed.schemaIssues.length > 0);

  it('has frontmatter faults to test against (missing title, bad severity, impossible date, unknown field, …)', () => {
    expect(frontmatterFaults.length).toBeGreaterThanOrEqual(8);
  });

  it.each(frontmatterFaults.map(({ file, data, parsed }) => [file, data, parsed.schemaIssues.map((issue) => issue.path.join('.')).join(', ')] as const))(
    'rejects %s',
    (_file, data, fields) => {
      const error = check(data);
      expect(error).not.toBeNull();
      // Ajv names the same field the core does (an unknown key is reported at the root).
      if (fields) expect(error).toContain(fields.split(', ')[0]);
    },
  );

  it('accepts the category spellings normaliseCategory tolerates and rejects others', () => {
    const loose = new RegExp(schema.properties.root_cause_category!.anyOf![1]!.pattern!);
    for (const id of CATEGORY_IDS) {
      for (const spelling of [id, id.toUpperCase(), id.replace(/-/g, ' '), id.replace(/-/g, '_'), ` ${id.replace(/-/g, '  ')} `, id.replace(/-/g, '--'), `${id}s`]) {
        expect(loose.test(spelling), spelling).toBe(normaliseCategory(spelling) === id);
      }
    }
    for (const synonym of ['Not known yet', 'TBD', 'unknown']) expect(loose.test(synonym), synonym).toBe(normaliseCategory(synonym) === 'unknown');
  });
});
