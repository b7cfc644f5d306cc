// How fast the MCP server answers a client that starts it, as docs/MCP.md reports:
//   node scripts/bench/mcp-startup.mjs [runs] -- <command…>   (default: node scripts/launch.mjs mcp)
// Spawns the server `runs` times (default 5) and prints, per run, the milliseconds from spawn to the
// `initialize` answer, to the `tools/list` answer and to a first search_postmortems call's answer.
import { spawn } from 'node:child_process';

const split = process.argv.indexOf('--');
const runs = Number(process.argv[2] && split !== 2 ? process.argv[2] : 5);
const command = split > 0 ? process.argv.slice(split + 1) : [process.execPath, 'scripts/launch.mjs', 'mcp'];

async function once() {
  const started = performance.now();
  const child = spawn(command[0], command.slice(1), { stdio: ['pipe', 'pipe', 'inherit'] });
  const waiting = new Map();
  let buffer = '';
  child.stdout.setEncoding('utf8').on('data', (chunk) => {
    buffer += chunk;
    for (let end = buffer.indexOf('\n'); end >= 0; end = buffer.indexOf('\n')) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 1);
      // Anything that is not JSON-RPC (an npm banner) is skipped, as the SDK's client does.
      try {
        const message = JSON.parse(line);
        waiting.get(message.id)?.(message);
      } catch {}
    }
  });
  const request = (id, method, params) =>
    new Promise((resolve) => {
      waiting.set(id, resolve);
      child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id, method, params })}\n`);
    });
  await request(1, 'initialize', { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'mcp-startup', version: '1' } });
  const initialize = performance.now() - started;
  child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' })}\n`);
  await request(2, 'tools/list', {});
  const list = performance.now() - started;
  await request(3, 'tools/call', { name: 'search_postmortems', arguments: { query: 'postgres', limit: 3 } });
  const call = performance.now() - started;
  child.stdin.end();
  return { initialize_ms: Math.round(initialize), tools_list_ms: Math.round(list), first_search_ms: Math.round(call) };
}

for (let run = 0; run < runs; run += 1) console.log(JSON.stringify(await once()));
