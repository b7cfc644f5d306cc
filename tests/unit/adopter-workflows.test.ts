/**
 * The GitHub workflows adopters copy (docs/ci/) must be valid YAML, call
 * commands that exist, and do what they say: here the validate step runs
 * for real in a checkout laid out as the workflow lays it out.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../scripts/commands.mjs';
import { loadConfig } from '../../src/lib/settings/load-config.ts';
import { FIXTURES } from './helpers/validate-files.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const scripts = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
const configSource = readFileSync(path.join(ROOT, 'src/lib/settings/load-config.ts'), 'utf8');

type Permissions = Record<string, string>;
interface Step { uses?: string; run?: string; env?: Record<string, string>; with?: Record<string, unknown>; 'working-directory'?: string }
interface Job { permissions?: Permissions; steps: Step[] }
interface Workflow { on: Record<string, { paths?: string[] } | null>; env: Record<string, string>; permissions?: Permissions; jobs: Record<string, Job> }

function source(name: string): string {
  return readFileSync(path.join(ROOT, 'docs/ci', name), 'utf8');
}

function load(name: string): Workflow {
  return parseYaml(source(name)) as Workflow;
}

/** What a job may do: its own permissions, else the workflow's. */
function permissionsOf(workflow: Workflow, job: Job): Permissions {
  return job.permissions ?? workflow.permissions ?? {};
}

const WRITE_SCOPES = (permissions: Permissions) => Object.entries(permissions).filter(([, level]) => level === 'write').map(([scope]) => scope);

const temp = mkdtempSync(path.join(os.tmpdir(), 'hindsight-workflow-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe.each(['postmortems.yml', 'pages.yml'])('docs/ci/%s', (name) => {
  const workflow = load(name);
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);

  it('is a workflow triggered by changes to the post-mortem folder', () => {
    const trigger = workflow.on.pull_request ?? workflow.on.push;
    expect(trigger?.paths).toContain('docs/spec/.llm/completed/**');
    expect(workflow.env.POSTMORTEM_DIR).toBe('docs/spec/.llm/completed');
  });

  it('runs only commands of the installed Hindsight, from the repository root', () => {
    for (const step of steps.filter((s) => s.run)) {
      for (const [, command] of step.run!.matchAll(/npx hindsight (\S+)/g)) expect(Object.keys(COMMANDS), step.run).toContain(command);
      expect(step.run).not.toMatch(/npm run|\.hindsight|--prefix/);
      expect(step['working-directory']).toBeUndefined();
    }
  });

  it('pins every action to a full commit SHA, with its version in a comment', () => {
    const uses = source(name).split('\n').filter((line) => /^\s*-?\s*uses:/.test(line));
    expect(uses.length).toBeGreaterThan(0);
    for (const line of uses) expect(line).toMatch(/uses: [\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
    expect(steps.filter((step) => step.uses).every((step) => /@[0-9a-f]{40}$/.test(step.uses!))).toBe(true);
  });

  it('runs the Hindsight the lockfile pins: npm ci, no checkout of Hindsight, no token left in the checkout', () => {
    expect(steps.some((step) => step.run?.startsWith('npm ci'))).toBe(true);
    const checkouts = steps.filter((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkouts).toHaveLength(1);
    for (const step of checkouts) {
      expect(step.with?.['persist-credentials']).toBe(false);
      expect(step.with?.repository).toBeUndefined();
    }
    expect(workflow.env.HINDSIGHT_REF).toBeUndefined();
  });

  it('grants write access only to a job that runs no post-mortem code', () => {
    expect(WRITE_SCOPES(workflow.permissions ?? {})).toEqual([]);
    for (const job of Object.values(workflow.jobs)) {
      const runsCode = job.steps.some((step) => step.run);
      if (runsCode) expect(WRITE_SCOPES(permissionsOf(workflow, job)), JSON.stringify(job.steps.map((s) => s.run ?? s.uses))).toEqual([]);
    }
  });

  it("keeps the site's build cache (the folder config.ts names) between runs: restored after npm ci, before the build", () => {
    const cacheRoot = path.relative(ROOT, path.dirname(loadConfig({ POSTMORTEM_DIR: 'any' }, ROOT).cacheDir));
    const at = (test: (step: Step) => boolean) => steps.findIndex(test);
    const cache = at((step) => Boolean(step.uses?.startsWith('actions/cache@')) && step.with?.path === cacheRoot);
    expect(cache, `no actions/cache step for ${cacheRoot}`).toBeGreaterThan(-1);
    expect(cache).toBeGreaterThan(at((step) => Boolean(step.run?.includes('npm ci'))));
    expect(cache).toBeLessThan(at((step) => step.run === 'npx hindsight build'));
    expect(String(steps[cache]!.with?.key)).toContain('github.run_id');
    expect(String(steps[cache]!.with?.['restore-keys'])).not.toContain('github.run_id');
  });

  it('sets only settings Hindsight reads', () => {
    const names = steps.flatMap((step) => Object.keys(step.env ?? {}));
    for (const env of names) expect(configSource, env).toContain(`env.${env}`);
  });
});

describe('docs/ci/pages.yml permissions', () => {
  const workflow = load('pages.yml');
  it('gives pages: write and id-token: write to the deploy job alone', () => {
    const writers = Object.entries(workflow.jobs).filter(([, job]) => WRITE_SCOPES(permissionsOf(workflow, job)).length || permissionsOf(workflow, job)['id-token']);
    expect(writers.map(([name]) => name)).toEqual(['deploy']);
    expect(workflow.jobs.deploy!.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(permissionsOf(workflow, workflow.jobs.build!)).toEqual({ contents: 'read' });
    expect(workflow.jobs.deploy!.steps.every((step) => step.uses && !step.run)).toBe(true);
  });
});

describe('the validate step, run as the workflow runs it', () => {
  const step = load('postmortems.yml').jobs.postmortems!.steps.find((s) => s.run?.includes('validate'))!;
  const workspace = path.join(temp, 'workspace');
  const archive = path.join(workspace, 'docs/spec/.llm/completed');
  mkdirSync(archive, { recursive: true });
  cpSync(path.join(FIXTURES, 'valid'), archive, { recursive: true });
  // Installed as a dependency is: node_modules/hindsight and its executable on npx's path.
  mkdirSync(path.join(workspace, 'node_modules/.bin'), { recursive: true });
  symlinkSync(ROOT, path.join(workspace, 'node_modules/hindsight'));
  symlinkSync(path.join(ROOT, 'scripts/hindsight.mjs'), path.join(workspace, 'node_modules/.bin/hindsight'));
  const run = () => spawnSync('bash', ['-c', step.run!], { cwd: workspace, encoding: 'utf8', env: { ...process.env, POSTMORTEM_DIR: 'docs/spec/.llm/completed' } });

  it('passes on valid post-mortems', () => {
    const result = run();
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('fails with annotations whose paths are relative to the repository root', () => {
    copyFileSync(path.join(FIXTURES, 'invalid/postmortem-2026-03-14-severity-sev5.md'), path.join(archive, 'postmortem-2026-03-14-severity-sev5.md'));
    const result = run();
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('::error file=docs/spec/.llm/completed/postmortem-2026-03-14-severity-sev5.md,line=4,col=1,title=Hindsight%3A schema::');
  });

  it('starts through the launcher, as npm run validate does', () => {
    expect(scripts.validate).toBe('node scripts/launch.mjs validate');
    expect(execFileSync(process.execPath, [path.join(ROOT, 'scripts/hindsight.mjs'), 'validate', '--help'], { encoding: 'utf8' })).toContain('Usage: npm run validate');
  });
});
