/**
 * Commands never show a stack trace: an environment problem is one line and
 * exit 2, a bug a one-line note. Writes keep what the user has: mode, owner,
 * links, read-only files. Real processes and real files throughout.
 */
import { chmodSync, copyFileSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeFailure, UsageError } from '../../scripts/lib/cli.ts';
import { createFileAtomically, moveFileAtomically, replaceFileAtomically, WriteRefused } from '../../scripts/lib/atomic-write.ts';
import { HindsightError } from '../../src/lib/errors.ts';
import { runProcess } from './helpers/run-process.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** For a throwaway script that is not a command: the boundary itself is under test. */
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'hindsight-cli-errors-'));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

let counter = 0;
function folder(): string {
  const dir = path.join(scratch, `case-${(counter += 1)}`);
  mkdirSync(dir);
  return dir;
}

/** Runs a command as users do: through scripts/launch.mjs, as every npm script and `hindsight` does. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  return runProcess(process.execPath, ['scripts/launch.mjs', command, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', ...env } });
}

function expectOneLine(stderr: string) {
  expect(stderr.trim().split('\n'), stderr).toHaveLength(1);
  expect(stderr).not.toMatch(/^\s+at /m);
}

const SCAFFOLD = ['--title', 'Exports time out', '--severity', 'SEV-3', '--services', 'api', '--author', 'Dana Kim', '--yes'];

describe('environment errors: one line, exit 2', () => {
  it('new-postmortem --dir naming a file', async () => {
    const file = path.join(folder(), 'notes.txt');
    writeFileSync(file, 'x');
    const result = await run('new-postmortem', [...SCAFFOLD, '--dir', file]);
    expect(result.status).toBe(2);
    expectOneLine(result.stderr);
    expect(result.stderr).toContain(`\`${file}\` is not a folder.`);
  });

  it('new-postmortem --dir below a file', async () => {
    const file = path.join(folder(), 'notes.txt');
    writeFileSync(file, 'x');
    const result = await run('new-postmortem', [...SCAFFOLD, '--dir', path.join(file, 'postmortems')]);
    expect(result.status).toBe(2);
    expectOneLine(result.stderr);
    expect(result.stderr).toContain('is a file, not a folder');
  });

  it('new-postmortem --dir in a folder nobody may write to (sysfs refuses even root)', async () => {
    const result = await run('new-postmortem', [...SCAFFOLD, '--dir', '/sys']);
    expect(result.status).toBe(2);
    expectOneLine(result.stderr);
    expect(result.stderr).toMatch(/not writable|permission denied/);
  });

  it.each([
    ['validate', []],
    ['action-items', []],
    ['new-postmortem', SCAFFOLD],
    ['migrate', ['tests/fixtures/plain']],
  ] as const)('%s with a wrong setting in the environment', async (command, args) => {
    const result = await run(command, [...args], { HINDSIGHT_TODAY: 'tomorrow' });
    expect(result.status).toBe(2);
    expectOneLine(result.stderr);
    expect(result.stderr.trim()).toBe('HINDSIGHT_TODAY must be a date written YYYY-MM-DD, not `tomorrow`.');
  });

  it('a bug is one line that says it is a bug, with the stack only on request', async () => {
    const script = path.join(folder(), 'buggy.ts');
    writeFileSync(script, `import { runIfMain } from ${JSON.stringify(path.join(ROOT, 'scripts/lib/cli.ts'))};\nrunIfMain(import.meta.url, () => { throw new TypeError("cannot read 'x' of undefined"); });\n`);
    const plain = await runProcess(TSX, [script], { cwd: ROOT, env: process.env });
    expect(plain.status).toBe(2);
    expectOneLine(plain.stderr);
    expect(plain.stderr).toContain("Hindsight stopped on an unexpected error (a bug in Hindsight): cannot read 'x' of undefined.");
    const debug = await runProcess(TSX, [script], { cwd: ROOT, env: { ...process.env, HINDSIGHT_DEBUG: '1' } });
    expect(debug.stderr).toMatch(/^\s+at /m);
  });

  it('describes each kind of failure', () => {
    expect(describeFailure(new UsageError('--dir is wrong.'), {})).toBe('--dir is wrong.');
    expect(describeFailure(new HindsightError('HINDSIGHT_MAX_FILE_KB must be…'), {})).toBe('HINDSIGHT_MAX_FILE_KB must be…');
    const denied = Object.assign(new Error("EACCES: permission denied, open '/x/y.md'"), { code: 'EACCES', syscall: 'open', path: '/x/y.md' });
    expect(describeFailure(denied, {})).toBe('Cannot open `/x/y.md`: permission denied (EACCES).');
    expect(describeFailure(new RangeError('bad\nsecond line'), {})).toMatch(/^Hindsight stopped on an unexpected error \(a bug in Hindsight\): bad\. /);
  });
});

describe('atomic writes keep what the user has', () => {
  const text = '---\ntitle: x\n---\n';

  it('a replacement keeps the mode (umask would narrow it) and the owner', () => {
    const file = path.join(folder(), 'a.md');
    writeFileSync(file, 'old');
    chmodSync(file, 0o664);
    const before = statSync(file);
    replaceFileAtomically(file, text);
    const after = statSync(file);
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(after.mode & 0o7777).toBe(0o664);
    expect([after.uid, after.gid]).toEqual([before.uid, before.gid]);
    expect(after.ino).not.toBe(before.ino);
  });

  it('refuses a read-only file, with the reason, and leaves it as it was', () => {
    const file = path.join(folder(), 'a.md');
    writeFileSync(file, 'old');
    chmodSync(file, 0o444);
    expect(() => replaceFileAtomically(file, text)).toThrow(new WriteRefused('it is read-only (mode 0444); make it writable (`chmod u+w`) if it should change'));
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect(statSync(file).mode & 0o777).toBe(0o444);
  });

  it('refuses a symbolic link, leaving the link and its target as they were', () => {
    const dir = folder();
    const target = path.join(dir, 'target.md');
    const link = path.join(dir, 'link.md');
    writeFileSync(target, 'old');
    symlinkSync(target, link);
    expect(() => replaceFileAtomically(link, text)).toThrow(/symbolic link/);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(target);
    expect(readFileSync(target, 'utf8')).toBe('old');
  });

  it('refuses a file with another hard link', () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'a.md'), 'old');
    linkSync(path.join(dir, 'a.md'), path.join(dir, 'b.md'));
    expect(() => replaceFileAtomically(path.join(dir, 'a.md'), text)).toThrow(/hard link/);
    expect(readFileSync(path.join(dir, 'b.md'), 'utf8')).toBe('old');
  });

  it('a move to a new name keeps the mode, and refuses a link', () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'old.md'), 'old');
    chmodSync(path.join(dir, 'old.md'), 0o600);
    moveFileAtomically(path.join(dir, 'old.md'), path.join(dir, 'new.md'), text);
    expect(statSync(path.join(dir, 'new.md')).mode & 0o777).toBe(0o600);
    expect(() => statSync(path.join(dir, 'old.md'))).toThrow();
    symlinkSync(path.join(dir, 'new.md'), path.join(dir, 'linked.md'));
    expect(() => moveFileAtomically(path.join(dir, 'linked.md'), path.join(dir, 'other.md'), text)).toThrow(WriteRefused);
    expect(lstatSync(path.join(dir, 'linked.md')).isSymbolicLink()).toBe(true);
  });

  it('create never replaces an existing file', () => {
    const file = path.join(folder(), 'a.md');
    writeFileSync(file, 'old');
    expect(() => createFileAtomically(file, text)).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(readFileSync(file, 'utf8')).toBe('old');
  });
});

describe('migrate --write, as users run it', () => {
  const PLAIN = path.join(ROOT, 'tests/fixtures/plain');

  it('refuses a read-only file with the reason and leaves it untouched', async () => {
    const dir = folder();
    const file = path.join(dir, 'postmortem-2026-03-14-report-export-timeouts.md');
    copyFileSync(path.join(PLAIN, path.basename(file)), file);
    chmodSync(file, 0o444);
    const before = readFileSync(file, 'utf8');
    const result = await run('migrate', [dir, '--write']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('not written: it is read-only (mode 0444)');
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(statSync(file).mode & 0o777).toBe(0o444);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it('refuses a symbolic link (renamed or not) and leaves it a link', async () => {
    const dir = folder();
    const elsewhere = folder();
    for (const name of ['postmortem-2026-03-14-report-export-timeouts.md', 'outage-notes-search.md']) {
      copyFileSync(path.join(PLAIN, name), path.join(elsewhere, name));
      symlinkSync(path.join(elsewhere, name), path.join(dir, name));
    }
    const result = await run('migrate', [dir, '--write', '--author', 'Kofi Mensah']);
    expect(result.status).toBe(1);
    expect(result.stdout.match(/not read: it is a symbolic link/g)).toHaveLength(2);
    for (const name of ['postmortem-2026-03-14-report-export-timeouts.md', 'outage-notes-search.md']) {
      expect(lstatSync(path.join(dir, name)).isSymbolicLink()).toBe(true);
      expect(readFileSync(path.join(elsewhere, name), 'utf8')).toBe(readFileSync(path.join(PLAIN, name), 'utf8'));
    }
  });

  it('keeps the mode of a file it rewrites', async () => {
    const dir = folder();
    const file = path.join(dir, 'postmortem-2026-03-14-report-export-timeouts.md');
    copyFileSync(path.join(PLAIN, path.basename(file)), file);
    chmodSync(file, 0o640);
    const result = await run('migrate', [dir, '--write']);
    expect(result.status, result.stdout).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^---\n/);
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });
});
