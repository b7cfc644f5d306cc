import type { ParsedPostmortem } from '../parsing/parse.ts';
import type { CheckSettings } from '../safety/limits.ts';

export type Level = 'error' | 'warning';

/** One thing wrong with one file, as every output format reports it. */
export interface Problem {
  /** The rule's id, e.g. `timeline-order`. */
  rule: string;
  level: Level;
  /** What is wrong, quoting the bad value in backticks. */
  message: string;
  /** What to write instead. */
  hint: string;
  /** 1-based line in the file. */
  line: number;
  /** 1-based column. */
  column: number;
}

/** What a rule reports; rule id and level are filled in from the rule unless it overrides the level. */
export type Finding = Omit<Problem, 'rule' | 'level' | 'column'> & { level?: Level; column?: number };

/** A check of one post-mortem. */
export interface Rule {
  id: string;
  level: Level;
  /** One line for docs/FORMAT.md and `validate --help`. */
  description: string;
  /** `settings`: the limits and MDX mode the entry point read (most rules need none). */
  check(postmortem: ParsedPostmortem, settings: CheckSettings): Finding[];
}

/** What archive rules see of each file: little enough to pass between threads. */
export type ArchiveEntry = Pick<ParsedPostmortem, 'path' | 'slug'> & {
  /** The slugs its declared links name (`recurrence_of`, `prevented_by`, `unrelated_to`) and their lines (see learning/recurrence-references.ts). */
  references?: readonly { slug: string; line: number; field?: string; followUp?: string }[];
  /** The names `prevented_by` may give its follow-ups: ticket texts (lower case) and row numbers (see learning/recurrence-references.ts). */
  followUps?: readonly string[];
  /** The services, tags and owners it writes, with their lines (see spelling/spellings-used.ts). */
  spellings?: readonly { kind: 'service' | 'tag' | 'owner'; value: string; line: number }[];
};

/** A check across the archive (e.g. two files with one URL). Returns findings per file path. */
export interface ArchiveRule {
  id: string;
  level: Level;
  description: string;
  check(entries: readonly ArchiveEntry[]): Map<string, Finding[]>;
}
