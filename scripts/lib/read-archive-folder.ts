/** The archive an agent command reads whole (show, similar), or the exit code after saying why there is none. */
import { readArchive, type AgentArchive } from '../../src/lib/agent/agent-archive.ts';
import { archiveFolder } from './archive-folder.ts';
import type { CliContext } from './cli.ts';

/** The archive, or the exit code after saying why there is none (see {@link archiveFolder}). */
export function readArchiveFolder(ctx: CliContext, usage: string, dirFlag: string | undefined): AgentArchive | number {
  const folder = archiveFolder(ctx, usage, dirFlag);
  return typeof folder === 'number' ? folder : readArchive(folder.dir, ctx.cwd, folder.settings);
}
