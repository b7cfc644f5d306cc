/** The few facts every agent result gives about a post-mortem and its action items. */
import { isOpen } from '../postmortem/ledger/ledger-rules.ts';
import type { Postmortem } from '../postmortem/model/model.ts';
import type { ActionItem } from '../postmortem/schema/action-item.ts';
import type { actionItemOutput, postmortemSummaryOutput } from './schemas.ts';
import type { z } from 'astro/zod';

export function postmortemSummary(pm: Postmortem): z.infer<typeof postmortemSummaryOutput> {
  const { title, date, severity, status, services, root_cause_category } = pm.meta;
  return { slug: pm.slug, title, date, severity, status, services: [...services], root_cause_category, path: pm.path };
}

export function actionItemSummary(item: ActionItem): z.infer<typeof actionItemOutput> {
  return { action: item.action, owner: item.owner, due: item.due, status: item.status, open: isOpen(item), ticket: item.ticket, line: item.line };
}
