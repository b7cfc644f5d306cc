/**
 * Drafts and the figures. A draft is unfinished by definition: a scaffold's
 * placeholder action item (`TBD`) and half-known timestamps would move the
 * counts and medians (issue 14: open items 35 -> 36, median time to resolve
 * 3 h 18 -> 2 h 55). So every figure, count and the action-item ledger leave
 * drafts out unless asked to include them; lists still show them, marked.
 * Browser-safe: the analytics script applies the same rule.
 */
import type { Frontmatter } from '../schema/frontmatter-schema.ts';

/** The rule in one sentence, as the analytics page, the home page, the CLI help and the docs state it. */
export const DRAFT_RULE = 'Drafts are not counted: a post-mortem enters the figures and the action-item ledger once its status is in-review or final.';

/** True for a post-mortem whose frontmatter says `status: draft`. */
export function isDraft(pm: { meta: Pick<Frontmatter, 'status'> }): boolean {
  return pm.meta.status === 'draft';
}

/** The post-mortems the figures count: drafts left out unless `includeDrafts`. */
export function countedPostmortems<T extends { meta: Pick<Frontmatter, 'status'> }>(postmortems: readonly T[], includeDrafts = false): T[] {
  return includeDrafts ? [...postmortems] : postmortems.filter((pm) => !isDraft(pm));
}
