/** A real `astro build` is the thing tested here: the gate must stop it with validate's messages. */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, validatePaths } from './helpers/validate-files.ts';
import { loadConfig } from '../../src/lib/settings/load-config.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const temp = mkdtempSync(path.join(os.tmpdir(), 'hindsight-gate-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/**
 * Runs `astro build` without blocking the test worker: a build takes a minute on a
 * busy machine, and a worker blocked that long misses vitest's heartbeat (an
 * "onTaskUpdate" timeout fails the run although every test passed).
 */
function build(archive: string): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/astro/astro.js'), 'build'], {
      cwd: ROOT,
      env: { ...process.env, POSTMORTEM_DIR: archive, HINDSIGHT_OUT_DIR: path.join(temp, 'dist'), NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, output: `${stdout}\n${stderr}` }));
  });
}

describe('astro build gate', () => {
  it('fails on malformed post-mortems, naming every file, line and rule as validate does', async () => {
    const archive = path.join(temp, 'mixed');
    mkdirSync(archive);
    copyFileSync(path.join(FIXTURES, 'valid/postmortem-2026-03-14-report-export-timeouts.md'), path.join(archive, 'postmortem-2026-03-14-report-export-timeouts.md'));
    for (const name of ['postmortem-2026-03-14-severity-sev5.md', 'postmortem-2026-03-14-timeline-out-of-order.md']) {
      copyFileSync(path.join(FIXTURES, 'invalid', name), path.join(archive, name));
    }
    const { status, output } = await build(archive);
    expect(status).not.toBe(0);
    expect(output).toContain('postmortem-2026-03-14-severity-sev5.md:4:1  error    `severity` is `SEV-5`, which must be one of SEV-1, SEV-2, SEV-3, SEV-4  (schema)');
    expect(output).toContain('postmortem-2026-03-14-timeline-out-of-order.md:47:1  error');
    expect(output).toContain('(timeline-order)');
    expect(output).toContain('2 of 3 post-mortems invalid');
  });

  it('reports every file of the whole malformed corpus in one run, without crashing', async () => {
    const { status, output } = await build(path.join(FIXTURES, 'invalid'));
    expect(status).not.toBe(0);
    const { files, summary } = validatePaths('invalid');
    expect(files).toHaveLength(readdirSync(path.join(FIXTURES, 'invalid')).length);
    for (const file of files) expect(output, file.path).toContain(path.basename(file.path));
    expect(summary.invalid).toBeGreaterThanOrEqual(30);
    expect(output).toContain(`✗ ${summary.invalid} of ${summary.files} post-mortems invalid`);
    expect(output).not.toMatch(/\n\s+at .*\.(?:js|ts):\d+/);
  });

  it('builds awkward but valid files (byte-order mark, CRLF, unicode title) without leaking frontmatter into pages', async () => {
    const { status, output } = await build(path.join(FIXTURES, 'awkward'));
    expect(status, output).toBe(0);
    for (const slug of ['2026-03-14-bom', '2026-03-14-crlf', '2026-03-14-unicode-title']) {
      const html = readFileSync(path.join(temp, 'dist/incidents', slug, 'index.html'), 'utf8');
      expect(html).not.toContain('root_cause_category');
      expect(html).toContain('Root Cause');
    }
    expect(readFileSync(path.join(temp, 'dist/incidents/2026-03-14-unicode-title/index.html'), 'utf8')).toContain('Zürich-Exporte: Zeitüberschreitung für große Mandanten — 報告');
  });

  it('stops on an .mdx that would run code, before anything is compiled: its code never runs', async () => {
    const archive = path.join(temp, 'mdx');
    mkdirSync(archive);
    const name = 'postmortem-2026-03-22-mdx-code.mdx';
    copyFileSync(path.join(FIXTURES, 'hostile/archive', name), path.join(archive, name));
    const { status, output } = await build(archive);
    expect(status).not.toBe(0);
    expect(output).toContain(`${name}:14:1  error    MDX statement \`import { writeFileSync } from 'node:fs';\` would run code when the site is built  (mdx-trust)`);
    expect(output).toContain('Astro directive `set:html` is not allowed in a post-mortem  (mdx-trust)');
    // The fixture's export writes this file into the output folder if it ever runs.
    expect(existsSync(path.join(temp, 'dist', 'mdx-ran.txt'))).toBe(false);
  });

  it('fails loudly on an archive with no post-mortems', async () => {
    const archive = path.join(temp, 'empty');
    mkdirSync(archive);
    const { status, output } = await build(archive);
    expect(status).not.toBe(0);
    expect(output).toMatch(/No post-mortems \(\*\.md, \*\.mdx\) in/);
  });

  it('fails when the configured folder does not exist', async () => {
    const { status, output } = await build(path.join(temp, 'missing'));
    expect(status).not.toBe(0);
    expect(output).toMatch(/does not exist/);
  });
});

describe('the build gate and `npm run validate`: one assembly, one cache', () => {
  it('the gate reports what the CLI stored in the shared cache (planted here to tell the two apart)', async () => {
    const { execFileSync } = await import('node:child_process');
    const { writeFileSync } = await import('node:fs');
    const { archiveGate } = await import('../../src/integrations/archive-gate.ts');
    const { checkerVersion, defaultCacheDir } = await import('../../src/lib/postmortem/validation/validation-cache.ts');
    const archive = path.join(temp, 'shared-cache');
    mkdirSync(archive);
    const name = 'postmortem-2026-03-14-report-export-timeouts.md';
    copyFileSync(path.join(FIXTURES, 'valid', name), path.join(archive, name));
    // The bundled CLI writes its results under the version it computes from the sources…
    execFileSync(process.execPath, ['scripts/launch.mjs', 'validate', archive], { cwd: ROOT });
    const cacheFile = path.join(defaultCacheDir(), `validate-results-${checkerVersion()}.json`);
    const stored = JSON.parse(readFileSync(cacheFile, 'utf8')) as { entries: Record<string, { problems: unknown[]; spellings?: unknown[] }> };
    // …this file's entry gets a problem no rule reports.
    const planted = { rule: 'planted-by-test', level: 'warning', message: 'answered from the cache', hint: '', line: 1, column: 1 };
    const fileText = readFileSync(path.join(archive, name), 'utf8');
    const { cacheKey } = await import('../../src/lib/postmortem/validation/validate.ts');
    const { displayPath } = await import('../../src/lib/postmortem/archive/archive.ts');
    const key = cacheKey(displayPath(path.join(archive, name)), { text: fileText, bytes: Buffer.byteLength(fileText), problem: null });
    expect(stored.entries[key]!.problems).toEqual([]);
    const spellings = stored.entries[key]!.spellings;
    stored.entries[key] = { problems: [planted], spellings };
    writeFileSync(cacheFile, JSON.stringify(stored));
    const logged: string[] = [];
    const logger = { info: (m: string) => logged.push(m), warn: (m: string) => logged.push(m), error: (m: string) => logged.push(m) };
    const setup = archiveGate(loadConfig({ POSTMORTEM_DIR: archive }, ROOT)).hooks['astro:config:setup'] as unknown as (options: { command: string; logger: typeof logger }) => void;
    try {
      setup({ command: 'dev', logger });
    } finally {
      stored.entries[key] = { problems: [], spellings };
      writeFileSync(cacheFile, JSON.stringify(stored));
    }
    expect(logged.join('\n')).toContain('answered from the cache  (planted-by-test)');
  });
});
