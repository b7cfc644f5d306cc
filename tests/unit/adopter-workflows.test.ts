/**
 * The GitHub workflows adopters copy (docs/ci/) must be valid YAML, call
 * commands that exist, and do what they say: here the validate step runs
 * for real in a checkout laid out as the workflow lays it out.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yaml from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES } from './helpers/validate-files.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const scripts = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
const configSource = readFileSync(path.join(ROOT, 'src/lib/config.ts'), 'utf8');

interface Step { uses?: string; run?: string; env?: Record<string, string>; 'working-directory'?: string }
interface Workflow { on: Record<string, { paths?: string[] } | null>; env: Record<string, string>; jobs: Record<string, { steps: Step[] }> }

function load(name: string): Workflow {
  return yaml.load(readFileSync(path.join(ROOT, 'docs/ci', name), 'utf8')) as Workflow;
}

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

  it('runs only npm scripts and files that exist', () => {
    for (const step of steps.filter((s) => s.run)) {
      for (const [, script] of step.run!.matchAll(/npm run (\S+)/g)) expect(Object.keys(scripts), step.run).toContain(script);
      for (const [, command] of step.run!.matchAll(/\.hindsight\/scripts\/launch\.mjs (\S+)/g)) expect(() => readFileSync(path.join(ROOT, 'scripts', `${command}.ts`))).not.toThrow();
      if (step['working-directory']) expect(step['working-directory']).toBe('.hindsight');
    }
  });

  it('sets only settings Hindsight reads', () => {
    const names = steps.flatMap((step) => Object.keys(step.env ?? {}));
    for (const env of names) expect(configSource, env).toContain(`env.${env}`);
  });
});

describe('the validate step, run as the workflow runs it', () => {
  const step = load('postmortems.yml').jobs.postmortems!.steps.find((s) => s.run?.includes('validate'))!;
  const workspace = path.join(temp, 'workspace');
  const archive = path.join(workspace, 'docs/spec/.llm/completed');
  mkdirSync(archive, { recursive: true });
  cpSync(path.join(FIXTURES, 'valid'), archive, { recursive: true });
  symlinkSync(ROOT, path.join(workspace, '.hindsight'));
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
    expect(execFileSync(process.execPath, [path.join(ROOT, 'scripts/launch.mjs'), 'validate', '--help'], { encoding: 'utf8' })).toContain('Usage: npm run validate');
  });
});
