/**
 * The CLIs as scripts call them (issue 14: `npm run action-items -- --format csv | head`
 * began with npm's banner). Output meant for a pipe must start with the data:
 * `npm run -s …` and the package's own executable, `npx hindsight …`.
 */
import { execFile } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../src/lib/postmortem/ledger/ledger-export.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const HEADER = CSV_COLUMNS.join(',');

/** Runs a command as a shell pipeline would see it: stdout only, as text. */
async function piped(command: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  try {
    const { stdout, stderr } = await promisify(execFile)(command, args, { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('the CLIs in a pipe', () => {
  it('npm run -s action-items -- --format csv starts with the CSV header', async () => {
    const { code, stdout } = await piped('npm', ['run', '-s', 'action-items', '--', '--format', 'csv', '--today', '2026-04-15']);
    expect(code).toBe(0);
    expect(stdout.split('\r\n')[0]).toBe(HEADER);
  });

  it('without -s, npm puts its banner first: why the docs say -s', async () => {
    const { stdout } = await piped('npm', ['run', 'action-items', '--', '--format', 'csv', '--today', '2026-04-15']);
    expect(stdout.split('\n')[0]).not.toBe(HEADER);
    expect(stdout).toContain('> hindsight@');
  });

  it('npx hindsight action-items --format csv starts with the CSV header', async () => {
    const { code, stdout, stderr } = await piped('npx', ['hindsight', 'action-items', '--format', 'csv', '--today', '2026-04-15']);
    expect(code, stderr).toBe(0);
    expect(stdout.split('\r\n')[0]).toBe(HEADER);
  });

  it('npx hindsight validate prints only the report and sets the exit code', async () => {
    const valid = await piped('npx', ['hindsight', 'validate', 'docs/spec/.llm/completed', '--format', 'json']);
    expect(valid.code).toBe(0);
    expect(JSON.parse(valid.stdout).summary).toMatchObject({ invalid: 0 });
    const invalid = await piped('npx', ['hindsight', 'validate', 'tests/fixtures/invalid']);
    expect(invalid.code).toBe(1);
  });
});

describe('hindsight (package.json "bin")', () => {
  const bin = path.join(ROOT, 'scripts/hindsight.mjs');

  it('is declared, executable and starts with a node shebang', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(pkg.bin).toEqual({ hindsight: 'scripts/hindsight.mjs' });
    expect(statSync(bin).mode & 0o111).not.toBe(0);
    expect(readFileSync(bin, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
  });

  it('lists its commands on --help, and an unknown or missing command is a usage error', async () => {
    const help = await piped(process.execPath, [bin, '--help']);
    expect(help.code).toBe(0);
    for (const command of ['validate', 'action-items', 'new-postmortem', 'migrate']) expect(help.stdout).toContain(`  ${command} `);
    const unknown = await piped(process.execPath, [bin, 'bench']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command `bench`.');
    expect(unknown.stdout).toBe('');
    expect((await piped(process.execPath, [bin])).code).toBe(2);
  });

  it('runs new-postmortem and migrate too (each finds its template from the bundle)', async () => {
    const scaffold = await piped(process.execPath, [bin, 'new-postmortem', '--title', 'Queue stalls', '--severity', 'SEV-4', '--services', 'api', '--author', 'Dana Kim', '--date', '2026-01-02', '--dry-run']);
    expect(scaffold.code, scaffold.stderr).toBe(0);
    expect(scaffold.stdout).toMatch(/^---\ntitle: Queue stalls\n/);
    const migrate = await piped(process.execPath, [bin, 'migrate', '--help']);
    expect(migrate.code).toBe(0);
    expect(migrate.stdout).toContain('Usage: npm run migrate');
  });
});
