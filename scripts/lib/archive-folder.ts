/** The post-mortem folder a command reads (--dir, POSTMORTEM_DIR or the default), read once for the agent commands. */
import path from 'node:path';
import { readArchive, type AgentArchive } from '../../src/lib/agent/agent-archive.ts';
import { loadConfig } from '../../src/lib/settings/load-config.ts';
import { displayPath } from '../../src/lib/postmortem/archive/archive.ts';
import { EXIT, usageError, type CliContext } from './cli.ts';

/** The archive, or the exit code after saying why there is none (2: no such folder; 1: no post-mortems in it). */
export function readArchiveFolder(ctx: CliContext, usage: string, dirFlag: string | undefined): AgentArchive | number {
  const settings = loadConfig(ctx.env, ctx.cwd);
  const dir = dirFlag ? path.resolve(ctx.cwd, dirFlag) : settings.archiveDir;
  let archive: AgentArchive;
  try {
    archive = readArchive(dir, ctx.cwd, settings);
  } catch {
    return usageError(ctx, usage, `No such folder: \`${displayPath(dir, ctx.cwd)}\`${dirFlag ? '' : ' (set POSTMORTEM_DIR or pass --dir)'}`);
  }
  if (archive.parsed.length === 0) {
    ctx.stderr(`No post-mortems (*.md, *.mdx) in ${displayPath(dir, ctx.cwd)}.\n`);
    return EXIT.invalid;
  }
  return archive;
}

export const OUTPUT_FORMATS = ['table', 'json'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** The flags every agent command takes beside its own: --format (table or json), --dir, --help. */
export function agentCommandFlags(defaultFormat: OutputFormat) {
  return {
    format: { type: 'string', default: defaultFormat as string },
    dir: { type: 'string' },
    help: { type: 'boolean', default: false },
  } as const;
}

/** Checks --format; returns it, or the exit code of the usage error. */
export function readFormat(ctx: CliContext, usage: string, value: string): OutputFormat | number {
  if ((OUTPUT_FORMATS as readonly string[]).includes(value)) return value as OutputFormat;
  return usageError(ctx, usage, `Unknown --format \`${value}\`; use table or json.`);
}
