/**
 * What validate accepts, the build builds: every hostile input that passes
 * `validate` (the corpus in tests/fixtures/hostile-input, the awkward files,
 * and runs of each character class, nesting at the limit) goes into one
 * temporary archive and one real `astro build`. It must exit 0 with no stack
 * trace, give every accepted file a page whose body is not empty, and write
 * no page or data file over 2 MB. A second, small build with validation
 * bypassed shows that a body that cannot render stops the build, naming it.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bodyOfPage } from '../../src/lib/site/search/pagefind-page.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_BRACKETS_PER_BLOCK, MAX_NESTING } from '../../src/lib/postmortem/safety/nesting.ts';
import { parsePostmortem } from '../../src/lib/postmortem/parsing/parse.ts';
import { readSource } from '../../src/lib/postmortem/parsing/source.ts';
import { checkFile } from '../../src/lib/postmortem/validation/validate.ts';
import { FIXTURES } from './helpers/validate-files.ts';
import { DEFAULT_SIZE_LIMITS } from '../../src/lib/postmortem/safety/limits.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const temp = mkdtempSync(path.join(os.tmpdir(), 'hindsight-hostile-build-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const VALID = readFileSync(path.join(FIXTURES, 'valid', 'postmortem-2026-03-14-report-export-timeouts.md'), 'utf8');
const MAX_FILE_BYTES = 2 * 1024 * 1024;

function build(archive: string, out: string, env: NodeJS.ProcessEnv = {}): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/astro/astro.js'), 'build'], {
      cwd: ROOT,
      env: { ...process.env, ...env, POSTMORTEM_DIR: archive, HINDSIGHT_OUT_DIR: out, NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, output }));
  });
}

/** A copy of the valid file dated `day` of March 2026 (so slugs differ) with `body` before the Timeline. */
function variant(day: number, name: string, body: string): [string, string] {
  const date = `2026-03-${String(day).padStart(2, '0')}`;
  return [`postmortem-${date}-${name}.md`, VALID.replaceAll('2026-03-14', date).replace('## Timeline', `${body}\n\n## Timeline`)];
}

const RUN_UNITS = ['.', ' ', 'a', '1', '|', '*', '#', '-', '[', ']', '`', '>', '_', '<', '(', '!', ':', '\\', '&', '~', '"', '=', '@', '{', 'a ', '- ', '> ', '| ', '](', '1. ', '**a ', '\u200b', 'é'];

function generated(): [string, string][] {
  const files: [string, string][] = [];
  // One run per file (brackets just under their limit), each on its own day so the slugs are unique.
  RUN_UNITS.forEach((unit, at) => {
    const [name, text] = variant(1 + (at % 28), `run-${at}`, `Text ${unit.repeat(unit.includes(']') ? MAX_BRACKETS_PER_BLOCK - 1 : Math.ceil(6000 / unit.length))} end.`);
    files.push([name.replace('.md', `-${at < 28 ? 'a' : 'b'}.md`), text]);
  });
  files.push(variant(29, 'quotes-at-limit', `${'> '.repeat(MAX_NESTING)}deep`));
  files.push(variant(30, 'list-at-limit', Array.from({ length: MAX_NESTING }, (_, level) => `${'  '.repeat(level)}- level ${level + 1}`).join('\n')));
  files.push(variant(31, 'mixed-at-limit', `${'> - '.repeat(MAX_NESTING / 2)}deep`));
  // Frontmatter both readers accept, written in the ways that once split differently.
  const [crlfName, crlf] = variant(27, 'crlf-bom-comments', 'Body text.');
  files.push([crlfName, `\uFEFF${crlf.replace('tags:\n', '# a comment\ntags: # trailing\n').replace(/\n/g, '\r\n')}`]);
  const [dateName, dateTitle] = variant(26, 'date-like-title', 'Body text.');
  files.push([dateName, dateTitle.replace(/^title: .*$/m, 'title: 2026-03-26').replace(/\n---\n/, '\n---   \n')]);
  files.push(variant(28, 'headings-like-page-ids', '## main\n\nText.\n\n## PM links\n\nMore text.\n\n### Related incidents\n\n### Learning notes\n\nEnd.'));
  return files;
}

describe('every hostile file validate accepts builds', () => {
  it('one build of them all: exit 0, no stack trace, no empty body, no file over 2 MB', async () => {
    const archive = path.join(temp, 'archive');
    mkdirSync(archive);
    for (const folder of ['hostile-input', 'awkward']) {
      for (const name of readdirSync(path.join(FIXTURES, folder))) copyFileSync(path.join(FIXTURES, folder, name), path.join(archive, name));
    }
    for (const [name, text] of generated()) writeFileSync(path.join(archive, name), text);
    // Only what validate accepts (warnings allowed) is kept: the build gate would stop at anything else.
    const accepted: string[] = [];
    const refused: string[] = [];
    for (const name of readdirSync(archive)) {
      const source = readSource(path.join(archive, name), DEFAULT_SIZE_LIMITS.fileBytes.value);
      const problems = checkFile(parsePostmortem(name, source.text, source));
      if (problems.some((problem) => problem.level === 'error')) {
        rmSync(path.join(archive, name));
        refused.push(name);
      }
      else accepted.push(name);
    }
    // Every generated file is one validate must accept: runs of any character, nesting at the limit.
    expect(refused.filter((name) => generated().some(([made]) => made === name))).toEqual([]);
    expect(accepted.length).toBeGreaterThanOrEqual(RUN_UNITS.length + 8);

    const out = path.join(temp, 'dist');
    const { status, output } = await build(archive, out);
    expect(output).not.toMatch(/\n\s+at .*\.(?:js|mjs|ts):\d+/);
    expect(output).not.toMatch(/Error rendering|Maximum call stack/);
    expect(status, output.slice(-2000)).toBe(0);

    for (const name of accepted) {
      const slug = name.replace(/^postmortem-/, '').replace(/\.mdx?$/, '');
      const page = readFileSync(path.join(out, 'incidents', slug, 'index.html'), 'utf8');
      const body = bodyOfPage(page);
      expect(body.replace(/<[^>]*>/g, '').trim().length, name).toBeGreaterThan(100);
      // No body heading takes an id the page uses (`main`, `pm-links`…): every id on the page is unique.
      const ids = [...page.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]!);
      expect(ids.filter((id, at) => ids.indexOf(id) !== at), name).toEqual([]);
    }
    const oversized: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (statSync(file).size > MAX_FILE_BYTES) oversized.push(`${path.relative(out, file)}: ${statSync(file).size} bytes`);
      }
    };
    walk(out);
    expect(oversized).toEqual([]);
  }, 900_000);

  it('a body that cannot render (validation bypassed) stops the build, naming the file', async () => {
    const archive = path.join(temp, 'unrenderable');
    mkdirSync(archive);
    writeFileSync(path.join(archive, 'postmortem-2026-03-14-report-export-timeouts.md'), VALID);
    const [name, text] = variant(15, 'deep-quotes', `${'> '.repeat(8000)}deep`);
    writeFileSync(path.join(archive, name), text);
    const { status, output } = await build(archive, path.join(temp, 'dist-unrenderable'), { HINDSIGHT_BUILD_INVALID: '1' });
    expect(status).not.toBe(0);
    expect(output).toContain(`${name}:1:1  error  the body did not render`);
  }, 900_000);
});
