/**
 * `npx hindsight build | dev | preview [astro options]`
 * The site of the repository the command runs in, made by Hindsight's own Astro
 * project: the Astro root is the working directory (so `.astro/`, Vite's cache,
 * the content cache and `dist/` are the user's), the pages and the config are the
 * package's (astro.config.mjs sets srcDir to the package's src/). The choice and
 * its measurements: docs/ARCHITECTURE.md, "Running in the user's repository".
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createRequire } from 'node:module';
import { codeRoot } from '../../src/lib/code-root.ts';
import { EXIT, parseCommand, runIfMain, usageError, type CliContext, type FlagConfig } from '../lib/cli.ts';

export const SITE_USAGE = `Usage: npx hindsight build|dev|preview [astro options]

Builds (build), serves while you edit (dev) or serves the built site
(preview) for the post-mortems of this repository (POSTMORTEM_DIR or the
"hindsight" settings in package.json; default docs/spec/.llm/completed).
The site goes to dist/ (HINDSIGHT_OUT_DIR). These options go to Astro:
--verbose, --silent; for dev and preview also --port 4321, --host 0.0.0.0
and --open.
`;

const ASTRO_COMMANDS = new Set(['build', 'dev', 'preview']);
const OUTPUT_OPTIONS = { verbose: { type: 'boolean' }, silent: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;
const SERVER_OPTIONS = { ...OUTPUT_OPTIONS, port: { type: 'string' }, host: { type: 'string' }, open: { type: 'boolean' } } as const;
const ASTRO_OPTIONS: Record<string, FlagConfig['options']> = { build: OUTPUT_OPTIONS, dev: SERVER_OPTIONS, preview: SERVER_OPTIONS };

export function runSite(ctx: CliContext): Promise<number> | number {
  const [command, ...rest] = ctx.argv;
  if (!command || !ASTRO_COMMANDS.has(command)) return usageError(ctx, SITE_USAGE, `No site command \`${command ?? ''}\`; use build, dev or preview.`);
  // Only the Astro options that make sense here pass through: an unknown flag is a usage error, not a build.
  const flags = parseCommand({ ...ctx, argv: rest }, SITE_USAGE.replace('build|dev|preview', command), { options: ASTRO_OPTIONS[command] });
  if (typeof flags === 'number') return flags;
  const packageRoot = codeRoot();
  const astro = path.join(path.dirname(createRequire(path.join(packageRoot, 'package.json')).resolve('astro/package.json')), 'astro.js');
  // Astro joins --config to the root: it must be relative.
  const args = [astro, command, '--root', ctx.cwd, '--config', path.relative(ctx.cwd, path.join(packageRoot, 'astro.config.mjs')), ...rest];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ctx.cwd, env: ctx.env, stdio: 'inherit' });
    child.on('error', (error) => {
      ctx.stderr(`Could not start Astro (${astro}): ${error.message}\n`);
      resolve(EXIT.usage);
    });
    // Astro's own exit code: 1 when the build gate stops on invalid post-mortems.
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

runIfMain(import.meta.url, runSite);
