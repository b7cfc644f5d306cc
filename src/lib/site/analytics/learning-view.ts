/**
 * The learning figures as the analytics page shows them: key figures and
 * tables (the same table model and renderer as the rest of the page), every
 * figure already formatted. Lists that grow with the archive are bounded
 * (see top-rows.ts); /api/learning.json keeps them whole.
 */
import type { LearningFigures } from '../../postmortem/learning/figures.ts';
import type { LinkKinds } from '../../postmortem/learning/link-kinds.ts';
import { share, type Share } from '../../postmortem/learning/share.ts';
import { recordsInView, type ReportView } from '../../postmortem/metrics/metrics-report.ts';
import type { MetricsDataset } from '../../postmortem/metrics/record.ts';
import { isSmallSample } from '../../postmortem/metrics/duration-summary.ts';
import { formatMonth, formatPercent, formatQuarter } from '../format.ts';
import type { KeyFigure, PanelModel } from './models.ts';
import { moreLine, topRows } from './top-rows.ts';

/** Months of the backlog table: two years read as a trend; older months are in the JSON. */
export const BACKLOG_MONTHS = 24;

const SOURCE = 'api/learning.json';

export interface LearningView {
  keyFigures: KeyFigure[];
  /** The first key figures, repeats and open follow-ups at the time: the ones the page's range and service controls re-count. */
  linkFigures: KeyFigure[];
  notes: string[];
  repeatPanels: PanelModel[];
  followUpPanels: PanelModel[];
}

function percent(share: number | null): string {
  return share === null ? '–' : formatPercent(share);
}

function days(value: number | null): string {
  return value === null ? '–' : `${Math.round(value * 10) / 10} d`;
}

function table(id: string, caption: string, columns: string[], rows: string[][], more?: string): PanelModel {
  return { chart: null, table: { id, caption, columns, rows, empty: 'Nothing to show yet.', ...(more ? { more } : {}) } };
}

/** Declared and computed links counted apart: an author's word and a match on shared words are not the same evidence. */
function declaredSplit(row: Share): string {
  return `${row.declared} declared by the author, ${row.count - row.declared} found from shared distinctive words`;
}

function shareRow(row: Share, label = row.label): string[] {
  return [label, String(row.incidents), String(row.count), percent(row.share)];
}

/** Repeats and incidents preceded by an open follow-up, declared and computed apart. */
export function linkKeyFigures(repeats: Share, prevented: Share): KeyFigure[] {
  return [
    { label: 'Repeats', value: percent(repeats.share), detail: `${repeats.count} of ${repeats.incidents} incidents repeat an earlier one (${declaredSplit(repeats)})` },
    {
      label: 'Open follow-up at the time',
      value: percent(prevented.share),
      detail: `${prevented.count} of ${prevented.incidents} incidents were preceded by an open action item about the same failure (${declaredSplit(prevented)})`,
    },
  ];
}

/** The analytics dataset with each reviewed incident's links (analytics/dataset.json). */
export type LearningDataset = MetricsDataset & { learning: LinkKinds };

/** {@link linkKeyFigures} for the reviewed incidents of one range and service: what the page's controls show. */
export function linkKeyFiguresFor(dataset: LearningDataset, view: ReportView): KeyFigure[] {
  const incidents = recordsInView(dataset, { ...view, includeDrafts: false }).filter((record) => record.slug in dataset.learning);
  return linkKeyFigures(
    share('All', incidents, (record) => dataset.learning[record.slug]![0]),
    share('All', incidents, (record) => dataset.learning[record.slug]![1]),
  );
}

function learningKeyFigures({ repeats, prevented, followUps }: LearningFigures): KeyFigure[] {
  const all = followUps.timeToClose.find((row) => row.severity === 'all')!;
  const { outcomes } = followUps;
  return [
    ...linkKeyFigures(repeats.overall, prevented.overall),
    { label: 'Median time to close', value: days(all.medianDays), detail: `${all.n} action items closed with a date` },
    { label: 'Overdue follow-ups', value: String(outcomes.overdue), detail: `of ${outcomes.open + outcomes.overdue} open, as of the build date` },
  ];
}

