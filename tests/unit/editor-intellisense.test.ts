/**
 * docs/EDITORS.md's VS Code set-up, verified without VS Code: the project is
 * synced as `astro sync` (or `astro dev`) does, then the Astro language
 * server (the program the VS Code Astro extension runs, from this project's
 * node_modules) is driven over LSP with the extension's
 * `astro.content-intellisense` option on, as the editor would when a
 * post-mortem is opened. It must flag frontmatter faults, stay silent on a
 * valid post-mortem, complete field names and explain fields on hover; and
 * the `# yaml-language-server: $schema=` line must switch a file to the full
 * committed schema (date patterns included).
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspClient } from './helpers/lsp-client.ts';
import { runProcess } from './helpers/run-process.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const EXAMPLES = 'docs/spec/.llm/completed';
const FILES = ['postmortem-2026-07-01-wal-disk-full.md', 'postmortem-2025-04-09-expired-tls-certificate.md', 'postmortem-2026-10-13-search-dns-ttl.md', 'postmortem-2026-03-22-postgres-16-missing-statistics.md'];
const project = mkdtempSync(path.join(os.tmpdir(), 'hindsight-editor-'));
let server: LspClient;

const exampleText = (file: string) => readFileSync(path.join(ROOT, EXAMPLES, file), 'utf8');
const messages = (diagnostics: { message: string }[]) => diagnostics.map((diagnostic) => diagnostic.message);

beforeAll(async () => {
  for (const item of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'schema', 'content']) cpSync(path.join(ROOT, item), path.join(project, item), { recursive: true });
  mkdirSync(path.join(project, EXAMPLES), { recursive: true });
  for (const file of FILES) cpSync(path.join(ROOT, EXAMPLES, file), path.join(project, EXAMPLES, file));
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(project, 'node_modules'), 'dir');
  const sync = await runProcess(process.execPath, ['node_modules/astro/astro.js', 'sync'], { cwd: project, env: { ...process.env, POSTMORTEM_DIR: '' } });
  expect(sync.status, sync.stderr + sync.stdout).toBe(0);
  server = new LspClient(process.execPath, [path.join(ROOT, 'node_modules/@astrojs/language-server/bin/nodeServer.js'), '--stdio'], project);
  await server.initialize(project, { contentIntellisense: true, typescript: { tsdk: path.join(ROOT, 'node_modules/typescript/lib') } });
}, 400_000);

afterAll(() => {
  server?.close();
  rmSync(project, { recursive: true, force: true });
});

describe('VS Code with the Astro extension and content intellisense (docs/EDITORS.md)', () => {
  it('reports nothing for a valid post-mortem', async () => {
    const uri = server.open(path.join(project, EXAMPLES, FILES[0]!), exampleText(FILES[0]!));
    expect(messages(await server.diagnosticsOf(uri))).toEqual([]);
  }, 400_000);

  it('flags a wrong severity, a missing title and an unknown field in the frontmatter, on their lines', async () => {
    const text = exampleText(FILES[1]!)
      .replace(/^title: .*\n/m, '')
      .replace(/^severity: .*$/m, 'severity: critical')
      .replace(/^status: /m, 'owner: "@dana"\nstatus: ');
    const uri = server.open(path.join(project, EXAMPLES, FILES[1]!), text);
    const diagnostics = await server.diagnosticsOf(uri);
    const lines = text.split('\n');
    const at = (message: RegExp) => diagnostics.find((diagnostic) => message.test(diagnostic.message));
    expect(lines[at(/Value is not accepted.*SEV-1/)!.range.start.line]).toBe('severity: critical');
    expect(at(/Missing property "title"/)).toBeDefined();
    expect(lines[at(/Property owner is not allowed/)!.range.start.line]).toMatch(/^owner:/);
  }, 400_000);

  it('completes the fields not written yet and explains a field on hover', async () => {
    const text = exampleText(FILES[2]!).replace(/^status: .*\n/m, '').replace(/^---\n/, '---\n\n');
    const uri = server.open(path.join(project, EXAMPLES, FILES[2]!), text);
    await server.diagnosticsOf(uri);
    const completion = await server.request<{ items: { label: string }[] } | { label: string }[]>('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 0 } });
    const labels = (Array.isArray(completion) ? completion : completion.items).map((item) => item.label);
    expect(labels).toContain('status');
    expect(labels).not.toContain('title');
    const severityLine = text.split('\n').findIndex((line) => line.startsWith('severity:'));
    const hover = await server.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line: severityLine, character: 2 } });
    expect(hover.contents.value).toContain('SEV-1 (worst) to SEV-4');
  }, 400_000);

  it('uses the full committed schema (real calendar dates) with a `# yaml-language-server: $schema=` line', async () => {
    const schemaUrl = pathToFileURL(path.join(project, 'schema/postmortem-frontmatter.schema.json')).href;
    const text = exampleText(FILES[3]!).replace(/^---\n/, `---\n# yaml-language-server: $schema=${schemaUrl}\n`).replace(/^started_at: \d{4}-\d{2}-\d{2}/m, 'started_at: 2026-02-30');
    const uri = server.open(path.join(project, EXAMPLES, FILES[3]!), text);
    const diagnostics = await server.diagnosticsOf(uri);
    const lines = text.split('\n');
    const pattern = diagnostics.find((diagnostic) => diagnostic.message.startsWith('Must be a real date and time, ISO 8601 with a zone'));
    expect(pattern, JSON.stringify(diagnostics)).toBeDefined();
    expect(lines[pattern!.range.start.line]).toMatch(/^started_at: 2026-02-30/);
  }, 400_000);
});
