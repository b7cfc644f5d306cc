/**
 * Hindsight as an MCP server: the agent commands (search, similar, show),
 * the action-item ledger, the validator and the scaffold as tools. Input
 * schemas are zod (the SDK publishes them as JSON Schema and rejects bad
 * arguments as tool errors); results are structured content checked against
 * the output schemas in src/lib/agent/schemas.ts. Every tool reads the
 * archive again whenever a file was added, removed or changed (an agent may
 * have just written one) and otherwise answers from memory; only
 * scaffold_postmortem writes, and it never replaces a file.
 *
 * A client starts the server for each session, often for one call: starting
 * loads only what `initialize` and `tools/list` need (the schemas); each tool
 * imports its code (parser, validator, search engine) when it is first called.
 * tests/unit/mcp-startup.test.ts holds the start to that.
 */
import { mkdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'astro/zod';
import type { AgentArchive } from '../../src/lib/agent/agent-archive.ts';
import type { SearchSource } from '../../src/lib/agent/agent-search.ts';
import type { CheckSettings } from '../../src/lib/postmortem/safety/limits.ts';
import { DEFAULT_SEARCH_LIMIT, DEFAULT_SIMILAR_LIMIT } from '../../src/lib/agent/default-limits.ts';
import { actionItemsOutput, scaffoldOutput, searchOutput, showOutput, similarOutput, validateOutput } from '../../src/lib/agent/schemas.ts';
import { checkTextSize, InputRefused, readBoundedFile } from '../../src/lib/agent/bounded-input.ts';
import { localIsoDate } from '../../src/lib/postmortem/dates.ts';
import { displayPath } from '../../src/lib/postmortem/archive/display-path.ts';
import { LEDGER_SORTS, STATUS_FILTERS } from '../../src/lib/postmortem/ledger/ledger-rules.ts';
import { CATEGORY_IDS, normaliseCategory, UNKNOWN_CATEGORY } from '../../src/lib/postmortem/model/category.ts';
import { isoDate, isoDateTime } from '../../src/lib/postmortem/schema/date-fields.ts';
import { MILESTONE_FIELDS, POSTMORTEM_STATUSES } from '../../src/lib/postmortem/schema/frontmatter-schema.ts';
import { SEVERITY_IDS } from '../../src/lib/postmortem/model/severity.ts';

/** The tools' code, loaded on a tool's first call (a module is loaded once, however often it is asked for). */
const load = {
  archive: () => import('../../src/lib/agent/agent-archive.ts'),
  search: () => import('../../src/lib/agent/agent-search.ts'),
  snapshot: () => import('../../src/lib/agent/search-snapshot.ts'),
  show: () => import('../../src/lib/agent/show.ts'),
  similar: () => import('../../src/lib/agent/similar.ts'),
  ledger: () => import('../../src/lib/agent/agent-ledger.ts'),
  validate: () => import('../../src/lib/agent/validate-text.ts'),
  scaffold: () => import('../../src/lib/agent/scaffold.ts'),
  write: () => import('./atomic-write.ts'),
  text: () => import('../../src/lib/agent/tool-text.ts'),
};

export interface ServerOptions {
  /** Absolute path of the post-mortem folder. */
  archiveDir: string;
  /** Paths in results are relative to this. */
  cwd: string;
  /** Server version reported to clients. */
  version: string;
  /** The limits and MDX mode the server's start read (the tools read and judge files under them). */
  settings: CheckSettings;
}

/** A tool failure the agent should read: the message (and validator report) as text, flagged as an error. */
class ToolFailure extends Error {}

/** Bounds on the short arguments: a query, a name, a path (texts are bounded by the file-size limit). */
const MAX_QUERY_CHARS = 500;
const MAX_NAME_CHARS = 300;
const MAX_PATH_CHARS = 4096;

const severity = z.enum(SEVERITY_IDS).describe('SEV-1 (worst) to SEV-4.');
const category = z
  .string()
  .refine((value) => ([...CATEGORY_IDS, UNKNOWN_CATEGORY.id] as readonly string[]).includes(String(normaliseCategory(value))), {
    message: `must be one of ${[...CATEGORY_IDS, UNKNOWN_CATEGORY.id].join(', ')}`,
  })
  .describe(`Root-cause category: ${[...CATEGORY_IDS, UNKNOWN_CATEGORY.id].join(', ')}.`);

/**
 * A tool's result: the structured content whole, and as text a summary for a reader
 * (tool-text.ts) rather than the same JSON again; without a summary, the JSON.
 */
function result<T extends object>(structured: T, summary?: (output: T) => string) {
  return { content: [{ type: 'text' as const, text: summary ? summary(structured) : JSON.stringify(structured, null, 2) }], structuredContent: structured as Record<string, unknown> };
}

function failure(message: string) {
  return { content: [{ type: 'text' as const, text: message }], isError: true };
}

/** Runs a tool body; a ToolFailure (or a missing folder) becomes a tool error instead of a protocol error. */
async function guarded<T>(body: () => T | Promise<T>): Promise<T | ReturnType<typeof failure>> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof ToolFailure || error instanceof InputRefused) return failure(error.message);
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return failure(`No such folder or file: ${(error as NodeJS.ErrnoException).path ?? ''}. Set POSTMORTEM_DIR to the post-mortem folder.`);
    throw error;
  }
}

