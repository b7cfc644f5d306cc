/** The site's "today": the build date (UTC), against which overdue marks and recent windows are judged. */
import { config } from '../settings/load-config.ts';

/**
 * `YYYY-MM-DD`, UTC, of the build; `HINDSIGHT_TODAY` pins it (reproducible
 * builds, tests of date-dependent pages). Server-side only: browser code gets the date from the page.
 */
export function buildDate(now: Date = new Date()): string {
  return config.today ?? now.toISOString().slice(0, 10);
}
