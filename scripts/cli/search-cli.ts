/**
 * `npm run search -- "<query>" [--service NAME] [--severity SEV-N] [--category ID] [--since YYYY-MM-DD] [--limit N] [--verbatim] [--format table|json]`
 * The incident search from a terminal or an agent, with the search core the site uses (src/lib/search/).
 * Exit 0: searched (even when nothing matched); 1: no post-mortems in the folder; 2: usage error.
 */
import { DEFAULT_SEARCH_LIMIT, searchSource } from '../../src/lib/agent/agent-search.ts';
import { openSearchSource } from '../../src/lib/agent/search-snapshot.ts';
import { searchTable } from '../../src/lib/agent/text.ts';
import { CATEGORY_IDS, normaliseCategory, UNKNOWN_CATEGORY } from '../../src/lib/postmortem/model/category.ts';
import { parseIsoDate } from '../../src/lib/postmortem/dates.ts';
import { SEVERITY_IDS, type SeverityId } from '../../src/lib/postmortem/model/severity.ts';
import { defaultCacheDir } from '../../src/lib/postmortem/validation/validation-cache.ts';
import { agentCommandFlags, archiveFolder, readFormat } from '../lib/archive-folder.ts';
import { EXIT, parseCommand, runIfMain, usageError, type CliContext } from '../lib/cli.ts';

export const SEARCH_USAGE = `Usage: npm run search -- "<query>" [options]

Searches the post-mortems (folder: --dir, POSTMORTEM_DIR or
docs/spec/.llm/completed) as the site's incident search does: misspelt
words are corrected first (never a correctly spelt English word nor a word
of the archive), common words ("the", "in") are dropped, each word matches
whole, by its stem or as a beginning; post-mortems holding every word come
first, then those holding only some, marked "partial".
Without a query, lists the post-mortems that pass the filters, newest first.

Options:
  --service NAME         only incidents that affected this service
  --severity SEV-N       only this severity (${SEVERITY_IDS.join(', ')})
  --category ID          only this root-cause category (${[...CATEGORY_IDS, UNKNOWN_CATEGORY.id].join(', ')})
  --since YYYY-MM-DD     only incidents on or after this date
  --limit N              at most N results (default: ${DEFAULT_SEARCH_LIMIT})
  --verbatim             search the words as typed, without spelling correction
  --format FORMAT        table or json (default: table); JSON shape:
                         schema/search-output.schema.json
  --dir PATH             the post-mortem folder
  --help                 show this help

Exit codes: 0 searched (also when nothing matched), 1 no post-mortems
found, 2 usage error.
`;

export async function runSearch(ctx: CliContext): Promise<number> {
  const args = parseCommand(ctx, SEARCH_USAGE, {
    allowPositionals: true,
    options: {
      service: { type: 'string' },
      severity: { type: 'string' },
      category: { type: 'string' },
      since: { type: 'string' },
      limit: { type: 'string' },
      verbatim: { type: 'boolean' },
      ...agentCommandFlags('table'),
    },
  });
  if (typeof args === 'number') return args;
  const { values, positionals } = args;
  const format = readFormat(ctx, SEARCH_USAGE, values.format);
  if (typeof format === 'number') return format;
  const severity = values.severity?.toUpperCase() as SeverityId | undefined;
  if (severity !== undefined && !SEVERITY_IDS.includes(severity)) return usageError(ctx, SEARCH_USAGE, `Unknown --severity \`${values.severity}\`; use one of ${SEVERITY_IDS.join(', ')}.`);
  const categories: readonly string[] = [...CATEGORY_IDS, UNKNOWN_CATEGORY.id];
  if (values.category !== undefined && !categories.includes(String(normaliseCategory(values.category)))) {
    return usageError(ctx, SEARCH_USAGE, `Unknown --category \`${values.category}\`; use one of ${categories.join(', ')}.`);
  }
  if (values.since !== undefined && !parseIsoDate(values.since)) return usageError(ctx, SEARCH_USAGE, `--since \`${values.since}\` is not a date; write it as YYYY-MM-DD, e.g. 2026-01-01.`);
  const limit = values.limit === undefined ? DEFAULT_SEARCH_LIMIT : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) return usageError(ctx, SEARCH_USAGE, `--limit \`${values.limit}\` is not a positive whole number; write e.g. --limit 5.`);
  if (values.service !== undefined && !values.service.trim()) return usageError(ctx, SEARCH_USAGE, '--service needs a name, e.g. --service postgres.');

  const folder = archiveFolder(ctx, SEARCH_USAGE, values.dir);
  if (typeof folder === 'number') return folder;
  // A snapshot of the index (node_modules/.cache/hindsight/) spares a cold start parsing every post-mortem.
  const output = searchSource(await openSearchSource(folder.dir, ctx.cwd, defaultCacheDir(ctx.cwd), folder.settings), {
    query: positionals.join(' '),
    service: values.service ?? null,
    severity: severity ?? null,
    category: values.category ?? null,
    since: values.since ?? null,
    limit,
    verbatim: values.verbatim ?? false,
  });
  ctx.stdout(format === 'json' ? `${JSON.stringify(output, null, 2)}\n` : searchTable(output));
  return EXIT.ok;
}

runIfMain(import.meta.url, runSearch);
