/**
 * `npx hindsight init`, in-process in a temporary repository: what it writes,
 * that it never replaces a file, and that a second run changes nothing.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { runInit } from '../../scripts/cli/init-cli.ts';

let repo = '';
afterEach(() => rmSync(repo, { recursive: true, force: true }));

function init(argv: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const code = runInit({ argv, cwd: repo, env, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), interactive: false });
  return { code, stdout, stderr };
}

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name))).sort();
}

describe('hindsight init', () => {
  it('writes the folder, workflows for that folder, Step 7 and the MCP registration; then has nothing to do', () => {
    repo = mkdtempSync(path.join(os.tmpdir(), 'hindsight-init-'));
    writeFileSync(path.join(repo, 'package.json'), JSON.stringify({ name: 'acme', hindsight: { postmortemDir: 'ops/incidents' } }));
    const first = init([]);
    expect(first.code, first.stderr).toBe(0);
    expect(existsSync(path.join(repo, 'ops/incidents'))).toBe(true);
    const gate = parseYaml(readFileSync(path.join(repo, '.github/workflows/postmortems.yml'), 'utf8')) as { env: Record<string, string>; on: { pull_request: { paths: string[] } } };
    expect(gate.env.POSTMORTEM_DIR).toBe('ops/incidents');
    expect(gate.on.pull_request.paths).toContain('ops/incidents/**');
    const step7 = readFileSync(path.join(repo, 'docs/agents/postmortem-step-7.md'), 'utf8');
    expect(step7).toContain('npx hindsight validate ops/incidents/postmortem-YYYY-MM-DD-short-description.md --format json');
    expect(step7).not.toContain('docs/spec/.llm/completed');
    expect(step7).not.toContain('npm run');
    expect(JSON.parse(readFileSync(path.join(repo, '.vscode/mcp.json'), 'utf8')).servers.hindsight).toEqual({ type: 'stdio', command: 'npx', args: ['hindsight', 'mcp'] });

    const written = files(repo);
    const second = init([]);
    expect(second.stdout).toContain('Nothing to do');
    expect(files(repo)).toEqual(written);
  });

  it('never replaces a file, and --dry-run writes nothing', () => {
    repo = mkdtempSync(path.join(os.tmpdir(), 'hindsight-init-'));
    mkdirSync(path.join(repo, '.github/workflows'), { recursive: true });
    writeFileSync(path.join(repo, '.mcp.json'), '{"mcpServers":{"other":{"command":"x"}}}');
    const dry = init(['--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('--- .github/workflows/pages.yml\n');
    expect(dry.stdout).toContain('Exists, left as it is: .mcp.json (to register Hindsight\'s server, add to it: "hindsight": {"command":"npx","args":["hindsight","mcp"]})');
    expect(files(repo)).toEqual(['.github', '.github/workflows', '.mcp.json']);
    const real = init([]);
    expect(real.stdout).toContain('Created .vscode/mcp.json');
    expect(readFileSync(path.join(repo, '.mcp.json'), 'utf8')).toBe('{"mcpServers":{"other":{"command":"x"}}}');
    expect(files(repo).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a folder outside the repository (exit 2)', () => {
    repo = mkdtempSync(path.join(os.tmpdir(), 'hindsight-init-'));
    const result = init([], { POSTMORTEM_DIR: '/elsewhere' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('outside this repository');
  });
});
