/**
 * `npm run --silent mcp [-- --dir PATH]`
 * Hindsight's MCP server on standard input and output (tools: scripts/lib/mcp-server.ts;
 * set-up for agent clients: docs/MCP.md).
 * Exit 2 on a usage error; otherwise it serves until the client closes the pipe.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { codeRoot } from '../../src/lib/code-root.ts';
import { loadConfig } from '../../src/lib/settings/load-config.ts';
import { boundedMessages } from '../lib/bounded-stdin.ts';
import { EXIT, parseCommand, runIfMain, type CliContext } from '../lib/cli.ts';
import { createHindsightServer } from '../lib/mcp-server.ts';

export const MCP_USAGE = `Usage: npm run --silent mcp [-- --dir PATH]

Starts Hindsight's MCP server over standard input/output for an agent
client (Claude Code, an IDE, …); see docs/MCP.md. Tools: search_postmortems,
get_postmortem, find_similar_incidents, list_action_items,
validate_postmortem, scaffold_postmortem (the only one that writes; it never
replaces a file).

Options:
  --dir PATH             the post-mortem folder (default: POSTMORTEM_DIR or
                         docs/spec/.llm/completed)
  --help                 show this help

Use --silent (or call \`node scripts/launch.mjs mcp\`): npm's own banner would
otherwise go to standard output, which carries the protocol.
`;

export async function runMcp(ctx: CliContext): Promise<number> {
  const args = parseCommand(ctx, MCP_USAGE, { allowPositionals: false, options: { dir: { type: 'string' }, help: { type: 'boolean', default: false } } });
  if (typeof args === 'number') return args;
  const settings = loadConfig(ctx.env, ctx.cwd);
  const archiveDir = args.values.dir ? path.resolve(ctx.cwd, args.values.dir) : settings.archiveDir;
  const { version } = JSON.parse(readFileSync(path.join(codeRoot(), 'package.json'), 'utf8')) as { version: string };
  const server = createHindsightServer({ archiveDir, cwd: ctx.cwd, version, settings });
  // One message is bounded before the SDK gathers it (see bounded-stdin.ts); the answer to a dropped one goes straight out.
  const input = process.stdin.pipe(boundedMessages((line) => process.stdout.write(line)));
  const transport = new StdioServerTransport(input as unknown as typeof process.stdin, process.stdout);
  await server.connect(transport);
  // Serve until the client closes the connection; the transport keeps the process alive.
  await new Promise<void>((resolve) => {
    server.server.onclose = () => resolve();
    process.stdin.on('end', () => resolve());
  });
  await server.close();
  return EXIT.ok;
}

runIfMain(import.meta.url, runMcp);
