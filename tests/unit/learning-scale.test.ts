/**
 * The learning indexes find links through candidates (buckets of service and
 * category, rare-word prefixes) and keep only the nearest few per list. Held
 * here to the plain definition, every pair compared, on generated archives,
 * with some post-mortems declaring `recurrence_of` and sharing wording.
 */
import { describe, expect, it } from 'vitest';
import { generatePostmortems } from '../../scripts/bench/generate.ts';
import { archiveTermStats } from '../../src/lib/postmortem/learning/evidence.ts';
import { FOLLOW_UPS_KEPT, preventionIndex, preventionReasons } from '../../src/lib/postmortem/learning/prevented.ts';
import { LINKS_KEPT, repeatIndex, repeatReasons } from '../../src/lib/postmortem/learning/repeats.ts';
import { backlogTrend, followUpsOf } from '../../src/lib/postmortem/learning/follow-up-health.ts';
import { quarterBounds, quarterlyReview, quarterlyReviews, reviewQuarters } from '../../src/lib/postmortem/learning/quarterly-review.ts';
import { deadlineOf, isOpen } from '../../src/lib/postmortem/ledger/ledger-rules.ts';
import { chronological, happenedBefore, reviewedIncidents } from '../../src/lib/postmortem/learning/timing.ts';
import { toPostmortem, type Postmortem } from '../../src/lib/postmortem/model/model.ts';
import { parsePostmortem } from '../../src/lib/postmortem/parsing/parse.ts';

function archive(count: number, seed: number): Postmortem[] {
  const postmortems = generatePostmortems(count, { seed }).flatMap((pm) => toPostmortem(parsePostmortem(pm.fileName, pm.text)) ?? []);
  // Every seventh declares the one three places before it, every thirteenth that the first follow-up of the one two places
  // before would have prevented it, every seventeenth dismisses the one just before, and every eleventh copies an earlier one's words (a wording match).
  return postmortems.map((pm, at) => {
    let meta = at % 7 === 0 && at >= 3 ? { ...pm.meta, recurrence_of: [postmortems[at - 3]!.slug] } : pm.meta;
    if (at % 13 === 0 && at >= 2) meta = { ...meta, prevented_by: [{ slug: postmortems[at - 2]!.slug, followUp: '1' }] };
    if (at % 17 === 0 && at >= 1) meta = { ...meta, unrelated_to: [postmortems[at - 1]!.slug] };
    const words = at % 11 === 0 && at >= 5 ? { title: postmortems[at - 5]!.meta.title, tags: postmortems[at - 5]!.meta.tags } : {};
    return { ...pm, meta: { ...meta, ...words } };
  });
}

/** Every (later, earlier) pair the plain definitions accept, in chronological order. */
function plainPairs(postmortems: readonly Postmortem[]) {
  const ordered = chronological(reviewedIncidents(postmortems));
  const repeats: [string, string][] = [];
  const open: [string, string, string, boolean][] = [];
  const stats = archiveTermStats(postmortems);
  ordered.forEach((later, at) => {
    for (const earlier of ordered.slice(0, at)) {
      if (!happenedBefore(earlier, later)) continue;
      if (repeatReasons(later, earlier, stats).length) repeats.push([later.slug, earlier.slug]);
      for (const item of earlier.actionItems) {
        const reasons = preventionReasons(item, earlier, later, stats);
        if (reasons.length) open.push([later.slug, earlier.slug, item.action, reasons[0] === 'Declared in prevented_by']);
      }
    }
  });
  return { ordered, repeats, open };
}

