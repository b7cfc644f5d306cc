/**
 * Tables that stay one screen at any archive size: a list that grows with
 * the archive (services, authors, owners) keeps its first rows, and a
 * line under the table says how many it left out. The full lists are in the JSON exports.
 */

/** Rows kept of a list that grows with the archive: enough for the busiest, few enough that the page stays light at 10,000 post-mortems. */
export const TOP_ROWS = 10;

/** The first `limit` entries, and how many were left out. */
export function topRows<T>(entries: readonly T[], limit = TOP_ROWS): { shown: T[]; left: number } {
  return { shown: entries.slice(0, limit), left: Math.max(entries.length - limit, 0) };
}

/** `and 3 more services, with fewer incidents. Every one is in api/metrics.json.`; undefined when none were left out. */
export function moreLine(left: number, one: string, many = `${one}s`, detail = '', source = 'api/metrics.json'): string | undefined {
  if (left <= 0) return undefined;
  return `and ${left} more ${left === 1 ? one : many}${detail}. Every one is in ${source}.`;
}