/** What every tool knows: the archive folder, the working directory and a fresh reading of the archive. */
interface ToolContext {
  archiveDir: string;
  cwd: string;
  settings: CheckSettings;
  /** The folder as messages show it. */
  shownFolder: string;
  /** A fresh reading of the archive, when a tool needs it. */
  archive: () => Promise<AgentArchive>;
  /** The search over the archive: from its snapshot on disk when current, kept in memory until a file changes. */
  searchSource: () => Promise<SearchSource>;
}

/** An MCP server with Hindsight's six tools over the archive in `options.archiveDir`. */
export function createHindsightServer(options: ServerOptions): McpServer {
  const { archiveDir, cwd, settings } = options;
  const shownFolder = displayPath(archiveDir, cwd);
  let reader: (() => Promise<AgentArchive>) | undefined;
  let searcher: (() => Promise<SearchSource>) | undefined;
  // The readers keep the archive (and the search) in memory until a file changes; their modules load on the first call.
  const tools: ToolContext = {
    archiveDir,
    cwd,
    settings,
    shownFolder,
    archive: async () => (reader ??= (await load.archive()).archiveReader(archiveDir, cwd, settings))(),
    searchSource: async () => (searcher ??= (await load.snapshot()).searchSourceReader(archiveDir, cwd, settings))(),
  };
  const server = new McpServer(
    { name: 'hindsight', version: options.version },
    {
      instructions:
        `Hindsight: the team's post-mortem archive (${shownFolder}). During an incident, call find_similar_incidents with what is happening ` +
        '(services, symptoms) or search_postmortems, then get_postmortem for the root cause and list_action_items for follow-ups still open. ' +
        'When writing a post-mortem (the incident-response skill, step 7), start it with scaffold_postmortem and check it with validate_postmortem.',
    },
  );

  registerReadingTools(server, tools);
  registerLedgerAndCheckTools(server, tools);
  registerScaffoldTool(server, tools);
  return server;
}