describe('learning indexes at scale', () => {
  for (const [count, seed] of [
    [300, 7],
    [500, 11],
  ] as const) {
    const postmortems = archive(count, seed);
    const { ordered, repeats, open } = plainPairs(postmortems);

    it(`finds exactly the repeats every pair comparison finds (${count} post-mortems)`, () => {
      expect(repeats.length).toBeGreaterThan(count / 10); // the sample has links to find
      const index = repeatIndex(postmortems);
      for (const pm of ordered) {
        const earlier = repeats.filter(([later]) => later === pm.slug).map(([, slug]) => slug);
        const later = repeats.filter(([, slug]) => slug === pm.slug).map(([slug]) => slug);
        const info = index.get(pm.slug)!;
        expect(info.repeatOfCount).toBe(earlier.length);
        expect(info.happenedAgainCount).toBe(later.length);
        const declared = new Set(pm.meta.recurrence_of ?? []);
        const others = earlier.filter((slug) => !declared.has(slug));
        const room = Math.max(LINKS_KEPT - earlier.filter((slug) => declared.has(slug)).length, 0);
        const kept = new Set([...earlier.filter((slug) => declared.has(slug)), ...others.slice(Math.max(others.length - room, 0))]);
        expect(info.repeatOf.map((link) => link.slug)).toEqual(earlier.filter((slug) => kept.has(slug)));
        // Later ones in order: declared always, others while there is room beside those kept so far.
        const again: { slug: string; declared: boolean }[] = [];
        for (const slug of later) {
          const isDeclared = (ordered.find((other) => other.slug === slug)!.meta.recurrence_of ?? []).includes(pm.slug);
          const undeclared = again.filter((link) => !link.declared).length;
          if (isDeclared || undeclared < LINKS_KEPT - (again.length - undeclared)) again.push({ slug, declared: isDeclared });
        }
        expect(info.happenedAgain.map((link) => ({ slug: link.slug, declared: link.declared }))).toEqual(again);
      }
    });

    it(`counts exactly the open follow-ups every pair comparison finds and keeps the nearest (${count} post-mortems)`, () => {
      expect(open.length).toBeGreaterThan(count / 20);
      const index = preventionIndex(postmortems);
      for (const pm of ordered) {
        const before = open.filter(([later]) => later === pm.slug);
        const after = open.filter(([, earlier]) => earlier === pm.slug);
        const info = index.get(pm.slug)!;
        expect(info.openAtTheTimeCount).toBe(before.length);
        expect(info.stillOpenWhenCount).toBe(after.length);
        // Declared ones always, then the latest others while there is room.
        const declared = before.filter((entry) => entry[3]);
        const latest = before.filter((entry) => !entry[3]).slice(-Math.max(FOLLOW_UPS_KEPT - declared.length, 0));
        expect(info.openAtTheTime.map((entry) => [entry.source.slug, entry.item.action])).toEqual(before.filter((entry) => entry[3] || latest.includes(entry)).map(([, earlier, action]) => [earlier, action]));
        // Each follow-up once, with its later incidents in order.
        const actions = [...new Set(after.map(([, , action]) => action))];
        expect(info.stillOpenWhen.map((entry) => [entry.item.action, entry.count])).toEqual(
          pm.actionItems.filter((item) => actions.includes(item.action)).map((item) => [item.action, after.filter(([, , action]) => action === item.action).length]),
        );
      }
    });
  }

  it('keeps lists bounded however many links there are', () => {
    const postmortems = archive(800, 3);
    const repeats = [...repeatIndex(postmortems).values()];
    const prevention = [...preventionIndex(postmortems).values()];
    expect(Math.max(...repeats.map((info) => info.happenedAgainCount))).toBeGreaterThan(LINKS_KEPT * 4);
    expect(Math.max(...prevention.map((info) => info.openAtTheTimeCount))).toBeGreaterThan(FOLLOW_UPS_KEPT * 4);
    for (const info of repeats) expect(info.repeatOf.filter((link) => !link.declared).length).toBeLessThanOrEqual(LINKS_KEPT);
    for (const info of prevention) expect(info.openAtTheTime.length + info.stillOpenWhen.length).toBeLessThanOrEqual(2 * FOLLOW_UPS_KEPT);
  });

  it('makes each quarter\'s review once, as the plain per-quarter reading of the archive gives it', () => {
    const postmortems = archive(600, 5);
    const ordered = chronological(reviewedIncidents(postmortems));
    const items = followUpsOf(postmortems);
    const quarters = reviewQuarters(postmortems);
    expect(quarters.length).toBeGreaterThan(20);
    for (const asOf of ['2026-11-27', '2021-05-15']) {
      expect(quarterlyReviews(postmortems, asOf)).toEqual(quarters.map((quarter) => quarterlyReview(postmortems, quarter, asOf)));
      quarters.forEach((quarter, position) => {
        const review = quarterlyReview(postmortems, quarter, asOf);
        expect(quarterlyReview(postmortems, quarter, asOf)).toBe(review); // made once
        const { first, last } = quarterBounds(quarter);
        const end = asOf < last ? asOf : last;
        const openAtEnd = items.filter((item) => item.date <= end && (isOpen(item) || (item.closed !== null && item.closed > end)));
        expect(review.incidents.map((incident) => incident.slug)).toEqual(ordered.filter((pm) => pm.meta.date >= first && pm.meta.date <= last).map((pm) => pm.slug));
        expect(review.followUps).toEqual({
          opened: items.filter((item) => item.date >= first && item.date <= last).length,
          closed: items.filter((item) => item.closed !== null && item.closed >= first && item.closed <= end).length,
          open: openAtEnd.length,
          overdue: openAtEnd.filter((item) => deadlineOf(item) < end).length,
        });
        expect([review.previous, review.next]).toEqual([quarters[position + 1] ?? null, quarters[position - 1] ?? null]);
      });
    }
  });

  it('reconstructs the backlog as reading every item at every month end does', () => {
    const items = followUpsOf(archive(600, 9));
    for (const asOf of ['2026-11-27', '2022-02-14']) {
      const trend = backlogTrend(items, asOf);
      expect(trend.length).toBeGreaterThan(24);
      expect(trend.some((month) => month.overdue > 0 && month.overdue < month.open)).toBe(true);
      const known = items.filter((item) => isOpen(item) || item.closed);
      for (const { month, ...counts } of trend) {
        const end = month === asOf.slice(0, 7) ? asOf : new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);
        const open = known.filter((item) => item.date <= end && (isOpen(item) || item.closed! > end));
        expect(counts).toEqual({
          opened: known.filter((item) => item.date.startsWith(month)).length,
          closed: known.filter((item) => item.closed?.startsWith(month)).length,
          open: open.length,
          overdue: open.filter((item) => deadlineOf(item) < end).length,
        });
      }
    }
  });
});
