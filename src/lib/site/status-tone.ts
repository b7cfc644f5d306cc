/** Which colour a status badge wears: done things are green, work in flight amber, reviews blue, dropped things grey. */
import type { ActionStatus } from '../postmortem/model/action-status.ts';
import type { PostmortemStatus } from '../postmortem/schema/frontmatter-schema.ts';

export type StatusTone = 'success' | 'warning' | 'accent' | 'muted';

const TONES: Record<PostmortemStatus | ActionStatus, StatusTone> = {
  final: 'success',
  'in-review': 'accent',
  draft: 'warning',
  DONE: 'success',
  'IN PROGRESS': 'accent',
  TODO: 'warning',
  "WON'T DO": 'muted',
};

/** The tone of a post-mortem status or an action-item status. */
export function statusTone(status: PostmortemStatus | ActionStatus): StatusTone {
  return TONES[status];
}
