/** How reports show a path; on its own so light callers (the MCP server's start) need not load the archive reader. */
import path from 'node:path';

/** A path as people read it in reports: relative to `cwd`, with forward slashes. */
export function displayPath(file: string, cwd = process.cwd()): string {
  return (path.relative(cwd, file) || file).split(path.sep).join('/');
}
