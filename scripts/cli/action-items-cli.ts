/**
 * `npm run action-items -- [--status …] [--owner NAME] [--format table|json|csv] [--today YYYY-MM-DD] [--include-drafts] [--fail-on-overdue]`
 * Prints the follow-ups of every post-mortem for stand-ups and scripts.
 * Exit 0: listed; 1: something is overdue (with --fail-on-overdue) or no post-mortems; 2: usage error.
 */
import path from 'node:path';
import { loadConfig } from '../../src/lib/settings/load-config.ts';
import type { CheckSettings } from '../../src/lib/postmortem/safety/limits.ts';
import {
  collectActionItems,
  isOverdue,
  LEDGER_SORTS,
  ledgerCounts,
  matchesStatus,
  selectLedgerItems,
  STATUS_FILTERS,
  type LedgerFilters,
  type LedgerSort,
  type StatusFilter,
} from '../../src/lib/postmortem/ledger/ledger-rules.ts';
import { localIsoDate } from '../../src/lib/postmortem/dates.ts';
import { exportCounts, ledgerCsv, toLedgerRecords, type LedgerExport } from '../../src/lib/postmortem/ledger/ledger-export.ts';
import { countsLine, ledgerTable } from '../../src/lib/site/ledger/ledger-text.ts';
import { DRAFT_RULE } from '../../src/lib/postmortem/model/drafts.ts';
import { displayPath, listPostmortemFiles, newestFirst, readPostmortems } from '../../src/lib/postmortem/archive/archive.ts';
import { toPostmortem, type Postmortem } from '../../src/lib/postmortem/model/model.ts';
import { parseIsoDate } from '../../src/lib/postmortem/dates.ts';
import { SEVERITY_IDS, type SeverityId } from '../../src/lib/postmortem/model/severity.ts';
import { validatePostmortems } from '../../src/lib/postmortem/validation/validate.ts';
import { EXIT, parseCommand, runIfMain, usageError, type CliContext } from '../lib/cli.ts';

export const ACTION_ITEMS_FORMATS = ['table', 'json', 'csv'] as const;
type Format = (typeof ACTION_ITEMS_FORMATS)[number];

export const ACTION_ITEMS_USAGE = `Usage: npm run action-items -- [options]

Lists the action items of every post-mortem (folder: --dir, POSTMORTEM_DIR
or docs/spec/.llm/completed), open work first, soonest due first.

Options:
  --status STATUS        which items: ${STATUS_FILTERS.join(', ')}
                         (default: open = TODO or IN PROGRESS)
  --owner NAME           only this owner (\`@dana\` or \`dana\`, any case)
  --severity SEV-N       only items from post-mortems of this severity
  --service NAME         only items from post-mortems naming this service
  --sort ORDER           ${LEDGER_SORTS.join(', ')} (default: due)
  --format FORMAT        table, json or csv (default: table)
  --today YYYY-MM-DD     the day "overdue" is measured against (default: today)
  --dir PATH             the post-mortem folder
  --include-drafts       also list the items of draft post-mortems (marked
                         "(draft)"; they are left out by default)
  --fail-on-overdue      exit 1 when an item is overdue (of the --owner,
                         --severity and --service selection, whatever --status)
  --help                 show this help

An item is overdue when it is TODO or IN PROGRESS and its due date is before
today; an item due today is not overdue yet.

${DRAFT_RULE}

For scripts, keep npm's banner out of the output: npm run -s action-items -- --format csv

Exit codes: 0 listed, 1 overdue items with --fail-on-overdue (or no
post-mortems found), 2 usage or environment error.
`;

