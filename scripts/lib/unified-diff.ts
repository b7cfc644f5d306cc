/**
 * A unified diff of two texts, for previewing a rewrite before it is saved
 * (the `diff` package: Myers' algorithm, standard `---`/`+++`/`@@` output).
 */
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';

/** `--- a` / `+++ b` headers and hunks with `context` lines around each change; empty when the texts are equal. */
export function unifiedDiff(before: string, after: string, labels: { from: string; to: string }, context = 3): string {
  if (before === after) return '';
  return createTwoFilesPatch(labels.from, labels.to, before, after, undefined, undefined, { context, headerOptions: FILE_HEADERS_ONLY });
}
