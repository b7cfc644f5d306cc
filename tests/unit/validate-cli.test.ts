import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runValidate } from '../../scripts/cli/validate-cli.ts';
import type { CliContext } from '../../scripts/lib/cli.ts';
import { FIXTURES } from './helpers/validate-files.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

async function run(argv: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const ctx: CliContext = { argv, cwd: ROOT, env, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), interactive: false };
  const code = await runValidate(ctx);
  return { code, stdout, stderr };
}

describe('npm run validate', () => {
  it('exits 0 on the shipped examples (the default folder)', async () => {
    const { code, stdout } = await run([]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/✓ 24 post-mortems valid/);
  });

  it('honours POSTMORTEM_DIR', async () => {
    const { code, stdout } = await run([], { POSTMORTEM_DIR: 'tests/fixtures/valid' });
    expect(code).toBe(0);
    expect(stdout).toMatch(/✓ 1 post-mortem valid/);
  });

  it('reports every problem of every file in one run, path:line:col with rule and hint, and exits 1', async () => {
    const { code, stdout } = await run(['tests/fixtures/invalid', 'tests/fixtures/valid']);
    expect(code).toBe(1);
    expect(stdout).toContain('tests/fixtures/invalid/postmortem-2026-03-14-severity-sev5.md:4:1  error    `severity` is `SEV-5`, which must be one of SEV-1, SEV-2, SEV-3, SEV-4  (schema)');
    expect(stdout).toContain('    hint: Write it like e.g. `severity: SEV-2`.');
    expect(stdout).toContain('tests/fixtures/invalid/postmortem-2026-03-14-yaml-tabs.md:7:');
    expect(stdout).toMatch(/✗ 35 of 39 post-mortems invalid/);
  });

  it('prints the documented JSON shape and nothing else on stdout', async () => {
    const { code, stdout } = await run(['tests/fixtures/invalid/postmortem-2026-03-14-unknown-status.md', 'tests/fixtures/valid', '--format', 'json']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report).toEqual({
      files: [
        {
          path: 'tests/fixtures/invalid/postmortem-2026-03-14-unknown-status.md',
          valid: false,
          problems: [{ rule: 'action-item-status', level: 'error', message: 'status `BLOCKED` is not a known status', hint: expect.any(String), line: 80, column: 1 }],
        },
        { path: 'tests/fixtures/valid/postmortem-2026-03-14-report-export-timeouts.md', valid: true, problems: [] },
      ],
      summary: { files: 2, valid: 1, invalid: 1, errors: 1, warnings: 0 },
    });
  });

  it('prints GitHub annotations with escaped text', async () => {
    const { stdout } = await run(['tests/fixtures/invalid/postmortem-2026-03-14-yaml-tabs.md', '--format', 'github']);
    expect(stdout.split('\n')[0]).toBe(
      '::error file=tests/fixtures/invalid/postmortem-2026-03-14-yaml-tabs.md,line=7,col=1,title=Hindsight%3A frontmatter-yaml::YAML does not allow tabs for indentation%0AHint: Indent with spaces (two per level), not tabs.',
    );
  });

  it('--strict makes warnings fail', async () => {
    const file = 'tests/fixtures/invalid/postmortem-2026-03-14-resolved-outside-timeline.md';
    expect((await run([file])).code).toBe(0);
    expect((await run([file, '--strict'])).code).toBe(1);
  });

  it('exits 2 with one line and where the usage is on a usage error', async () => {
    for (const argv of [['--format', 'xml'], ['--bogus'], ['no/such/folder'], ['--jobs', '0'], ['--jobs', 'many']]) {
      const { code, stderr } = await run(argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(stderr).toContain('Run `npm run validate -- --help` for usage.');
    }
  });

  it('exits 1 when the folder holds no post-mortems', async () => {
    const { code, stderr } = await run(['scripts/lib']);
    expect(code).toBe(1);
    expect(stderr).toContain('No post-mortems');
  });

  it('runs as a real process through npm with the right exit code', async () => {
    const result = spawnSync('npm', ['run', '-s', 'validate', '--', path.join(FIXTURES, 'invalid', 'postmortem-2026-03-14-empty.md')], { cwd: ROOT, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('is empty  (frontmatter-missing)');
  });
});