/** search_postmortems, get_postmortem, find_similar_incidents. */
function registerReadingTools(server: McpServer, { archiveDir, cwd, settings, shownFolder, archive, searchSource }: ToolContext): void {
  server.registerTool(
    'search_postmortems',
    {
      title: 'Search post-mortems',
      description:
        "The site's incident search (one search core): misspellings corrected (`searched_for`, `corrections`), common words dropped; post-mortems holding every word first (`match: all`), then those holding some (`match: partial`). Without a query, lists the post-mortems passing the filters, newest first.",
      inputSchema: {
        query: z.string().max(MAX_QUERY_CHARS).default('').describe('Words to find, e.g. `certificate expired` or `postgres pool`.'),
        service: z.string().min(1).max(MAX_NAME_CHARS).optional().describe('Only incidents that affected this service.'),
        severity: severity.optional(),
        category: category.optional(),
        since: isoDate.optional().describe('Only incidents on or after this date, YYYY-MM-DD.'),
        limit: z.number().int().min(1).max(100).default(DEFAULT_SEARCH_LIMIT),
        verbatim: z.boolean().default(false).describe('Search the words as typed, without spelling correction.'),
      },
      outputSchema: searchOutput.shape,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (input) =>
      guarded(async () => {
        const [{ searchSource: search }, { searchSummary }] = await Promise.all([load.search(), load.text()]);
        return result(search(await searchSource(), input), searchSummary);
      }),
  );

  server.registerTool(
    'get_postmortem',
    {
      title: 'Get one post-mortem',
      description: 'One post-mortem by slug: frontmatter, every section as Markdown, timeline, action items and what the validator reports for it.',
      inputSchema: { slug: z.string().min(1).max(MAX_NAME_CHARS).describe('The file name without `postmortem-` and the extension, e.g. 2026-03-14-report-export-timeouts.') },
      outputSchema: showOutput.shape,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ slug }) =>
      guarded(async () => {
        const [{ showPostmortem }, { nearSlugs }, { showSummary }] = await Promise.all([load.show(), load.archive(), load.text()]);
        const read = await archive();
        const clean = slug.replace(/^.*[\\/]/, '').replace(/^postmortem-/, '').replace(/\.mdx?$/, '');
        const shown = showPostmortem(read, clean);
        if (!shown) {
          const near = nearSlugs(read, clean);
          throw new ToolFailure(`No post-mortem \`${clean}\` in ${shownFolder}.${near.length ? ` Did you mean ${near.map((s) => `\`${s}\``).join(', ')}?` : ' search_postmortems lists slugs.'}`);
        }
        return result(shown, showSummary);
      }),
  );

  server.registerTool(
    'find_similar_incidents',
    {
      title: 'Find similar incidents',
      description:
        'Earlier incidents most like a post-mortem being written or a description of what is happening now, compared with every section of past post-mortems (the mechanism: rare shared words weigh most; a shared service or the same root-cause category only adds), each with why (shared words, the closest passage), its root cause and its action items still open.',
      inputSchema: {
        text: z.string().min(1).optional().describe('A post-mortem (Markdown with frontmatter) or a few lines describing the incident, naming services and symptoms.'),
        path: z.string().min(1).max(MAX_PATH_CHARS).optional().describe('Instead of text: a post-mortem file to compare (relative to the server\'s working directory).'),
        limit: z.number().int().min(1).max(20).default(DEFAULT_SIMILAR_LIMIT),
      },
      outputSchema: similarOutput.shape,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ text, path: file, limit }) =>
      guarded(async () => {
        if (!text === !file) throw new ToolFailure('Give either `text` (a post-mortem or a description) or `path` (a file), not both and not neither.');
        if (text !== undefined) checkTextSize(text, settings.limits.fileBytes, '`text`');
        // Only a regular file inside the repository or the archive, at most validate's size limit.
        const body = file ? readBoundedFile(file, cwd, [cwd, archiveDir], settings.limits.fileBytes) : (text ?? '');
        if (!body.trim()) throw new ToolFailure('Nothing to compare: the text is empty. Describe the services and symptoms.');
        const [{ findSimilar }, { similarSummary }] = await Promise.all([load.similar(), load.text()]);
        return result(findSimilar(file ? displayPath(path.resolve(cwd, file), cwd) : '-', body, (await archive()).postmortems, limit), similarSummary);
      }),
  );
}

/** list_action_items, validate_postmortem. */
function registerLedgerAndCheckTools(server: McpServer, { shownFolder, archive }: ToolContext): void {
  server.registerTool(
    'list_action_items',
    {
      title: 'List action items',
      description: 'Follow-ups of every valid post-mortem, as `npm run action-items -- --format json` gives them: open work first, soonest due first, with overdue flags.',
      inputSchema: {
        status: z.enum(STATUS_FILTERS).default('open').describe('open = TODO or IN PROGRESS; overdue; due-soon; todo; in-progress; done; wont-do; closed; all.'),
        owner: z.string().min(1).optional().describe('Only this owner (`@dana` or `dana`, any case).'),
        severity: severity.optional().describe('Only items from post-mortems of this severity.'),
        service: z.string().min(1).optional().describe('Only items from post-mortems naming this service.'),
        sort: z.enum(LEDGER_SORTS).default('due'),
        today: isoDate.optional().describe('The day "overdue" is measured against, YYYY-MM-DD (default: today).'),
        limit: z.number().int().min(1).max(500).optional(),
      },
      outputSchema: actionItemsOutput.shape,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (input) =>
      guarded(async () => {
        const [{ listActionItems }, { actionItemsSummary }] = await Promise.all([load.ledger(), load.text()]);
        return result(listActionItems(await archive(), { ...input, today: input.today ?? localIsoDate() }), actionItemsSummary);
      }),
  );

  server.registerTool(
    'validate_postmortem',
    {
      title: 'Validate a post-mortem',
      description:
        'Checks the text of one post-mortem with the same rules as `npm run validate` and the site build, beside the archive (so a duplicate slug is caught). Problems come with line, message and a hint; an invalid text is a tool error whose text is the validator\'s report.',
      inputSchema: {
        text: z.string().describe('The whole file: frontmatter and body.'),
        file_name: z
          .string()
          .min(1)
          .max(MAX_NAME_CHARS)
          .optional()
          .describe('Its file name, e.g. postmortem-2026-03-14-report-export-timeouts.md. Without it the rules judge the name made from date and title, and the report calls the text `<text>`.'),
      },
      outputSchema: validateOutput.shape,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ text, file_name }) =>
      guarded(async () => {
        const { validateText } = await load.validate();
        const checked = validateText(text, await archive(), shownFolder, file_name);
        if (!checked.output.valid) return { ...failure(checked.report), structuredContent: checked.output };
        return { content: [{ type: 'text' as const, text: checked.report }], structuredContent: checked.output };
      }),
  );
}

