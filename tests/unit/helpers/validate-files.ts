/** Validates real files on disk with the same pipeline as the CLI. */
import path from 'node:path';
import { expandPaths, readPostmortems } from '../../../src/lib/postmortem/archive/archive.ts';
import { validatePostmortems, type ValidationResult } from '../../../src/lib/postmortem/validation/validate.ts';

export const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');

export function validatePaths(...paths: string[]): ValidationResult {
  const { files } = expandPaths(paths.map((p) => path.resolve(FIXTURES, p)));
  return validatePostmortems(readPostmortems(files));
}

/** `rule@line` for each problem of one file, for compact assertions. */
export function ruleLines(result: ValidationResult, fileName: string): string[] {
  const file = result.files.find((f) => path.basename(f.path) === fileName);
  if (!file) throw new Error(`${fileName} was not validated`);
  return file.problems.map((problem) => `${problem.rule}@${problem.line}`);
}
