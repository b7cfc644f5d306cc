/**
 * `npx hindsight init [--dry-run]`
 * Sets the repository it runs in up for Hindsight: the post-mortem folder, the
 * gate and Pages workflows, the agents' Step 7 and the MCP registration
 * (src/lib/setup/setup-files.ts). Never replaces a file: an existing one is
 * named and left as it is, so a second run changes nothing.
 * Exit 0: done (or nothing to do); 2: usage error or a file could not be written.
 */
import { existsSync, linkSync, mkdirSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { codeRoot } from '../../src/lib/code-root.ts';
import { loadConfig } from '../../src/lib/settings/load-config.ts';
import { MCP_COMMAND, setupFiles } from '../../src/lib/setup/setup-files.ts';
import { EXIT, parseCommand, runIfMain, usageError, type CliContext } from '../lib/cli.ts';

export const INIT_USAGE = `Usage: npx hindsight init [options]

Sets this repository up for Hindsight: creates the post-mortem folder
(POSTMORTEM_DIR or the "hindsight" settings; default
docs/spec/.llm/completed) and writes the CI gate and the Pages workflow
(.github/workflows/), the agents' Step 7 (docs/agents/) and the MCP
registration (.mcp.json, .vscode/mcp.json). Never replaces a file.

Options:
  --dry-run              print the files instead of writing them
  --help                 show this help
`;

export function runInit(ctx: CliContext): number {
  const args = parseCommand(ctx, INIT_USAGE, { options: { 'dry-run': { type: 'boolean' }, help: { type: 'boolean' } } });
  if (typeof args === 'number') return args;
  const dryRun = Boolean(args.values['dry-run']);
  const config = loadConfig(ctx.env, ctx.cwd);
  const shown = (file: string) => path.relative(ctx.cwd, file).split(path.sep).join('/') || '.';
  if (!config.archiveDir.startsWith(ctx.cwd + path.sep)) {
    return usageError(ctx, INIT_USAGE, `The post-mortem folder \`${config.archiveDir}\` is outside this repository (\`${ctx.cwd}\`); run init from the repository root, or set a folder inside it.`);
  }

  const created: string[] = [];
  const kept: string[] = [];
  if (existsSync(config.archiveDir)) kept.push(`${shown(config.archiveDir)}/`);
  else {
    if (!dryRun) mkdirSync(config.archiveDir, { recursive: true });
    created.push(`${shown(config.archiveDir)}/`);
  }
  for (const file of setupFiles(codeRoot(), ctx.cwd, config.archiveDir, config.outDir)) {
    const target = path.join(ctx.cwd, file.path);
    if (existsSync(target)) {
      // A registration file of the team's own: say what to add to it rather than touch it.
      kept.push(file.path.endsWith('mcp.json') ? `${file.path} (to register Hindsight's server, add to it: "hindsight": ${JSON.stringify(MCP_COMMAND)})` : file.path);
      continue;
    }
    if (dryRun) ctx.stdout(`--- ${file.path}\n${file.text}${file.text.endsWith('\n') ? '' : '\n'}`);
    else createExclusive(target, file.text);
    created.push(file.path);
  }

  const verb = dryRun ? 'Would create' : 'Created';
  for (const file of created) ctx.stdout(`${verb} ${file}\n`);
  for (const file of kept) ctx.stdout(`Exists, left as it is: ${file}\n`);
  if (!created.length) ctx.stdout('Nothing to do: this repository is set up already.\n');
  else if (!dryRun) ctx.stdout(`Next: \`npx hindsight new-postmortem\` for a first post-mortem; commit the files above; for Pages, set Settings → Pages → Source to "GitHub Actions".\n`);
  return EXIT.ok;
}

/**
 * Writes `text` to `target` only if nothing is there, and never half: the text goes to a
 * temporary file first, then is linked into place (a link fails if the name exists).
 */
function createExclusive(target: string, text: string): void {
  mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.${process.pid}.tmp`;
  writeFileSync(partial, text, { flag: 'wx' });
  try {
    linkSync(partial, target);
  } finally {
    unlinkSync(partial);
  }
}

runIfMain(import.meta.url, runInit);
