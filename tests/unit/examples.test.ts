/** The shipped examples are the product's first impression and the site's demo data: they must be valid and varied. */
import { describe, expect, it } from 'vitest';
import { ACTION_STATUSES } from '../../src/lib/postmortem/model/action-status.ts';
import { loadArchive } from '../../src/lib/postmortem/archive/archive.ts';
import { CATEGORY_IDS } from '../../src/lib/postmortem/model/category.ts';
import { loadConfig } from '../../src/lib/settings/load-config.ts';

const config = loadConfig(process.env, process.cwd());
import { incidentIntervals } from '../../src/lib/postmortem/model/durations.ts';
import { SEVERITY_IDS } from '../../src/lib/postmortem/model/severity.ts';

describe('shipped examples', () => {
  const { result, postmortems } = loadArchive(config.archiveDir);

  it('all validate, with no warnings', () => {
    expect(result.files.filter((file) => file.problems.length)).toEqual([]);
    expect(postmortems.length).toBeGreaterThanOrEqual(24);
  });

  it('span at least 18 months and cover every severity, category and status', () => {
    const dates = postmortems.map((pm) => pm.meta.date).sort();
    const months = (Date.parse(dates.at(-1)!) - Date.parse(dates[0]!)) / (30.44 * 86_400_000);
    expect(months).toBeGreaterThanOrEqual(18);
    expect(new Set(postmortems.map((pm) => pm.meta.severity))).toEqual(new Set(SEVERITY_IDS));
    expect(new Set(postmortems.map((pm) => pm.meta.root_cause_category))).toEqual(new Set(CATEGORY_IDS));
    expect(new Set(postmortems.flatMap((pm) => pm.actionItems.map((item) => item.status)))).toEqual(new Set(ACTION_STATUSES));
    expect(new Set(postmortems.map((pm) => pm.meta.status))).toEqual(new Set(['draft', 'in-review', 'final']));
  });

  it('have durations from minutes to days, one crossing midnight', () => {
    const resolve = postmortems.map((pm) => incidentIntervals(pm.meta).resolve).filter((m): m is number => m !== null);
    expect(Math.min(...resolve)).toBeLessThan(30);
    expect(Math.max(...resolve)).toBeGreaterThan(24 * 60);
    expect(postmortems.some((pm) => pm.meta.started_at!.slice(0, 10) !== pm.meta.resolved_at!.slice(0, 10))).toBe(true);
  });
});
