/**
 * The JSON that `search`, `similar` and `show` print and that the MCP server's
 * tools return as structured content. One zod schema per result: the types
 * below are inferred from it, the MCP SDK publishes and checks it as each
 * tool's output schema, and `npm run schemas` writes it to schema/*.schema.json
 * for docs/AGENT-COMMANDS.md.
 */
import { z } from 'astro/zod';
import { ACTION_STATUSES } from '../postmortem/model/action-status.ts';
import { CATEGORY_IDS, UNKNOWN_CATEGORY } from '../postmortem/model/category.ts';
import { POSTMORTEM_STATUSES } from '../postmortem/schema/frontmatter-schema.ts';
import { SECTIONS } from '../postmortem/parsing/sections.ts';
import { SEVERITY_IDS } from '../postmortem/model/severity.ts';

const ticket = z.object({ text: z.string(), url: z.string().nullable() }).nullable().describe('The ticket the row links, or null.');

/** An action item as agents see it: where it is, and whether it is still open. */
export const actionItemOutput = z.object({
  action: z.string().describe('What will be done.'),
  owner: z.string().describe('Who owns it, as written (usually `@handle`).'),
  due: z.string().nullable().describe('Due date `YYYY-MM-DD`, or null.'),
  status: z.enum(ACTION_STATUSES),
  open: z.boolean().describe('TODO or IN PROGRESS.'),
  ticket,
  line: z.number().int().describe('1-based line of the row in the file.'),
});

/** What every result names about a post-mortem: enough to decide whether to open it. */
export const postmortemSummaryOutput = z.object({
  slug: z.string().describe('The id `show` and get_postmortem take: the file name without `postmortem-` and the extension.'),
  title: z.string(),
  date: z.string().describe('Incident date, `YYYY-MM-DD`.'),
  severity: z.enum(SEVERITY_IDS),
  status: z.enum(POSTMORTEM_STATUSES),
  services: z.array(z.string()),
  root_cause_category: z.enum([...CATEGORY_IDS, UNKNOWN_CATEGORY.id]),
  path: z.string().describe('The file, relative to the working directory.'),
});

export const searchMatchOutput = z.object({
  field: z.string().describe('The search field: title, services, tags, summary, rootCause, actions (and whatever else the site search indexes).'),
  label: z.string().describe('The field as the site labels it.'),
  text: z.string().describe('The matching text, shortened around the first match.'),
});

export const searchOutput = z.object({
  query: z.string(),
  filters: z.object({
    service: z.string().nullable(),
    severity: z.enum(SEVERITY_IDS).nullable(),
    category: z.string().nullable(),
    since: z.string().nullable().describe('Only incidents on or after this date, `YYYY-MM-DD`.'),
  }),
  searched_for: z.string().describe('The query searched: `query` with misspellings corrected (the same as `query` when nothing was corrected).'),
  corrections: z.array(z.object({ from: z.string(), to: z.string() })).describe('Words spelling correction rewrote, as typed and as searched; empty when none.'),
  total: z.number().int().describe('How many post-mortems match, before `limit`: first those holding every word, then those holding some.'),
  complete: z.number().int().describe('How many of `total` hold every word of the query (they rank first); the rest hold only some (`match: "partial"`).'),
  results: z.array(
    postmortemSummaryOutput.extend({
      rank: z.number().int().describe('1 = best match (newest first when there is no query).'),
      match: z.enum(['all', 'partial']).describe('`all`: holds every word of the query; `partial`: only some of them (ranked after every `all`).'),
      summary: z.string(),
      root_cause: z.string().nullable(),
      matched: z.array(searchMatchOutput).describe('Where the query words were found.'),
    }),
  ),
});
export type SearchOutput = z.infer<typeof searchOutput>;

