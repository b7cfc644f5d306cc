/**
 * A usage error is one line saying what is wrong (with the nearest flag for a
 * misspelt one) and one line saying where the usage is: every command gets
 * this from the one shared parser. Real processes, as users run them.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCommand, type CliContext } from '../../scripts/lib/cli.ts';
import { editDistance, nearestWord } from '../../src/lib/postmortem/edit-distance.ts';
import { COMMANDS } from '../../scripts/commands.mjs';
import { runProcess } from './helpers/run-process.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

function context(argv: string[]) {
  const out = { stdout: '', stderr: '' };
  const ctx: CliContext = { argv, cwd: ROOT, env: {}, stdout: (text) => (out.stdout += text), stderr: (text) => (out.stderr += text), interactive: false };
  return { ctx, out };
}

const USAGE = 'Usage: npm run search -- "<query>" [options]\n\nline\nline\nline\n';
const FLAGS = { allowPositionals: true, options: { severity: { type: 'string' }, service: { type: 'string' }, limit: { type: 'string' }, help: { type: 'boolean' } } } as const;

describe('parseCommand usage errors', () => {
  it('names the nearest flag for a misspelt one and prints two lines, not the usage', () => {
    const { ctx, out } = context(['--sevrity', 'SEV-1']);
    expect(parseCommand(ctx, USAGE, FLAGS)).toBe(2);
    expect(out.stderr).toBe('Unknown option `--sevrity`; did you mean `--severity`?\nRun `npm run search -- --help` for usage.\n');
    expect(out.stdout).toBe('');
  });

  it('suggests nothing when no flag is near', () => {
    const { ctx, out } = context(['--colour']);
    expect(parseCommand(ctx, USAGE, FLAGS)).toBe(2);
    expect(out.stderr.split('\n')[0]).toBe('Unknown option `--colour`.');
  });

  it('quotes other parse errors in backticks, one line', () => {
    const { ctx, out } = context(['--limit']);
    expect(parseCommand(ctx, USAGE, FLAGS)).toBe(2);
    expect(out.stderr.trim().split('\n')).toEqual(['Option `--limit <value>` argument missing', 'Run `npm run search -- --help` for usage.']);
  });

  it('--help still prints the whole usage on standard output', () => {
    const { ctx, out } = context(['--help']);
    expect(parseCommand(ctx, USAGE, FLAGS)).toBe(0);
    expect(out.stdout).toBe(USAGE);
  });
});

describe('every command, as a real process', () => {
  const commands = Object.keys(COMMANDS).filter((name) => name !== 'bench');
  it.each(commands)('%s --nope-nope: exit 2, two lines, no usage dump', async (command) => {
    const result = await runProcess(process.execPath, ['scripts/launch.mjs', command, '--nope-nope'], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    expect(result.status).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines, result.stderr).toHaveLength(2);
    expect(lines[0]).toBe('Unknown option `--nope-nope`.');
    expect(lines[1]).toMatch(/^Run `(npm run (--silent )?[\w-]+ --|npx hindsight [\w-]+) --help` for usage\.$/);
  });

  it('search --sevrity suggests --severity', async () => {
    const result = await runProcess(process.execPath, ['scripts/launch.mjs', 'search', 'disk', '--sevrity', 'SEV-1'], { cwd: ROOT, env: process.env });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('did you mean `--severity`?');
  });
});

describe('edit distance', () => {
  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('sevrity', 'severity')).toBe(1);
    expect(editDistance('sevreity', 'severity')).toBe(1);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('picks the nearest candidate within the bound', () => {
    expect(nearestWord('--srevice', ['--severity', '--service'])).toBe('--service');
    expect(nearestWord('--xyz', ['--severity'])).toBeUndefined();
  });
});
