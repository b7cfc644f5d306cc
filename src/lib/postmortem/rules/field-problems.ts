/** Turns the schema's findings into messages that quote the value and name the field's line. */
import type { ZodIssue } from 'astro/zod';
import type { ParsedPostmortem } from '../parse.ts';
import { FIELD_EXAMPLES, FRONTMATTER_FIELDS } from '../schema/frontmatter.ts';
import type { Finding } from './types.ts';

/** The rule a schema issue belongs to: refinements tag themselves (e.g. `calendar-date`), the rest are `schema`. */
export function ruleOfIssue(issue: ZodIssue): string {
  return (issue.code === 'custom' && (issue.params as { rule?: string } | undefined)?.rule) || 'schema';
}

export function fieldFindings(pm: ParsedPostmortem, rule: string): Finding[] {
  if (pm.frontmatter.kind !== 'parsed') return [];
  const { data, lineOf } = pm.frontmatter;
  return pm.schemaIssues
    .filter((issue) => ruleOfIssue(issue) === rule)
    .flatMap((issue) => {
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((key) => ({
          line: lineOf([key]),
          message: `unknown field \`${key}\``,
          hint: `${suggestField(key)}Known fields: ${FRONTMATTER_FIELDS.join(', ')}.`,
        }));
      }
      const field = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : part)).join('.').replace(/\.\[/g, '[');
      const top = String(issue.path[0]) as keyof typeof FIELD_EXAMPLES;
      const value = valueAt(data, issue.path);
      const example = FIELD_EXAMPLES[top] ? `e.g. \`${top}: ${FIELD_EXAMPLES[top]}\`` : '';
      if (value === undefined) {
        return [{ line: lineOf(issue.path), message: `\`${field}\` is missing`, hint: `Add it: ${example}.` }];
      }
      return [{
        line: lineOf(issue.path),
        message: `\`${field}\` is \`${quote(value)}\`, which ${issue.message}`,
        hint: example ? `Write it like ${example}.` : 'See docs/FORMAT.md for the field.',
      }];
    });
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), data);
}

function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** "Did you mean `severity`?" for a near miss, else nothing. */
function suggestField(key: string): string {
  const near = FRONTMATTER_FIELDS.find((field) => editDistance(field, key.toLowerCase()) <= 2);
  return near ? `Did you mean \`${near}\`? ` : '';
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
