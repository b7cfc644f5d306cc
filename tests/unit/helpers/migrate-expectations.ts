/** One migrate fixture held to its row in the folder's expected.json (the agent-written and agent-drift sets). */
import { expect } from 'vitest';

/** What every fixture's row holds beside its metadata fields: the file name, the fields marked as proposals and why it is a draft. */
export interface FixtureExpectation {
  fileName: string;
  proposed: string[];
  draft_because: string[];
}

interface MigratedFile {
  frontmatter: object;
  fileName: string;
  text: string;
  draftBecause: string[];
}

/** Every listed field as the row says (an unset list counts as empty), then the name, the proposals and the draft reasons. */
export function expectAsTabled<T extends FixtureExpectation>(result: MigratedFile, expected: T, fields: readonly (keyof T & string)[]): void {
  const frontmatter = result.frontmatter as Record<string, unknown>;
  const defaults: Record<string, unknown> = { contributing_categories: [] };
  for (const field of fields) {
    expect({ field, value: frontmatter[field] ?? defaults[field] ?? null }).toEqual({ field, value: expected[field] });
  }
  expect(result.fileName).toBe(expected.fileName);
  const marked = result.text.split('\n').flatMap((line, index, lines) => {
    if (!line.includes('# proposed by migrate')) return [];
    return [(line.trimStart().startsWith('#') ? lines[index + 1]! : line).split(':')[0]!];
  });
  expect(marked.sort()).toEqual([...expected.proposed].sort());
  expect(result.draftBecause).toEqual(expected.draft_because);
}
