/**
 * Only a clone npm prepares for an install from a git URL gets shipped
 * bundles; a checkout preparing itself (its own `npm ci`, or `npx hindsight`
 * run in it, which links the checkout and runs `prepare` with
 * npm_package_resolved "null") must not get a cli-bundles/ folder: the
 * adoption test fails on one, and the launcher never runs it in a checkout.
 * (The script itself, run as npm runs it, is in launch-installed.test.ts.)
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isGitDependencyPrepare } from '../../scripts/prepare-decision.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('which prepare ships bundles', () => {
  const clone = '/home/u/.npm/_cacache/tmp/git-cloneAbc';
  it('a clone prepared for an install from a git URL does', () => {
    expect(isGitDependencyPrepare({ npm_package_resolved: 'null', INIT_CWD: '/home/u/team-repo' }, clone)).toBe(true);
    expect(isGitDependencyPrepare({ npm_package_resolved: 'git+ssh://git@github.com/acme/hindsight.git#abc' }, clone)).toBe(true);
  });
  it("a checkout's own install, or npx run in it or in one of its folders, does not", () => {
    expect(isGitDependencyPrepare({}, ROOT)).toBe(false);
    expect(isGitDependencyPrepare({ npm_package_resolved: '' }, ROOT)).toBe(false);
    expect(isGitDependencyPrepare({ npm_package_resolved: 'null', INIT_CWD: ROOT }, ROOT)).toBe(false);
    expect(isGitDependencyPrepare({ npm_package_resolved: 'null', INIT_CWD: path.join(ROOT, 'docs') }, ROOT)).toBe(false);
    // A sibling whose name starts like the checkout's is elsewhere.
    expect(isGitDependencyPrepare({ npm_package_resolved: 'null', INIT_CWD: `${ROOT}-other` }, ROOT)).toBe(true);
  });
});
