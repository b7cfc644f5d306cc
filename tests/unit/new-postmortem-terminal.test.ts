/**
 * The interactive scaffold in a real pseudo-terminal (issue 14): Enter on an
 * empty optional answer crashed it (`TypeError … reading 'trim'`), and a grey
 * placeholder looked like a prefilled answer. The stubbed-prompt tests in
 * new-postmortem.test.ts cannot see either: both live in the terminal prompt
 * library. tests/unit/helpers/pty-session.py types the answers.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePostmortem } from '../../src/lib/postmortem/parsing/parse.ts';
import { validatePostmortems } from '../../src/lib/postmortem/validation/validate.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DRIVER = path.join(import.meta.dirname, 'helpers/pty-session.py');
const dir = mkdtempSync(path.join(tmpdir(), 'hindsight-pty-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Session {
  transcript: string;
  screens: string[];
  exit_code: number | null;
  failed_step: number | null;
}

/** Runs the scaffold through npm in a pseudo-terminal (asynchronously: a blocked worker cannot report to vitest). */
async function inTerminal(args: string[], steps: { expect: string; send: string }[]): Promise<Session> {
  const spec = { command: ['npm', 'run', '-s', 'new-postmortem', '--', ...args], cwd: ROOT, env: { ...process.env, TERM: 'xterm-256color' }, steps };
  const { stdout } = await promisify(execFile)('python3', [DRIVER, JSON.stringify(spec)], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(stdout) as Session;
}

describe('npm run new-postmortem in a terminal', () => {
  it('takes an empty start time, shows examples as examples, and writes a valid draft', async () => {
    const session = await inTerminal(
      ['--title', 'Queue stalls after deploy', '--date', '2026-03-14', '--severity', 'SEV-3', '--category', 'unknown', '--author', 'Dana Kim', '--dir', dir],
      [
        { expect: 'Affected services', send: '\r' },
        // Enter on the example is no answer: the error says the grey text is only an example.
        { expect: 'Name at least one service', send: 'api, postgres\r' },
        // Left empty, as the question allows: this crashed before.
        { expect: 'When did it start\\?', send: '\r' },
        { expect: 'Create \\S+\\?', send: '\r' },
      ],
    );
    expect(session.failed_step, session.transcript).toBeNull();
    expect(session.exit_code, session.transcript).toBe(0);
    expect(session.transcript).not.toMatch(/TypeError|\n\s+at /);
    // The service prompt's grey text reads as an example, and so does the error for taking it as an answer.
    expect(session.screens[0]).toMatch(/Affected services \(comma-separated\)\n│ {2}e\.g\. report-export, postgres/);
    expect(session.screens[1]).toContain('the grey text is only an example');
    expect(session.transcript).toContain('Created ');

    const [file] = readdirSync(dir);
    expect(file).toBe('postmortem-2026-03-14-queue-stalls-deploy.md');
    const text = readFileSync(path.join(dir, file!), 'utf8');
    const pm = parsePostmortem(file!, text);
    expect(pm.meta).toMatchObject({ status: 'draft', services: ['api', 'postgres'], authors: ['Dana Kim'] });
    expect(pm.meta!.started_at).toBeUndefined();
    expect(validatePostmortems([pm]).files[0]!.valid).toBe(true);
  });

  it('re-asks a start time it cannot read, then uses the corrected one', async () => {
    const session = await inTerminal(
      ['--title', 'Slow search', '--date', '2026-03-15', '--severity', 'SEV-4', '--category', 'unknown', '--author', 'Dana Kim', '--services', 'search', '--dir', dir, '--dry-run'],
      [
        { expect: 'When did it start\\?', send: 'soon\r' },
        { expect: 'Write HH:MM', send: '\x7f'.repeat(4) + '09:12\r' },
      ],
    );
    expect(session.failed_step, session.transcript).toBeNull();
    expect(session.exit_code, session.transcript).toBe(0);
    expect(session.transcript).toContain('started_at: 2026-03-15T09:12:00Z');
    expect(session.transcript).toContain('Dry run: would create');
  });

  it('Ctrl-C cancels with nothing written', async () => {
    const session = await inTerminal(['--date', '2026-03-16', '--dir', dir], [{ expect: 'Incident title', send: '\x03' }]);
    expect(session.failed_step, session.transcript).toBeNull();
    expect(session.exit_code).toBe(1);
    expect(session.transcript).toContain('Cancelled: nothing was written.');
    expect(readdirSync(dir).filter((name) => name.includes('2026-03-16'))).toEqual([]);
  });
});
