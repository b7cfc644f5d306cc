/**
 * How much of one post-mortem Hindsight reads and renders. The adjustable
 * limits come from the configuration (each has an environment override);
 * the YAML bounds are fixed, because no frontmatter needs more.
 */
import { config } from '../../settings/load-config.ts';

export const LIMITS = {
  ...config.limits,
  /** Characters in the frontmatter block: metadata needs a few hundred; the cap keeps YAML parsing linear in practice. */
  frontmatterChars: 64 * 1024,
  /** YAML alias nodes (`*name`) in the frontmatter. */
  yamlAliases: 50,
  /** How many copies alias expansion may make (`yaml`'s maxAliasCount). */
  yamlAliasExpansion: 100,
  /**
   * Frontmatter values that pages repeat (the title and services on every action item row of the
   * ledger, tags on the list): bounded so repetition cannot multiply a long value.
   */
  titleChars: 200,
  /** Rows of the Action Items table: the ledger page repeats the post-mortem's title and services on each. */
  actionItems: 50,
  listEntries: 20,
  listEntryChars: 60,
  urlChars: 2000,
} as const;