function learningNotes({ followUps }: LearningFigures): string[] {
  const all = followUps.timeToClose.find((row) => row.severity === 'all')!;
  const notes = [
    'Drafts are left out of every figure here. An action item closed without a date in its Status cell (DONE, not DONE 2026-03-02) is closed at an unknown date: it counts in the outcomes, never in the backlog, time to close or "open at the time".',
  ];
  if (followUps.outcomes.doneUndated) notes.push(`${followUps.outcomes.doneUndated} of ${followUps.outcomes.done} DONE items have no closing date.`);
  if (isSmallSample(all.n)) notes.push(`Only ${all.n} item${all.n === 1 ? ' has' : 's have'} a closing date: time to close is an anecdote, not a trend.`);
  return notes;
}

function repeatPanels({ repeats, prevented }: LearningFigures): PanelModel[] {
  const quarters = repeats.byQuarter.map((row, at) => [formatQuarter(row.label), String(row.incidents), String(row.count), percent(row.share), String(prevented.byQuarter[at]!.count), percent(prevented.byQuarter[at]!.share)]);
  const services = topRows(repeats.byService);
  return [
    table('learning-by-quarter', 'Repeats and open follow-ups at the time, by quarter', ['Quarter', 'Incidents', 'Repeats', 'Share', 'Open follow-up at the time', 'Share'], quarters),
    table('learning-repeats-by-service', 'Repeats by service, most first', ['Service', 'Incidents', 'Repeats', 'Share'], services.shown.map((row) => shareRow(row)), moreLine(services.left, 'service', 'services', ', with fewer repeats', SOURCE)),
    table('learning-repeats-by-category', 'Repeats by root cause', ['Root cause', 'Incidents', 'Repeats', 'Share'], repeats.byCategory.map((row) => shareRow(row))),
  ];
}

function followUpPanels({ followUps }: LearningFigures): PanelModel[] {
  const { outcomes } = followUps;
  const outcomeShare = (count: number) => percent(outcomes.total ? count / outcomes.total : null);
  const earlier = Math.max(followUps.backlog.length - BACKLOG_MONTHS, 0);
  return [
    table('learning-outcomes', 'How action items end', ['Outcome', 'Items', 'Share'], [
      ['Done, with a closing date', String(outcomes.done - outcomes.doneUndated), outcomeShare(outcomes.done - outcomes.doneUndated)],
      ['Done, closed at an unknown date', String(outcomes.doneUndated), outcomeShare(outcomes.doneUndated)],
      ["Won't do", String(outcomes.wontDo), outcomeShare(outcomes.wontDo)],
      ['Open, within the deadline', String(outcomes.open), outcomeShare(outcomes.open)],
      ['Open and overdue', String(outcomes.overdue), outcomeShare(outcomes.overdue)],
      ['All', String(outcomes.total), outcomes.total ? '100%' : '–'],
    ]),
    table(
      'learning-time-to-close',
      'Time to close (DONE) by severity, against the completion target',
      ['Severity', 'Target', 'Closed with a date', 'Median', '90th percentile', 'Closed by the deadline'],
      followUps.timeToClose.map((row) => {
        const target = followUps.targets.find((entry) => entry.severity === row.severity);
        return [row.severity === 'all' ? 'All' : row.severity, target ? `${target.weeks} weeks` : '–', String(row.n), days(row.medianDays), days(row.p90Days), percent(row.onTime)];
      }),
    ),
    table(
      'learning-backlog',
      earlier ? `Open action items at the end of each month, last ${BACKLOG_MONTHS} months` : 'Open action items at the end of each month',
      ['Month', 'Raised', 'Closed', 'Open at month end', 'Of which overdue'],
      followUps.backlog.slice(earlier).map((month) => [formatMonth(month.month), String(month.opened), String(month.closed), String(month.open), String(month.overdue)]),
      earlier ? `and ${earlier} earlier ${earlier === 1 ? 'month' : 'months'}. Every one is in ${SOURCE}.` : undefined,
    ),
  ];
}

/** Key figures, notes and tables for the "Learning across incidents" part of /analytics/. */
export function learningView(figures: LearningFigures): LearningView {
  const keyFigures = learningKeyFigures(figures);
  return { keyFigures, linkFigures: keyFigures.slice(0, 2), notes: learningNotes(figures), repeatPanels: repeatPanels(figures), followUpPanels: followUpPanels(figures) };
}