export const similarOutput = z.object({
  source: z.string().describe('What was compared: a file path, or `-` for standard input.'),
  compared_on: z.object({
    services: z.array(z.string()).describe('Services of the text: from its frontmatter, or services of the archive it names.'),
    root_cause_category: z.string().nullable(),
    words: z.number().int().describe('Significant words in the text.'),
  }),
  results: z.array(
    postmortemSummaryOutput.extend({
      score: z.number().describe('How alike, 0 to about 1: shared wording over every section (rare words weigh most), plus a little per shared service and for the same root-cause category.'),
      reasons: z.array(z.string()).describe('Why it is similar: `Shared wording: replication, slot, wal`, `Also affected redis`, `Same root cause: Data`.'),
      shared: z.object({
        services: z.array(z.string()),
        same_category: z.boolean(),
        words: z.array(z.string()).describe('Words of the text found in the post-mortem (whole or by stem), rarest in the archive first.'),
        passage: z
          .object({ field: z.string(), label: z.string(), text: z.string() })
          .nullable()
          .describe('The passage of the post-mortem holding the most shared words (its section, as labelled, and the text shortened around the match).'),
      }),
      root_cause: z.string().nullable(),
      open_action_items: z.array(actionItemOutput).describe('Its follow-ups still TODO or IN PROGRESS.'),
    }),
  ),
});
export type SimilarOutput = z.infer<typeof similarOutput>;

export const problemOutput = z.object({
  rule: z.string(),
  level: z.enum(['error', 'warning']),
  message: z.string(),
  hint: z.string(),
  line: z.number().int(),
  column: z.number().int(),
});

export const showOutput = z.object({
  slug: z.string(),
  path: z.string(),
  frontmatter: z.record(z.unknown()).describe('The validated frontmatter, defaults applied (fields: schema/postmortem-frontmatter.schema.json).'),
  summary: z.string(),
  root_cause: z.string().nullable(),
  sections: z.array(
    z.object({
      key: z.enum(SECTIONS.map((section) => section.key) as [string, ...string[]]).nullable().describe('The template section, or null for another heading.'),
      heading: z.string(),
      line: z.number().int(),
      text: z.string().describe('The section as Markdown, below its heading.'),
    }),
  ),
  timeline: z.array(z.object({ time: z.string(), at: z.string().nullable().describe('UTC ISO 8601, or null when unreadable.'), event: z.string(), line: z.number().int() })),
  action_items: z.array(actionItemOutput),
  problems: z.array(problemOutput).describe('What `validate` reports for the file (warnings; errors when its body is invalid).'),
});
export type ShowOutput = z.infer<typeof showOutput>;

export const validateOutput = z.object({
  valid: z.boolean(),
  errors: z.number().int(),
  warnings: z.number().int(),
  problems: z.array(problemOutput),
});
export type ValidateOutput = z.infer<typeof validateOutput>;

export const scaffoldOutput = z.object({
  path: z.string().describe('The file created.'),
  slug: z.string(),
  status: z.enum(POSTMORTEM_STATUSES),
  next: z.string().describe('What to fill in next.'),
});

/** Every schema written to schema/ by `npm run schemas`, by file name. */
export const COMMAND_OUTPUT_SCHEMAS = {
  'search-output.schema.json': { title: 'Output of `npm run search -- --format json` and the MCP tool search_postmortems', schema: searchOutput },
  'similar-output.schema.json': { title: 'Output of `npm run similar -- --format json` and the MCP tool find_similar_incidents', schema: similarOutput },
  'show-output.schema.json': { title: 'Output of `npm run show -- <slug>` and the MCP tool get_postmortem', schema: showOutput },
} as const;

/**
 * The action-item ledger as `npm run action-items -- --format json` prints it
 * (LedgerExport in src/lib/postmortem/ledger/ledger-export.ts); the MCP tool
 * list_action_items returns the same, and its code assigns a LedgerExport to
 * this type, so the compiler holds the two together.
 */
export const actionItemsOutput = z.object({
  today: z.string().describe('The `YYYY-MM-DD` that `overdue` and `age_days` were computed against.'),
  counts: z.object({ open: z.number().int(), overdue: z.number().int(), due_soon: z.number().int(), done_recently: z.number().int() }).describe('Headline figures of the selection (owner, severity, service), whatever `status`.'),
  items: z.array(
    z.object({
      postmortem: z.object({ slug: z.string(), title: z.string(), severity: z.string(), date: z.string(), services: z.array(z.string()), path: z.string(), url: z.string().nullable(), draft: z.boolean() }),
      action: z.string(),
      owner: z.string(),
      due: z.string().nullable(),
      status: z.string(),
      closed: z.string().nullable().describe('The day the Status cell says the item was closed (`DONE 2026-03-02`), or null.'),
      ticket: z.object({ text: z.string(), url: z.string().nullable() }).nullable(),
      age_days: z.number().int(),
      open: z.boolean(),
      overdue: z.boolean(),
      line: z.number().int(),
    }),
  ),
});
export type ActionItemsOutput = z.infer<typeof actionItemsOutput>;
