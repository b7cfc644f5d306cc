/** Formatting for pages: durations, dates, months, quarters, percentages. Browser-safe. */
import { MONTH_ABBREVIATIONS } from '../postmortem/dates.ts';

/** `45 min`, `2 h 13 min`, `3 d 4 h`; an em dash for an unknown duration. */
export function formatDuration(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined || !Number.isFinite(minutes)) return '—';
  const total = Math.round(minutes);
  if (total < 60) return `${total} min`;
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const rest = total % 60;
  if (days > 0) return hours ? `${days} d ${hours} h` : `${days} d`;
  return rest ? `${hours} h ${rest} min` : `${hours} h`;
}

/**
 * `14 Mar 2026` from `2026-03-14`, independent of the build machine's locale and zone.
 * Written out rather than through Intl: pages format thousands of dates per build, and Intl is slow.
 */
export function formatDate(isoDate: string): string {
  const [year, month, day] = isoDate.slice(0, 10).split('-').map(Number) as [number, number, number];
  return `${day} ${MONTH_ABBREVIATIONS[month - 1]} ${year}`;
}

/** `Mar 2026` from `2026-03` (or any date in that month). */
export function formatMonth(month: string): string {
  return `${MONTH_ABBREVIATIONS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

/** `2026 Q1` from `2026-Q1`. */
export function formatQuarter(quarter: string): string {
  return quarter.replace('-', ' ');
}

/** `38%` for 0.375. */
export function formatPercent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/**
 * `09:12 UTC` from an ISO date-time; `1 Mar 16:40 UTC` when it falls on
 * another day than `incidentDate`, so multi-day spans read right.
 */
export function formatTimeUtc(isoDateTime: string, incidentDate?: string): string {
  const iso = new Date(isoDateTime).toISOString();
  const day = iso.slice(0, 10);
  const time = `${iso.slice(11, 16)} UTC`;
  if (!incidentDate || day === incidentDate) return time;
  const sameYear = day.slice(0, 4) === incidentDate.slice(0, 4);
  return `${sameYear ? formatDate(day).replace(/ \d{4}$/, '') : formatDate(day)} ${time}`;
}

/** `14%` of a whole, or null when either figure is unknown. */
export function formatShare(part: number | undefined, whole: number | undefined): string | null {
  if (part === undefined || whole === undefined || whole === 0) return null;
  const share = (part / whole) * 100;
  return `${share < 1 && share > 0 ? share.toFixed(1) : Math.round(share)}%`;
}