export function runActionItems(ctx: CliContext): number {
  const args = parseCommand(ctx, ACTION_ITEMS_USAGE, {
    allowPositionals: false,
    options: {
      status: { type: 'string', default: 'open' },
      owner: { type: 'string' },
      severity: { type: 'string' },
      service: { type: 'string' },
      sort: { type: 'string', default: 'due' },
      format: { type: 'string', default: 'table' },
      today: { type: 'string' },
      dir: { type: 'string' },
      'include-drafts': { type: 'boolean', default: false },
      'fail-on-overdue': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (typeof args === 'number') return args;
  const options = args.values;
  const status = options.status as StatusFilter;
  if (!STATUS_FILTERS.includes(status)) return usageError(ctx, ACTION_ITEMS_USAGE, `Unknown --status \`${options.status}\`; use one of ${STATUS_FILTERS.join(', ')}.`);
  const sort = options.sort as LedgerSort;
  if (!LEDGER_SORTS.includes(sort)) return usageError(ctx, ACTION_ITEMS_USAGE, `Unknown --sort \`${options.sort}\`; use one of ${LEDGER_SORTS.join(', ')}.`);
  const format = options.format as Format;
  if (!ACTION_ITEMS_FORMATS.includes(format)) return usageError(ctx, ACTION_ITEMS_USAGE, `Unknown --format \`${options.format}\`; use one of ${ACTION_ITEMS_FORMATS.join(', ')}.`);
  const severity = options.severity?.toUpperCase() as SeverityId | undefined;
  if (severity !== undefined && !SEVERITY_IDS.includes(severity)) return usageError(ctx, ACTION_ITEMS_USAGE, `Unknown --severity \`${options.severity}\`; use one of ${SEVERITY_IDS.join(', ')}.`);
  if (options.owner !== undefined && !options.owner.trim()) return usageError(ctx, ACTION_ITEMS_USAGE, '--owner needs a name, e.g. --owner @dana.');
  if (options.today !== undefined && !parseIsoDate(options.today)) return usageError(ctx, ACTION_ITEMS_USAGE, `--today \`${options.today}\` is not a date; write it as YYYY-MM-DD, e.g. 2026-03-14.`);
  const today = options.today ?? localIsoDate();

  const settings = loadConfig(ctx.env, ctx.cwd);
  const dir = options.dir ? path.resolve(ctx.cwd, options.dir) : settings.archiveDir;
  let files: string[];
  try {
    files = listPostmortemFiles(dir).map((file) => displayPath(file, ctx.cwd));
  } catch (error) {
    const what = (error as NodeJS.ErrnoException).code === 'ENOTDIR' ? 'Not a folder' : 'No such folder';
    return usageError(ctx, ACTION_ITEMS_USAGE, `${what}: ${displayPath(dir, ctx.cwd)}${options.dir ? '' : ' (set POSTMORTEM_DIR or pass --dir)'}`);
  }
  if (files.length === 0) {
    ctx.stderr(`No post-mortems (*.md, *.mdx) in ${displayPath(dir, ctx.cwd)}.\n`);
    return EXIT.invalid;
  }

  // The scope (owner, severity, service) is what the counts and the overdue gate cover; --status only narrows the list.
  const scope: LedgerFilters = { owner: options.owner, severity, service: options.service };
  const scoped = selectLedgerItems(collectActionItems(readValidPostmortems(ctx, files, settings), { includeDrafts: options['include-drafts'] }), scope, sort, today);
  const counts = ledgerCounts(scoped, today);
  const records = toLedgerRecords(scoped.filter((item) => matchesStatus(item, status, today)), today);
  if (format === 'json') ctx.stdout(`${JSON.stringify({ today, counts: exportCounts(counts), items: records } satisfies LedgerExport, null, 2)}\n`);
  else if (format === 'csv') ctx.stdout(ledgerCsv(records));
  else ctx.stdout(`${countsLine(counts, today)}\n\n${ledgerTable(records)}`);

  if (!options['fail-on-overdue']) return EXIT.ok;
  const overdue = scoped.filter((item) => isOverdue(item, today));
  if (overdue.length === 0) return EXIT.ok;
  ctx.stderr(`${overdue.length} action item${overdue.length === 1 ? ' is' : 's are'} overdue as of ${today} (past the due date, or without one the severity's completion target).\n`);
  return EXIT.invalid;
}

/**
 * The post-mortems that pass validation. Items of an invalid file are left
 * out (its table may be misread), with a warning naming the files.
 */
function readValidPostmortems(ctx: CliContext, files: string[], settings: CheckSettings): Postmortem[] {
  const parsed = readPostmortems(files, ctx.cwd, settings.limits.fileBytes.value);
  const { files: reports } = validatePostmortems(parsed, { settings });
  const invalid = reports.filter((report) => !report.valid).map((report) => report.path);
  if (invalid.length) {
    ctx.stderr(
      `warning: ${invalid.length} of ${files.length} post-mortems are invalid and their action items are not listed: ${invalid.join(', ')}\n` +
        '         Run `npm run validate` to see what to fix.\n',
    );
  }
  return parsed
    .filter((_, index) => reports[index]!.valid)
    .map((pm) => toPostmortem(pm, ctx.cwd))
    .filter((pm): pm is Postmortem => pm !== null)
    .sort(newestFirst);
}

runIfMain(import.meta.url, runActionItems);
