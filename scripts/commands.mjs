// Every Hindsight command: its name, the module that runs it and one line
// about it. The launcher (launch.mjs), the `hindsight` executable
// (hindsight.mjs) and package.json's scripts all start commands from here, so
// moving a command's module is a one-line change.
/** @type {Record<string, { entry: string; summary: string; args?: string[]; listed?: boolean; split?: boolean; codeCache?: boolean }>} */
export const COMMANDS = {
  // codeCache: CI runs it on every pull request, and compiling its bundle was a tenth of a run (run-bundle.mjs).
  validate: { entry: 'scripts/cli/validate-cli.ts', summary: 'check post-mortems and report every problem', codeCache: true },
  'action-items': { entry: 'scripts/cli/action-items-cli.ts', summary: 'list action items (table, json or csv)' },
  'new-postmortem': { entry: 'scripts/cli/new-postmortem-cli.ts', summary: 'scaffold a draft post-mortem' },
  migrate: { entry: 'scripts/cli/migrate-cli.ts', summary: 'convert plain-form post-mortems into the archive form' },
  // split: answered from its index snapshot, it loads the parser and the rules only when it must read the archive.
  search: { entry: 'scripts/cli/search-cli.ts', summary: 'search the archive as the site does (json or table)', split: true },
  similar: { entry: 'scripts/cli/similar-cli.ts', summary: 'earlier incidents most like a post-mortem or a description' },
  show: { entry: 'scripts/cli/show-cli.ts', summary: 'one post-mortem as JSON' },
  // split: its tools import their code on first call, so its bundle is chunks and starting compiles only the schemas.
  mcp: { entry: 'scripts/cli/mcp-cli.ts', summary: 'serve the archive to an agent client over MCP (stdio)', split: true },
  init: { entry: 'scripts/cli/init-cli.ts', summary: 'set this repository up: folder, CI workflows, agent step, MCP registration' },
  // The site of this repository's archive, built by Hindsight's Astro project (args: the Astro command).
  build: { entry: 'scripts/cli/site-cli.ts', args: ['build'], summary: 'build the site into dist/' },
  dev: { entry: 'scripts/cli/site-cli.ts', args: ['dev'], summary: 'serve the site while you edit' },
  preview: { entry: 'scripts/cli/site-cli.ts', args: ['preview'], summary: 'serve the built site' },
  // Maintainers' commands: started the same way, not listed by `hindsight --help`.
  schemas: { entry: 'scripts/cli/schemas-cli.ts', summary: 'regenerate schema/*.json and docs/API.md', listed: false },
  bench: { entry: 'scripts/bench/run-bench.ts', summary: 'measure validate, the build, page weights and search', listed: false },
};

/**
 * Where `npm pack` puts a command's prebuilt bundle, relative to the package root (one per entry): the file to
 * run, and for a `split` command the folder of its chunks (`cli-bundles/<name>/<name>.mjs`).
 */
export function shippedBundle(entry, split = false) {
  const name = entry.split('/').at(-1).replace(/\.[cm]?[jt]s$/, '');
  return split ? `cli-bundles/${name}/${name}.mjs` : `cli-bundles/${name}.mjs`;
}
