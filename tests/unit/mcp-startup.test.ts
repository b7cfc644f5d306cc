/**
 * The MCP server starts with only what `initialize` and `tools/list` need: a
 * client that starts it for one call must not wait for the parser, the
 * validator or the search engine, nor for the archive to be read. Each tool
 * loads its code on its first call. Measured by which modules the process has
 * loaded (a module-load log), not by the clock.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'hindsight-mcp-start-'));
const LOG = path.join(scratch, 'loaded.txt');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The project's own modules loaded so far, relative to the repository. */
function loaded(): string[] {
  const urls = readFileSync(LOG, 'utf8').split('\n').filter((url) => url.startsWith('file://') && !url.includes('/node_modules/'));
  return [...new Set(urls.map((url) => path.relative(ROOT, new URL(url).pathname)))];
}

const HEAVY = ['src/lib/postmortem/parsing/parse.ts', 'src/lib/postmortem/validation/validate.ts', 'src/lib/agent/agent-archive.ts', 'src/lib/search/engine.ts', 'src/lib/agent/agent-search.ts'];

describe('MCP server start', { timeout: 120_000 }, () => {
  it('initialize and tools/list load no parser, validator or search engine; the calls that need them load them', async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: ['--import', 'tsx', '--import', './tests/unit/helpers/load-log.mjs', 'scripts/cli/mcp-cli.ts'],
      cwd: ROOT,
      env: { ...(process.env as Record<string, string>), POSTMORTEM_DIR: 'docs/spec/.llm/completed', HINDSIGHT_LOAD_LOG: LOG },
      stderr: 'pipe',
    });
    const client = new Client({ name: 'hindsight-start-test', version: '1.0.0' });
    try {
      await client.connect(transport);
      const { tools } = await client.listTools();
      expect(tools).toHaveLength(6);
      const atStart = loaded();
      expect(atStart).toContain('scripts/lib/mcp-server.ts');
      expect(atStart.filter((file) => HEAVY.includes(file))).toEqual([]);

      const result = await client.callTool({ name: 'search_postmortems', arguments: { query: 'postgres', limit: 1 } });
      expect(result.isError).toBeFalsy();
      // A search answered from a current index snapshot parses nothing; reading a post-mortem does.
      expect(loaded()).toEqual(expect.arrayContaining(['src/lib/search/engine.ts', 'src/lib/agent/agent-search.ts']));
      const shown = await client.callTool({ name: 'get_postmortem', arguments: { slug: '2025-04-09-expired-tls-certificate' } });
      expect(shown.isError).toBeFalsy();
      const afterCall = loaded();
      expect(HEAVY.filter((file) => !afterCall.includes(file))).toEqual([]);
      // What starting costs, as a share of what one call needs: well under half the project's modules.
      expect(atStart.length * 2).toBeLessThan(afterCall.length);
    } finally {
      await client.close();
    }
  });

  it('the launcher builds it as chunks: what starting loads holds none of the tools\' code', () => {
    execFileSync(process.execPath, ['scripts/launch.mjs', 'mcp', '--help'], { cwd: ROOT, stdio: 'ignore' });
    const cache = path.join(ROOT, 'node_modules/.cache/hindsight');
    const folder = readdirSync(cache)
      .filter((name) => /^mcp-[0-9a-f]{16}$/.test(name))
      .map((name) => path.join(cache, name))
      .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0]!;
    // The entry and every chunk it imports statically: what V8 compiles before `initialize`.
    const atStart = new Set<string>();
    const visit = (file: string) => {
      if (atStart.has(file)) return;
      atStart.add(file);
      for (const [, chunk] of readFileSync(file, 'utf8').matchAll(/^import\s(?:[^;]*?from\s*)?"(\.\/[^"]+)";?$/gm)) visit(path.join(folder, chunk!));
    };
    visit(path.join(folder, 'mcp-cli.mjs'));
    const startText = [...atStart].map((file) => readFileSync(file, 'utf8')).join('\n');
    const allText = readdirSync(folder).map((file) => readFileSync(path.join(folder, file), 'utf8')).join('\n');
    for (const name of ['function parsePostmortem(', 'function createIncidentSearch(', 'function validatePostmortems(']) {
      expect(allText, name).toContain(name);
      expect(startText, name).not.toContain(name);
    }
  });
});
