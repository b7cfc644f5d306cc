/** Action items of the incidents in view by status as of a day, overall and by the quarter that raised them. */
import { isOpen, isOverdue } from '../ledger/ledger-rules.ts';
import { quarterOf } from './range.ts';
import type { IncidentRecord } from './record.ts';

export interface ActionTally {
  done: number;
  /** DONE items whose Status cell gives the day they were closed. */
  doneDated: number;
  open: number;
  overdue: number;
  wontDo: number;
  total: number;
}

/** The tally of one quarter's action items, by the quarter raised. */
export interface QuarterActionTally extends ActionTally {
  quarter: string;
}

/** An action item with what its deadline depends on (the incident's date and severity) and the quarter that raised it. */
export type RaisedItem = IncidentRecord['actionItems'][number] & Pick<IncidentRecord, 'date' | 'severity'> & { quarter: string };

/** Every action item of the records, with its incident's date, severity and quarter. */
export function raisedItems(records: readonly IncidentRecord[]): RaisedItem[] {
  return records.flatMap((record) => record.actionItems.map((item) => ({ ...item, date: record.date, severity: record.severity, quarter: quarterOf(record.date) })));
}

/** Done, open (not overdue), overdue and won't do, as of `asOf`. */
export function tallyActions(items: readonly RaisedItem[], asOf: string): ActionTally {
  const overdue = items.filter((item) => isOverdue(item, asOf)).length;
  return {
    done: items.filter((item) => item.status === 'DONE').length,
    doneDated: items.filter((item) => item.status === 'DONE' && item.closed).length,
    open: items.filter((item) => isOpen(item)).length - overdue,
    overdue,
    wontDo: items.filter((item) => item.status === "WON'T DO").length,
    total: items.length,
  };
}

/** The tally per quarter raised. */
export function actionsByQuarter(items: readonly RaisedItem[], quarters: readonly string[], asOf: string): QuarterActionTally[] {
  return quarters.map((quarter) => ({ quarter, ...tallyActions(items.filter((item) => item.quarter === quarter), asOf) }));
}
