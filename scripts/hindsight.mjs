#!/usr/bin/env node
// `hindsight <command> [args…]`: the package's one executable (package.json "bin"),
// so `npx hindsight validate …` prints only the command's own output, with no npm
// banner in front of it. Each command starts through the launcher's cached bundle.
const COMMANDS = {
  validate: 'check post-mortems and report every problem',
  'action-items': 'list action items (table, json or csv)',
  'new-postmortem': 'scaffold a draft post-mortem',
  migrate: 'convert plain-form post-mortems into the archive form',
  search: 'search the archive as the site does (json or table)',
  similar: 'earlier incidents most like a post-mortem or a description',
  show: 'one post-mortem as JSON',
};

const usage = `Usage: hindsight <command> [options]

Commands:
${Object.entries(COMMANDS).map(([name, what]) => `  ${name.padEnd(16)}${what}`).join('\n')}

Each command takes --help. Exit codes: 0 ok, 1 invalid content, 2 usage error.
`;

const [command] = process.argv.slice(2);
if (command === '--help' || command === '-h') {
  process.stdout.write(usage);
} else if (!Object.hasOwn(COMMANDS, command ?? '')) {
  process.stderr.write(`${command === undefined ? 'No command given.' : `Unknown command \`${command}\`.`}\n\n${usage}`);
  process.exitCode = 2;
} else {
  // The launcher reads `<command> [args…]` from argv[2…], which is where they already are.
  await import(new URL('./launch.mjs', import.meta.url).href);
}
