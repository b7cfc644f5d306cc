#!/usr/bin/env node
// `hindsight <command> [args…]`: the package's one executable (package.json "bin"),
// so `npx hindsight validate …` prints only the command's own output, with no npm
// banner in front of it. Each command starts through the launcher's cached bundle.
import { COMMANDS } from './commands.mjs';

const listed = Object.entries(COMMANDS).filter(([, command]) => command.listed !== false);
const usage = `Usage: hindsight <command> [options]

Commands:
${listed.map(([name, command]) => `  ${name.padEnd(16)}${command.summary}`).join('\n')}

Each command takes --help. Exit codes: 0 ok, 1 invalid content, 2 usage error.
`;

const [command] = process.argv.slice(2);
if (command === '--help' || command === '-h') {
  process.stdout.write(usage);
} else if (!listed.some(([name]) => name === command)) {
  process.stderr.write(`${command === undefined ? 'No command given.' : `Unknown command \`${command}\`.`}\n\n${usage}`);
  process.exitCode = 2;
} else {
  // The launcher reads `<command> [args…]` from argv[2…], which is where they already are.
  await import(new URL('./launch.mjs', import.meta.url).href);
}
