/**
 * Learning across incidents, on a purpose-built archive (tests/fixtures/learning):
 * A 2026-01-10 ingest backlog (SEV-2, infrastructure) with four follow-ups: one still open, one closed
 * before the next incident, one closed without a date, one given up (WON'T DO) after it;
 * B 2026-02-01 an unrelated email typo; C 2026-02-20 the backlog again (declares recurrence_of A);
 * D 2026-03-15 a configuration slip on the same service; E 2026-04-01 a draft (never counted);
 * F 2026-04-20 the backlog a third time (not declared: found by service and category).
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseStatusCell } from '../../src/lib/postmortem/model/action-status.ts';
import { parsePostmortem } from '../../src/lib/postmortem/parsing/parse.ts';
import { loadArchive, readPostmortems, expandPaths } from '../../src/lib/postmortem/archive/archive.ts';
import { learningFigures } from '../../src/lib/postmortem/learning/figures.ts';
import { backlogTrend, followUpsOf, outcomes, timeToClose } from '../../src/lib/postmortem/learning/follow-up-health.ts';
import { preventionOf } from '../../src/lib/postmortem/learning/prevented.ts';
import { quarterBounds, quarterlyReview, reviewQuarters } from '../../src/lib/postmortem/learning/quarterly-review.ts';
import { repeatsOf } from '../../src/lib/postmortem/learning/repeats.ts';
import { wasOpenOn } from '../../src/lib/postmortem/learning/timing.ts';
import { readSource } from '../../src/lib/postmortem/parsing/source.ts';
import { validateFiles, validatePostmortems } from '../../src/lib/postmortem/validation/validate.ts';
import { FileValidationCache } from '../../src/lib/postmortem/validation/validation-cache.ts';
import { DEFAULT_SIZE_LIMITS } from '../../src/lib/postmortem/safety/limits.ts';

const DIR = path.resolve(import.meta.dirname, '../fixtures/learning');
const { result, postmortems } = loadArchive(DIR);
const pm = (slug: string) => postmortems.find((candidate) => candidate.slug === slug)!;
const A = '2026-01-10-ingest-queue-backlog';
const B = '2026-02-01-invoice-email-typo';
const C = '2026-02-20-ingest-queue-backlog-again';
const D = '2026-03-15-ingest-config-typo';
const E = '2026-04-01-ingest-stall-draft';
const F = '2026-04-20-ingest-batch-backlog';
const AS_OF = '2026-04-25';
const scratch = mkdtempSync(path.join(os.tmpdir(), 'hindsight-learning-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the fixture archive', () => {
  it('is valid, warnings included', () => {
    expect(result.files.flatMap((file) => file.problems)).toEqual([]);
    expect(postmortems).toHaveLength(6);
  });
});

describe('the closing date in the Status cell', () => {
  it('is read after DONE and WON\'T DO, in any of the documented forms', () => {
    expect(parseStatusCell('DONE 2026-03-02')).toEqual({ status: 'DONE', closedText: '2026-03-02' });
    expect(parseStatusCell("won't do (2026-03-02)")).toEqual({ status: "WON'T DO", closedText: '2026-03-02' });
    expect(parseStatusCell('Done on 2026-03-02')).toEqual({ status: 'DONE', closedText: '2026-03-02' });
    expect(parseStatusCell('IN PROGRESS')).toEqual({ status: 'IN PROGRESS', closedText: null });
    expect(pm(A).actionItems.map((item) => [item.status, item.closed])).toEqual([
      ['TODO', null],
      ['DONE', '2026-01-18'],
      ['DONE', null],
      ["WON'T DO", '2026-03-05'],
    ]);
  });

  it('is checked: a real date, only on a closed status, not before the incident', () => {
    const text = readFileSync(path.join(DIR, `postmortem-${A}.md`), 'utf8')
      .replace('| TODO |', '| TODO 2026-02-01 |')
      .replace('| DONE 2026-01-18 |', '| DONE 2026-01-32 |')
      .replace("| WON'T DO 2026-03-05 |", "| WON'T DO 2025-12-31 |");
    const file = path.join(scratch, `postmortem-${A}.md`);
    writeFileSync(file, text);
    const problems = validatePostmortems(readPostmortems([file])).files[0]!.problems.filter((problem) => problem.rule === 'action-item-status');
    expect(problems.map((problem) => problem.message)).toEqual([
      'status `TODO 2026-02-01` gives a closing date, but TODO is still open',
      'closing date `2026-01-32` in status `DONE 2026-01-32` is not a real YYYY-MM-DD date',
      'closing date `2025-12-31` is before the incident (`2026-01-10`)',
    ]);
    expect(problems.map((problem) => problem.line)).toEqual([text.split('\n').findIndex((line) => line.includes('TODO 2026-02-01')) + 1, expect.any(Number), expect.any(Number)]);
  });

  it('makes an item open, closed or unknown on a given day', () => {
    const [open, closedBefore, closedUndated, wontDoLater] = pm(A).actionItems;
    expect(wasOpenOn(open!, '2026-02-20')).toBe(true);
    expect(wasOpenOn(closedBefore!, '2026-02-20')).toBe(false);
    expect(wasOpenOn(closedBefore!, '2026-01-17')).toBe(true);
    // Closed on the day itself may be the response to the incident: not counted as open.
    expect(wasOpenOn(closedBefore!, '2026-01-18')).toBe(false);
    expect(wasOpenOn(closedUndated!, '2026-02-20')).toBeNull();
    expect(wasOpenOn(wontDoLater!, '2026-02-20')).toBe(true);
  });
});

describe('repeats', () => {
  it('links a declared repeat both ways; the declaration wins over any computed reason', () => {
    expect(repeatsOf(pm(C), postmortems).repeatOf).toEqual([expect.objectContaining({ slug: A, declared: true, reasons: ['Declared in recurrence_of'] })]);
    expect(repeatsOf(pm(A), postmortems).happenedAgain.map((link) => [link.slug, link.declared])).toEqual([[C, true]]);
  });

  it('finds an undeclared repeat from distinctive words both name, and says which', () => {
    expect(repeatsOf(pm(F), postmortems).repeatOf).toEqual([
      expect.objectContaining({ slug: C, declared: false, reasons: ['Both name `cap`, `noisy` and `size`', 'Similar wording (36%)'] }),
    ]);
  });

  it('never links on a shared service or category alone, and leaves out drafts', () => {
    // D shares ingest-worker with A, C and F; A and F share the service and the category: neither is evidence.
    expect(repeatsOf(pm(D), postmortems).repeatOf).toEqual([]);
    expect(repeatsOf(pm(F), postmortems).repeatOf.map((link) => link.slug)).not.toContain(A);
    expect(repeatsOf(pm(B), postmortems).repeatOf).toEqual([]);
    expect(repeatsOf(pm(E), postmortems)).toEqual({ repeatOf: [], happenedAgain: [], repeatOfCount: 0, repeatOfDeclared: 0, happenedAgainCount: 0 });
  });

  it('drops a computed link the author dismissed with unrelated_to, on either side', () => {
    const dismissing = postmortems.map((candidate) => (candidate.slug === F ? { ...candidate, meta: { ...candidate.meta, unrelated_to: [C] } } : candidate));
    expect(repeatsOf(dismissing.find((candidate) => candidate.slug === F)!, dismissing).repeatOf).toEqual([]);
    expect(preventionOf(dismissing.find((candidate) => candidate.slug === F)!, dismissing).openAtTheTime).toEqual([]);
    const dismissedByEarlier = postmortems.map((candidate) => (candidate.slug === C ? { ...candidate, meta: { ...candidate.meta, unrelated_to: [F] } } : candidate));
    expect(repeatsOf(dismissedByEarlier.find((candidate) => candidate.slug === C)!, dismissedByEarlier).happenedAgain).toEqual([]);
  });
});

describe('open follow-ups at the time ("might have been prevented")', () => {
  const actions = (slug: string) => preventionOf(pm(slug), postmortems).openAtTheTime.map((entry) => `${entry.source.slug}: ${entry.item.action}`);

  it('takes the author\'s prevented_by (by row or ticket) as declared', () => {
    expect(preventionOf(pm(C), postmortems).openAtTheTime).toEqual([
      expect.objectContaining({ source: expect.objectContaining({ slug: A }), declared: true, reasons: ['Declared in prevented_by'], item: expect.objectContaining({ action: 'Add a queue-age alert' }) }),
    ]);
    expect(preventionOf(pm(C), postmortems).openAtTheTimeDeclared).toBe(1);
  });

  it('links an open follow-up whose words name the later root cause, with the evidence', () => {
    expect(preventionOf(pm(F), postmortems).openAtTheTime).toEqual([
      expect.objectContaining({
        declared: false,
        item: expect.objectContaining({ action: 'Cap batch size per tenant' }),
        reasons: ['Both the follow-up and the root cause name `cap` and `size`; row 1 was open on 2026-04-20'],
      }),
    ]);
  });

  it('never on a shared service or category alone, nor for drafts or unrelated incidents', () => {
    // A's queue-age alert was open when D (same service) and F (same service and category) started.
    expect(actions(D)).toEqual([]);
    expect(actions(F)).toEqual([`${C}: Cap batch size per tenant`]);
    expect(actions(B)).toEqual([]);
    expect(preventionOf(pm(E), postmortems)).toEqual({ openAtTheTime: [], stillOpenWhen: [], openAtTheTimeCount: 0, openAtTheTimeDeclared: 0, stillOpenWhenCount: 0 });
  });

  it('lists each follow-up of the older incident once, with the later incidents it was open for', () => {
    const entries = (slug: string) => preventionOf(pm(slug), postmortems).stillOpenWhen.map((entry) => [entry.item.action, entry.incidents.map((incident) => incident.slug)]);
    expect(entries(A)).toEqual([['Add a queue-age alert', [C]]]);
    expect(entries(C)).toEqual([['Cap batch size per tenant', [F]]]);
  });
});

describe('follow-up health', () => {
  const items = followUpsOf(postmortems);

  it('leaves the draft\'s items out', () => {
    expect(items).toHaveLength(8);
    expect(items.some((item) => item.slug === E)).toBe(false);
  });

  it('splits outcomes: done (one without a date), won\'t do, open, overdue by the ledger\'s rule', () => {
    expect(outcomes(items, AS_OF)).toEqual({ total: 8, done: 3, doneUndated: 1, wontDo: 1, open: 1, overdue: 3 });
  });

  it('measures time to close from dated DONE items only', () => {
    const all = timeToClose(items);
    expect(all.find((row) => row.severity === 'SEV-2')).toEqual({ severity: 'SEV-2', n: 1, medianDays: 8, p90Days: 8, onTime: 1 });
    expect(all.find((row) => row.severity === 'SEV-4')).toMatchObject({ n: 1, medianDays: 1 });
    expect(all.find((row) => row.severity === 'SEV-1')).toMatchObject({ n: 0, medianDays: null, onTime: null });
    expect(all.find((row) => row.severity === 'all')).toMatchObject({ n: 2, medianDays: 4.5, onTime: 1 });
  });

  it('reconstructs the backlog at each month end, leaving out the item closed without a date', () => {
    expect(backlogTrend(items, AS_OF)).toEqual([
      { month: '2026-01', opened: 3, closed: 1, open: 2, overdue: 0 },
      { month: '2026-02', opened: 2, closed: 1, open: 3, overdue: 1 },
      { month: '2026-03', opened: 1, closed: 1, open: 3, overdue: 2 },
      { month: '2026-04', opened: 1, closed: 0, open: 4, overdue: 3 },
    ]);
  });
});

describe('the analytics shares', () => {
  it('count repeats and incidents preceded by an open follow-up among reviewed incidents', () => {
    const figures = learningFigures(postmortems, AS_OF);
    expect(figures.incidents).toBe(5);
    // Declared and computed apart: C declares both, F's are found from shared words.
    expect(figures.repeats.overall).toEqual({ label: 'All', incidents: 5, count: 2, declared: 1, share: 0.4 });
    expect(figures.prevented.overall).toEqual({ label: 'All', incidents: 5, count: 2, declared: 1, share: 0.4 });
    expect(figures.repeats.byService[0]).toEqual({ label: 'ingest-worker', incidents: 4, count: 2, declared: 1, share: 0.5 });
    expect(figures.repeats.byCategory.map((row) => [row.label, row.count, row.incidents])).toEqual([
      ['Code bug', 0, 1],
      ['Configuration', 0, 1],
      ['Infrastructure', 2, 3],
    ]);
    expect(figures.repeats.byQuarter.map((row) => [row.label, row.count, row.incidents])).toEqual([
      ['2026-Q1', 1, 4],
      ['2026-Q2', 1, 1],
    ]);
  });
});

describe('the quarterly review', () => {
  it('lists the quarters with reviewed incidents, newest first', () => {
    expect(reviewQuarters(postmortems)).toEqual(['2026-q2', '2026-q1']);
    expect(quarterBounds('2026-q1')).toEqual({ first: '2026-01-01', last: '2026-03-31', label: 'Q1 2026' });
  });

  it('gathers a quarter: severities, themes, repeats, prevention cases, follow-up movement and lessons', () => {
    const review = quarterlyReview(postmortems, '2026-q1', AS_OF);
    expect(review.incidents.map((incident) => incident.slug)).toEqual([A, B, C, D]);
    expect(review.bySeverity.map((row) => row.count)).toEqual([1, 1, 1, 1]);
    expect(review.themes.services[0]).toEqual({ label: 'ingest-worker', count: 3 });
    expect(review.themes.categories[0]).toEqual({ label: 'Infrastructure', count: 2 });
    expect(review.repeats.map((incident) => incident.slug)).toEqual([C]);
    expect(review.mightHaveBeenPrevented.map((incident) => incident.slug)).toEqual([C]);
    expect([review.repeatsDeclared, review.preventedDeclared]).toEqual([1, 1]);
    expect(review.followUps).toEqual({ opened: 7, closed: 3, open: 3, overdue: 2 });
    expect(review.incidents[1]!.lessons).toBe('Copy is code: it needs a review step too.');
    expect([review.previous, review.next, review.asOf]).toEqual([null, '2026-q2', '2026-03-31']);
  });
});

describe('rule recurrence-of', () => {
  function archiveWith(text: string): string {
    const dir = mkdtempSync(path.join(scratch, 'archive-'));
    for (const file of readdirSync(DIR)) copyFileSync(path.join(DIR, file), path.join(dir, file));
    writeFileSync(path.join(dir, `postmortem-${C}.md`), text);
    return dir;
  }
  const original = readFileSync(path.join(DIR, `postmortem-${C}.md`), 'utf8');
  const bad = original.replace(`  - ${A}\n`, `  - ${A}\n  - 2026-01-09-no-such-incident\n  - ${F}\n  - postmortem-${C}.md\n`);

  it('reports a missing, a later and a self reference, each on its line', () => {
    const dir = archiveWith(bad);
    const report = validatePostmortems(readPostmortems(expandPaths([dir]).files)).files.find((file) => file.path.endsWith(`${C}.md`))!;
    const lineOf = (needle: string) => bad.split('\n').findIndex((line) => line.includes(needle)) + 1;
    expect(report.problems.map((problem) => [problem.rule, problem.line, problem.message])).toEqual([
      ['recurrence-of', lineOf('no-such-incident'), '`recurrence_of` names `2026-01-09-no-such-incident`, which is not a post-mortem in the archive'],
      ['recurrence-of', lineOf(`  - ${F}`), `\`recurrence_of\` names \`${F}\`, which happened after this incident (2026-02-20)`],
      ['recurrence-of', lineOf(`postmortem-${C}.md`), `\`recurrence_of\` names this post-mortem itself (\`${C}\`)`],
    ]);
  });

  it('still reports them when the file\'s other problems come from validate\'s cache', async () => {
    const dir = archiveWith(bad);
    const files = readdirSync(dir).map((file) => path.join(dir, file));
    const cache = () => new FileValidationCache(path.join(dir, '.cache'), 'test');
    const validate = (store: FileValidationCache) => validateFiles(files.map((file) => ({ path: file, source: readSource(file, DEFAULT_SIZE_LIMITS.fileBytes.value) })), { cache: store });
    const first = validate(cache());
    const second = cache();
    let answered = 0;
    const get = second.get.bind(second);
    second.get = (key) => {
      const problems = get(key);
      if (problems) answered += 1;
      return problems;
    };
    expect(validate(second)).toEqual(first);
    expect(answered).toBe(files.length);
    expect(first.summary.errors).toBe(3);
  });
});

describe('the shipped examples', () => {
  const examples = loadArchive(path.resolve(import.meta.dirname, '../../docs/spec/.llm/completed')).postmortems;

  it('include a declared repeat; every computed link names its evidence; no follow-up is listed twice on a page', () => {
    expect(examples.some((candidate) => repeatsOf(candidate, examples).repeatOf.some((link) => link.declared))).toBe(true);
    for (const candidate of examples) {
      const repeats = repeatsOf(candidate, examples);
      const prevention = preventionOf(candidate, examples);
      for (const link of [...repeats.repeatOf, ...repeats.happenedAgain].filter((entry) => !entry.declared)) expect(link.reasons.join(' ')).toMatch(/`[^`]+`|Similar wording/);
      for (const entry of prevention.openAtTheTime.filter((open) => !open.declared)) expect(entry.reasons.join(' ')).toMatch(/`[^`]+`.*was open on/);
      const items = prevention.stillOpenWhen.map((entry) => entry.item);
      expect(new Set(items).size).toBe(items.length);
    }
  });

  it('count few incidents as preceded by an open follow-up: those a reviewer agrees with (docs/METRICS.md)', () => {
    const preceded = examples.filter((candidate) => preventionOf(candidate, examples).openAtTheTimeCount > 0).map((candidate) => candidate.slug);
    expect(preceded).toEqual(['2026-09-22-saml-idp-cert-rotation']);
  });
});

describe('declared links in the frontmatter', () => {
  const validFields = (yaml: string) => parsePostmortem('postmortem-2026-03-01-x.md', `---\n${yaml}\n---\n`).fields;

  it('reads prevented_by as slug and follow-up (ticket or row), and unrelated_to as slugs', () => {
    expect(validFields('prevented_by: postmortem-2025-07-16-pgbouncer-pool-exhaustion.md#OPS-1332').prevented_by).toEqual([{ slug: '2025-07-16-pgbouncer-pool-exhaustion', followUp: 'OPS-1332' }]);
    expect(validFields('prevented_by: [2026-01-10-ingest-queue-backlog#1]').prevented_by).toEqual([{ slug: '2026-01-10-ingest-queue-backlog', followUp: '1' }]);
    expect(validFields('unrelated_to: 2026-02-26-bank-feed-schema-drift').unrelated_to).toEqual(['2026-02-26-bank-feed-schema-drift']);
  });

  it('reports an entry without its follow-up, quoting the value, with the form to write', () => {
    const file = path.join(scratch, `postmortem-${F}.md`);
    writeFileSync(file, readFileSync(path.join(DIR, `postmortem-${F}.md`), 'utf8').replace('tags:\n', 'prevented_by: [2025-07-16-pgbouncer-pool-exhaustion]\ntags:\n'));
    const { problems } = validatePostmortems(readPostmortems([file])).files[0]!;
    expect(problems.map((problem) => problem.message).join('\n')).toMatch(/prevented_by/);
    expect(problems.map((problem) => `${problem.message} ${problem.hint}`).join('\n')).toMatch(/slug#ticket/);
  });

  it('checks the slugs across the archive, as recurrence_of', () => {
    const bad = readFileSync(path.join(DIR, `postmortem-${F}.md`), 'utf8').replace('tags:\n', 'prevented_by: [2027-01-01-later#1]\nunrelated_to: [2026-01-11-missing]\ntags:\n');
    const folder = mkdtempSync(path.join(scratch, 'declared-'));
    for (const name of readdirSync(DIR)) copyFileSync(path.join(DIR, name), path.join(folder, name));
    writeFileSync(path.join(folder, `postmortem-${F}.md`), bad);
    const messages = loadArchive(folder).result.files.flatMap((file) => file.problems.map((problem) => problem.message));
    expect(messages).toContain('`prevented_by` names `2027-01-01-later`, which is not a post-mortem in the archive');
    expect(messages).toContain('`unrelated_to` names `2026-01-11-missing`, which is not a post-mortem in the archive');
  });
});

describe('rule recurrence-of on prevented_by follow-ups', () => {
  function archiveWith(entry: string): string {
    const dir = mkdtempSync(path.join(scratch, 'follow-up-'));
    for (const file of readdirSync(DIR)) copyFileSync(path.join(DIR, file), path.join(dir, file));
    const text = readFileSync(path.join(DIR, `postmortem-${C}.md`), 'utf8').replace(`prevented_by: ${A}#1`, `prevented_by: ${entry}`);
    writeFileSync(path.join(dir, `postmortem-${C}.md`), text);
    return dir;
  }
  const problemsOf = (result: ReturnType<typeof validateFiles>) => result.files.find((file) => file.path.endsWith(`${C}.md`))!.problems.map((problem) => problem.message);

  it('accepts a row number, and reports a follow-up the earlier post-mortem does not have, fresh or cached', () => {
    expect(problemsOf(validatePostmortems(readPostmortems(expandPaths([archiveWith(`${A}#4`)]).files)))).toEqual([]);
    const dir = archiveWith(`${A}#OPS-404`);
    const files = readdirSync(dir).filter((file) => file.endsWith('.md')).map((file) => path.join(dir, file));
    const expected = `\`prevented_by\` names follow-up \`OPS-404\` of \`${A}\`, which has no such ticket or row`;
    const cache = () => new FileValidationCache(path.join(dir, '.cache'), 'test');
    const validate = (store: FileValidationCache) => validateFiles(files.map((file) => ({ path: file, source: readSource(file, DEFAULT_SIZE_LIMITS.fileBytes.value) })), { cache: store });
    expect(problemsOf(validate(cache()))).toEqual([expected]);
    // Second run: every file's own problems from the cache; the archive rule still sees A's follow-ups.
    expect(problemsOf(validate(cache()))).toEqual([expected]);
  });
});
