/**
 * What `npx hindsight init` writes into a repository, computed from Hindsight's
 * own documents (docs/ci/*.yml, docs/agents/STEP-7.md) so the shipped copies and
 * what init writes never drift: the default folder becomes the configured one and
 * links point into the installed package.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_ARCHIVE_DIR } from '../settings/load-config.ts';

/** One file init writes: its path relative to the repository root and its text. */
export interface SetupFile {
  path: string;
  text: string;
}

/** Where init puts the agents' Step 7, relative to the repository root. */
export const STEP_7_PATH = 'docs/agents/postmortem-step-7.md';

/** The command that starts the MCP server in the user's repository (no npm banner on stdout: `npx` prints none). */
export const MCP_COMMAND = { command: 'npx', args: ['hindsight', 'mcp'] };

/**
 * The files of a repository set up for Hindsight.
 * `packageRoot`: the installed package; `repoRoot`, `archiveDir` and `outDir`: absolute paths of the user's repository.
 */
export function setupFiles(packageRoot: string, repoRoot: string, archiveDir: string, outDir: string): SetupFile[] {
  const folder = toPosix(path.relative(repoRoot, archiveDir));
  const site = toPosix(path.relative(repoRoot, outDir));
  const read = (file: string) => readFileSync(path.join(packageRoot, file), 'utf8');
  const workflow = (name: string) => {
    const text = read(`docs/ci/${name}`).replaceAll(DEFAULT_ARCHIVE_DIR, folder);
    return { path: `.github/workflows/${name}`, text: name === 'pages.yml' ? text.replace(/^(\s+path: )dist$/m, `$1${site}`) : text };
  };
  // The guide's relative links lead into the installed package's docs.
  const docs = toPosix(path.relative(path.join(repoRoot, path.dirname(STEP_7_PATH)), path.join(packageRoot, 'docs')));
  const step7 = read('docs/agents/STEP-7.md')
    .replaceAll(DEFAULT_ARCHIVE_DIR, folder)
    .replace(/\]\(\.\.\/([A-Z-]+\.md)\)/g, `](${docs}/$1)`);
  return [
    workflow('postmortems.yml'),
    workflow('pages.yml'),
    { path: STEP_7_PATH, text: step7 },
    { path: '.mcp.json', text: json({ mcpServers: { hindsight: MCP_COMMAND } }) },
    { path: '.vscode/mcp.json', text: json({ servers: { hindsight: { type: 'stdio', ...MCP_COMMAND } } }) },
  ];
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}
