/**
 * The content collection reads the folder as validate does: a real `astro sync`
 * (which runs the loader and writes the data store) is the thing tested here.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/lib/settings/load-config.ts';
import { renderVersion } from '../../src/lib/markdown/render-version.ts';
import { runProcess } from './helpers/run-process.ts';
import { FIXTURES } from './helpers/validate-files.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const P = 'postmortem-2026-03-14-';
const temp = mkdtempSync(path.join(os.tmpdir(), 'hindsight-loader-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

async function sync(archive: string, env: NodeJS.ProcessEnv = {}) {
  const result = await runProcess(process.execPath, [path.join(ROOT, 'node_modules/astro/astro.js'), 'sync'], {
    cwd: ROOT,
    env: { ...process.env, POSTMORTEM_DIR: archive, NO_COLOR: '1', FORCE_COLOR: '0', ...env },
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** The data store of an archive folder (astro.config.mjs: config.cacheDir, one per folder, and the rendering code's version). */
function dataStore(archive: string): string {
  const cacheDir = `${loadConfig({ POSTMORTEM_DIR: archive }, ROOT).cacheDir}-${renderVersion("safe")}`;
  return readFileSync(path.join(cacheDir, 'data-store.json'), 'utf8');
}

describe('the post-mortem content loader', () => {
  it('never reads through a symbolic link: a link to a system file stays out of the data store', async () => {
    const archive = path.join(temp, 'links');
    mkdirSync(archive);
    copyFileSync(path.join(FIXTURES, 'valid', `${P}report-export-timeouts.md`), path.join(archive, `${P}report-export-timeouts.md`));
    symlinkSync('/etc/passwd', path.join(archive, `${P}passwd.md`));
    // Glob syntax in a link's name must not defeat the exclusion.
    symlinkSync('/etc/passwd', path.join(archive, `${P}[x]{a,b}*.md`));
    const { status, output } = await sync(archive);
    expect(status, output).toBe(0);
    const store = dataStore(archive);
    expect(store).toContain('2026-03-14-report-export-timeouts');
    expect(store).not.toContain('2026-03-14-passwd');
    expect(store).not.toContain('root:');
  });

  it('stops on a body that renders to more HTML than the limit, naming the file', async () => {
    const archive = path.join(temp, 'expansion');
    mkdirSync(archive);
    const valid = readFileSync(path.join(FIXTURES, 'valid', `${P}report-export-timeouts.md`), 'utf8');
    // 4 KB of reference links to one long URL: a few MB of HTML from a file far under the size limit.
    const evidence = `## Evidence\n\n${'[log] '.repeat(700)}\n\n[log]: https://logs.example.com/${'q'.repeat(1500)}\n\n`;
    writeFileSync(path.join(archive, `${P}reference-links.md`), valid.replace('## Lessons Learned', `${evidence}## Lessons Learned`));
    const { status, output } = await sync(archive, { HINDSIGHT_MAX_BODY_HTML_KB: '512' });
    expect(status).toBe(1);
    expect(output).toMatch(new RegExp(`${P}reference-links\\.md:1:1 {2}error {2}the body renders to 1\\.\\d MiB of HTML, over the 0\\.5 MiB limit {2}\\(body-html-size\\)`));
    expect(output).not.toMatch(/\n\s+at .*\.(?:js|ts):\d+/);
  });

  it('keeps the rendered bodies of unchanged post-mortems when one is added (the cache a rebuild starts from)', async () => {
    const archive = path.join(temp, 'added');
    mkdirSync(archive);
    const valid = readFileSync(path.join(FIXTURES, 'valid', `${P}report-export-timeouts.md`), 'utf8');
    writeFileSync(path.join(archive, `${P}report-export-timeouts.md`), valid);
    expect((await sync(archive)).status).toBe(0);
    // Mark the stored rendering: if the next sync rendered this body again, the mark would be gone.
    const storeFile = path.join(`${loadConfig({ POSTMORTEM_DIR: archive }, ROOT).cacheDir}-${renderVersion("safe")}`, 'data-store.json');
    const before = readFileSync(storeFile, 'utf8');
    // The store escapes `<` in rendered HTML.
    const heading = 'Summary\\u003C/h2>';
    expect(before).toContain(heading);
    writeFileSync(storeFile, before.replace(heading, 'Summary (rendered by the first sync)\\u003C/h2>'));
    writeFileSync(path.join(archive, 'postmortem-2026-03-15-added-later.md'), valid.replace(/^title: .*$/m, 'title: Added later'));
    const { status, output } = await sync(archive);
    expect(status, output).toBe(0);
    expect(output).not.toMatch(/Clearing content store|config changed/i);
    const after = dataStore(archive);
    expect(after).toContain('Summary (rendered by the first sync)');
    expect(after).toContain('2026-03-15-added-later');
    // Rendered bodies are stored without their Markdown source (nothing reads it; it was 40% of the store).
    expect(after).not.toContain('"body":');
    expect(after).toContain('"rendered":');
  });
});
