/** The site's "today": the build date (UTC), against which overdue marks and recent windows are judged. */

/**
 * `YYYY-MM-DD`, UTC, of the build; `today` (the setting `HINDSIGHT_TODAY`) pins it (reproducible
 * builds, tests of date-dependent pages). Server-side only: browser code gets the date from the page.
 */
export function buildDate(today: string | null, now: Date = new Date()): string {
  return today ?? now.toISOString().slice(0, 10);
}