/** scaffold_postmortem: the one tool that writes, and never over an existing file. */
function registerScaffoldTool(server: McpServer, { archiveDir, cwd }: ToolContext): void {
  const milestones = Object.fromEntries(MILESTONE_FIELDS.map((field) => [field, isoDateTime.optional()])) as Record<(typeof MILESTONE_FIELDS)[number], z.ZodOptional<typeof isoDateTime>>;
  server.registerTool(
    'scaffold_postmortem',
    {
      title: 'Start a new post-mortem',
      description:
        'Creates postmortem-<date>-<slug>.md from the template with the facts known so far, as `npm run new-postmortem` does, after checking it passes validate. Never replaces an existing file. Fill the sections in, then call validate_postmortem.',
      inputSchema: {
        title: z.string().trim().min(1).describe('Incident title, a short phrase.'),
        date: isoDate.describe('Incident date (UTC), YYYY-MM-DD.'),
        severity,
        services: z.array(z.string().trim().min(1)).min(1).describe('Affected services.'),
        authors: z.array(z.string().trim().min(1)).min(1).describe('Who writes it.'),
        category: z.enum(CATEGORY_IDS).nullable().default(null).describe('Root-cause category, or null while not known (the file then says `unknown`, allowed in drafts).'),
        status: z.enum(POSTMORTEM_STATUSES).default('draft'),
        milestones: z.object(milestones).default({}).describe('Known timestamps, ISO 8601 with zone: started_at, detected_at, acknowledged_at, mitigated_at, resolved_at.'),
        slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens').optional().describe('File-name description (default: made from the title).'),
        directory: z.string().min(1).optional().describe('Folder to create it in (default: the archive folder).'),
      },
      outputSchema: scaffoldOutput.shape,
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
    },
    (input) =>
      guarded(async () => {
        const [{ planScaffold }, { createFileAtomically }] = await Promise.all([load.scaffold(), load.write()]);
        const folder = input.directory ? path.resolve(cwd, input.directory) : archiveDir;
        const shown = displayPath(folder, cwd);
        // The one tool that writes stays in the post-mortem folder: an agent's `directory` never reaches elsewhere.
        if (!isWithin(archiveDir, folder)) throw new ToolFailure(`Refused: \`${input.directory}\` is outside the post-mortem folder ${displayPath(archiveDir, cwd)} (nothing written). Leave \`directory\` out to create the file there.`);
        const milestoneValues = Object.fromEntries(Object.entries(input.milestones).filter(([, value]) => value !== undefined)) as Record<string, string>;
        const planned = planScaffold({ ...input, milestones: milestoneValues }, shown);
        if (!planned.ok) {
          throw new ToolFailure(`${planned.report}Refused: ${shown}/${planned.fileName} would not pass validate (nothing written).${input.status !== 'draft' ? ' Create it as status draft and set the status once the placeholders are filled.' : ''}`);
        }
        const target = path.join(folder, planned.fileName);
        mkdirSync(folder, { recursive: true });
        try {
          createFileAtomically(target, planned.text);
        } catch (error) {
          // get_postmortem reads the archive folder only (not its subfolders): suggested only for a file it can open.
          const open = path.dirname(target) === archiveDir ? 'Open it with get_postmortem, or pass' : 'Pass';
          if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new ToolFailure(`Refused: ${displayPath(target, cwd)} already exists; it was left untouched. ${open} another title or slug.`);
          throw error;
        }
        return result({
          path: displayPath(target, cwd),
          slug: planned.fileName.replace(/^postmortem-/, '').replace(/\.mdx?$/, ''),
          status: input.status,
          next: `Fill in the sections (placeholders are in square brackets)${planned.categoryUnknown ? ', set root_cause_category once the 5 Whys find the cause' : ''}, then call validate_postmortem with the file's text.`,
        });
      }),
  );
}

/**
 * Whether `folder` is `root` or inside it, following symbolic links of the part that exists
 * (a link inside the archive to elsewhere does not count as inside).
 */
function isWithin(root: string, folder: string): boolean {
  const real = (dir: string): string => {
    try {
      return realpathSync(dir);
    } catch {
      const parent = path.dirname(dir);
      return parent === dir ? dir : path.join(real(parent), path.basename(dir));
    }
  };
  const relative = path.relative(real(root), real(folder));
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
