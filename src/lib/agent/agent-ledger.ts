/**
 * The action-item ledger for agents: the same selection, counts and records
 * as `npm run action-items` (action-items.ts and its export), over the
 * post-mortems that pass validation (an invalid file's table may be misread).
 */
import { collectActionItems, LEDGER_SORTS, ledgerCounts, matchesStatus, selectLedgerItems, STATUS_FILTERS, type LedgerFilters, type LedgerSort, type StatusFilter } from '../postmortem/ledger/ledger-rules.ts';
import { exportCounts, toLedgerRecords, type LedgerExport } from '../postmortem/ledger/ledger-export.ts';
import type { SeverityId } from '../postmortem/model/severity.ts';
import type { AgentArchive } from './agent-archive.ts';
import type { ActionItemsOutput } from './schemas.ts';

export { LEDGER_SORTS, STATUS_FILTERS };

export interface ActionItemsRequest {
  status: StatusFilter;
  owner?: string;
  severity?: SeverityId;
  service?: string;
  sort: LedgerSort;
  /** `YYYY-MM-DD`. */
  today: string;
  limit?: number;
}

export function listActionItems(archive: AgentArchive, request: ActionItemsRequest): ActionItemsOutput {
  const validPaths = new Set(archive.result.files.filter((file) => file.valid).map((file) => file.path));
  const postmortems = archive.postmortems.filter((pm) => validPaths.has(pm.path));
  const scope: LedgerFilters = { owner: request.owner, severity: request.severity, service: request.service };
  const scoped = selectLedgerItems(collectActionItems(postmortems), scope, request.sort, request.today);
  const records = toLedgerRecords(scoped.filter((item) => matchesStatus(item, request.status, request.today)), request.today);
  const output: LedgerExport = { today: request.today, counts: exportCounts(ledgerCounts(scoped, request.today)), items: records.slice(0, request.limit ?? records.length) };
  return output;
}
