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
import { EXIT, runIfMain, usageError, type CliContext } from '../lib/cli.ts';

export const SITE_USAGE = `Usage: npx hindsight build|dev|preview [astro options]

Builds (build), serves while you edit (dev) or serves the built site
(preview) for the post-mortems of this repository (POSTMORTEM_DIR or the
"hindsight" settings in package.json; default docs/spec/.llm/completed).
The site goes to dist/ (HINDSIGHT_OUT_DIR). Other options go to Astro,
e.g. --port 4321 or --host.
`;

const ASTRO_COMMANDS = new Set(['build', 'dev', 'preview']);

export function runSite(ctx: CliContext): Promise<number> | number {
  const [command, ...rest] = ctx.argv;
  if (!command || !ASTRO_COMMANDS.has(command)) return usageError(ctx, SITE_USAGE, `No site command \`${command ?? ''}\`; use build, dev or preview.`);
  if (rest.includes('--help') || rest.includes('-h')) {
    ctx.stdout(SITE_USAGE);
    return EXIT.ok;
  }
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
