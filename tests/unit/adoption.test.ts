/**
 * Hindsight as a team adopts it (issue 24): packed with `npm pack`, installed
 * without network into a fresh repository that has post-mortems of its own,
 * then every command run with `npx hindsight` from that repository's root.
 * Everything written must land in that repository: the installed package's
 * files are listed before and after, and must not change.
 */
import { execFile, execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installOffline } from './helpers/offline-install.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FOLDER = 'docs/postmortems';
const temp = mkdtempSync(path.join(os.tmpdir(), 'hindsight-adoption-'));
const repo = path.join(temp, 'acme-service');
const installed = path.join(repo, 'node_modules', 'hindsight');
let packageFiles: string[] = [];

/** `npx hindsight …` from the repository's root (asynchronous: a blocked worker misses vitest's heartbeats during the build). */
async function hindsight(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)('npx', ['hindsight', ...args], { cwd: repo, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, POSTMORTEM_DIR: '', HINDSIGHT_TODAY: '2026-11-27' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** Every file and folder under `dir` with its size and modification time. */
function listing(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .map((entry) => {
      const full = path.join(entry.parentPath, entry.name);
      const stats = statSync(full);
      return `${path.relative(dir, full)} ${entry.isDirectory() ? 'dir' : `${stats.size} ${stats.mtimeMs}`}`;
    })
    .sort();
}

/** Packs a copy of the package's files, so the checkout never holds the shipped bundles while other tests run. */
async function pack(): Promise<string> {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { files: string[] };
  const copy = path.join(temp, 'hindsight');
  // The top folder of each `files` entry: npm applies the entries' patterns itself.
  const tops = new Set([...manifest.files, 'package.json', 'package-lock.json', 'README.md'].map((entry) => entry.split('/')[0]!));
  for (const entry of [...tops].filter((name) => existsSync(path.join(ROOT, name)))) cpSync(path.join(ROOT, entry), path.join(copy, entry), { recursive: true });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'));
  const { stdout } = await promisify(execFile)('npm', ['pack', '--silent', '--pack-destination', temp], { cwd: copy, encoding: 'utf8' });
  const name = stdout.trim().split('\n').at(-1)!;
  return path.join(temp, name);
}

beforeAll(async () => {
  const tarball = await pack();
  mkdirSync(path.join(repo, FOLDER), { recursive: true });
  execFileSync('git', ['init', '-q', repo]);
  for (const file of ['postmortem-2025-04-09-expired-tls-certificate.md', 'postmortem-2025-05-21-redis-session-eviction.md']) copyFileSync(path.join(ROOT, 'tests/fixtures/site', file), path.join(repo, FOLDER, file));
  // A plain-form post-mortem, as the skill's Step 7 writes without Hindsight: migrate's job.
  copyFileSync(path.join(ROOT, 'tests/fixtures/plain/postmortem-2026-01-31-billing-double-charge.md'), path.join(repo, FOLDER, 'postmortem-2026-01-31-billing-double-charge.md'));
  const npmOutput = await installOffline(ROOT, repo, tarball);
  // A clean install prints no warnings (the install scripts npm 11 asks about are decided in package.json).
  expect(npmOutput).not.toContain('npm warn');
  // The team's settings live in its own package.json.
  const manifest = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as Record<string, unknown>;
  execFileSync('npm', ['pkg', 'set', `hindsight.postmortemDir=${FOLDER}`, 'hindsight.title=Acme incidents'], { cwd: repo });
  expect(manifest.devDependencies).toHaveProperty('hindsight');
  packageFiles = listing(installed);
}, 300_000);

afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('a repository that installed the packed Hindsight', () => {
  it('ships prebuilt commands and no lockfile-dependent compile step', () => {
    expect(readdirSync(path.join(installed, 'cli-bundles'))).toContain('validate-cli.mjs');
    expect(existsSync(path.join(ROOT, 'cli-bundles'))).toBe(false);
  });

  it('init writes the folder, both workflows, Step 7 and the MCP registration, once', async () => {
    rmSync(path.join(repo, FOLDER), { recursive: true, force: true });
    mkdirSync(path.dirname(path.join(repo, FOLDER)), { recursive: true });
    const dry = await hindsight('init', '--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('Would create .mcp.json');
    expect(existsSync(path.join(repo, '.mcp.json'))).toBe(false);

    const first = await hindsight('init');
    expect(first.code, first.stderr).toBe(0);
    for (const file of [`${FOLDER}/`, '.github/workflows/postmortems.yml', '.github/workflows/pages.yml', 'docs/agents/postmortem-step-7.md', '.mcp.json', '.vscode/mcp.json']) expect(first.stdout).toContain(`Created ${file}`);
    const second = await hindsight('init');
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('Nothing to do');
    expect(second.stdout).not.toContain('Created');
    // Put the team's post-mortems back (init made the folder empty).
    for (const file of readdirSync(path.join(ROOT, 'tests/fixtures/site')).filter((name) => /^postmortem-2025-0[45]/.test(name))) copyFileSync(path.join(ROOT, 'tests/fixtures/site', file), path.join(repo, FOLDER, file));
    copyFileSync(path.join(ROOT, 'tests/fixtures/plain/postmortem-2026-01-31-billing-double-charge.md'), path.join(repo, FOLDER, 'postmortem-2026-01-31-billing-double-charge.md'));
  });

  it('the workflows parse, watch the configured folder and run the installed Hindsight', () => {
    for (const name of ['postmortems.yml', 'pages.yml']) {
      const text = readFileSync(path.join(repo, '.github/workflows', name), 'utf8');
      const workflow = parseYaml(text) as { env: Record<string, string>; on: Record<string, { paths?: string[] }>; jobs: Record<string, { steps: { uses?: string; run?: string; with?: Record<string, unknown> }[] }> };
      expect(workflow.env.POSTMORTEM_DIR).toBe(FOLDER);
      expect(Object.values(workflow.on).some((trigger) => trigger?.paths?.includes(`${FOLDER}/**`))).toBe(true);
      const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
      expect(steps.some((step) => step.run === 'npx hindsight build')).toBe(true);
      // No second checkout of Hindsight's repository, no tag to invent.
      expect(steps.filter((step) => step.uses?.startsWith('actions/checkout@')).every((step) => !step.with?.repository)).toBe(true);
      expect(text).not.toContain('.hindsight');
    }
    expect(JSON.parse(readFileSync(path.join(repo, '.mcp.json'), 'utf8'))).toEqual({ mcpServers: { hindsight: { command: 'npx', args: ['hindsight', 'mcp'] } } });
  });

  it('validate finds the plain-form file, migrate --write fixes it, and the archive validates', async () => {
    const before = await hindsight('validate');
    expect(before.code).toBe(1);
    expect(before.stdout).toContain(`${FOLDER}/postmortem-2026-01-31-billing-double-charge.md`);
    const migrated = await hindsight('migrate', `${FOLDER}/postmortem-2026-01-31-billing-double-charge.md`, '--write');
    expect(migrated.code, migrated.stderr).toBe(0);
    const after = await hindsight('validate');
    expect(after.code, after.stdout).toBe(0);
  });

  it("the generated Step 7, followed literally (its scaffold command, then its validate command), ends with a valid file in the repository", async () => {
    const guide = readFileSync(path.join(repo, 'docs/agents/postmortem-step-7.md'), 'utf8');
    const command = (name: string) => guide.split('\n').find((line) => line.startsWith(`npx hindsight ${name} `))!;
    const known: Record<string, string> = { title: 'Queue backlog after deploy', 'SEV-N': 'SEV-3', category: 'deployment', 'service-a,service-b': 'queue,worker', 'your name': 'Dana Kim', 'YYYY-MM-DD': '2026-11-20', 'HH:MM': '09:00' };
    const fill = (line: string) => line.replace(/<([^<>]+)>/g, (whole, name: string) => known[name] ?? whole);
    const shell = (line: string) => promisify(execFile)('bash', ['-c', line], { cwd: repo, encoding: 'utf8', env: { ...process.env, POSTMORTEM_DIR: '' } });
    const scaffold = fill(command('new-postmortem'));
    expect(scaffold).not.toMatch(/<[^>]+>/);
    const created = await shell(scaffold);
    const file = `${FOLDER}/postmortem-2026-11-20-queue-backlog-deploy.md`;
    expect(created.stdout).toContain(`Created ${file}`);
    const validate = command('validate');
    expect(validate).toContain(`${FOLDER}/postmortem-YYYY-MM-DD-short-description.md`);
    const result = await shell(validate.replace(`${FOLDER}/postmortem-YYYY-MM-DD-short-description.md`, file));
    expect(JSON.parse(result.stdout).files[0]).toMatchObject({ path: file, valid: true });
  });

  it('action-items and search read the repository archive', async () => {
    const items = await hindsight('action-items', '--format', 'json');
    expect(items.code, items.stderr).toBe(0);
    expect(JSON.stringify(JSON.parse(items.stdout))).toContain('2026-01-31-billing-double-charge');
    const search = await hindsight('search', 'certificate', '--format', 'json');
    expect(search.code, search.stderr).toBe(0);
    expect(search.stdout).toContain('2025-04-09-expired-tls-certificate');
  });

  it('the MCP server started from the root serves this archive, and its scaffold stays in the post-mortem folder', async () => {
    const client = new Client({ name: 'adoption-test', version: '1.0.0' });
    await client.connect(new StdioClientTransport({ command: 'npx', args: ['hindsight', 'mcp'], cwd: repo, env: { ...(process.env as Record<string, string>), POSTMORTEM_DIR: '' }, stderr: 'pipe' }));
    try {
      const { tools } = await client.listTools();
      expect(tools.map((tool) => tool.name)).toContain('search_postmortems');
      const found = (await client.callTool({ name: 'search_postmortems', arguments: { query: 'redis' } })) as { structuredContent?: Record<string, unknown> };
      expect(JSON.stringify(found.structuredContent)).toContain('2025-05-21-redis-session-eviction');
      const scaffold = { title: 'Cache stampede', date: '2026-11-21', severity: 'SEV-3', services: ['cache'], authors: ['Agent'] };
      const outside = (await client.callTool({ name: 'scaffold_postmortem', arguments: { ...scaffold, directory: '..' } })) as { isError?: boolean };
      expect(outside.isError).toBe(true);
      expect(readdirSync(temp).filter((name) => name.startsWith('postmortem-'))).toEqual([]);
      const made = (await client.callTool({ name: 'scaffold_postmortem', arguments: scaffold })) as { structuredContent?: { path: string } };
      expect(made.structuredContent?.path).toBe(`${FOLDER}/postmortem-2026-11-21-cache-stampede.md`);
    } finally {
      await client.close();
    }
  });

  it('build writes the site of this archive into its dist/, and nothing was written into the package', async () => {
    const built = await hindsight('build');
    expect(built.code, `${built.stdout}\n${built.stderr}`).toBe(0);
    const list = readFileSync(path.join(repo, 'dist/incidents/index.html'), 'utf8');
    for (const slug of ['2025-04-09-expired-tls-certificate', '2026-01-31-billing-double-charge', '2026-11-20-queue-backlog-deploy']) expect(list).toContain(slug);
    expect(readFileSync(path.join(repo, 'dist/index.html'), 'utf8')).toContain('Acme incidents');
    expect(listing(installed)).toEqual(packageFiles);
    // Caches are the repository's own.
    expect(readdirSync(path.join(repo, 'node_modules/.cache/hindsight')).some((name) => name.startsWith('validate-results-'))).toBe(true);
    expect(existsSync(path.join(repo, 'node_modules/.astro'))).toBe(true);
  });
});
