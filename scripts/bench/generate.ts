/**
 * Generates a realistic archive for the benchmark: N valid post-mortems in the
 * shipped examples' format (frontmatter, the nine template sections, Timeline
 * and Action Items tables, a 5 Whys chain), varied in severity, category,
 * dates over ten years and size (3–12 KB). Fifteen incident stories give each
 * file its skeleton (title, 5 Whys, root cause); the prose around them, the
 * services, owners, authors, tags and ticket ids come from Zipf-ranked pools
 * (long-tail.ts), so the vocabulary has a real archive's long tail.
 * Deterministic for a seed, so two runs measure the same archive.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CATEGORY_IDS, type CategoryId } from '../../src/lib/postmortem/model/category.ts';
import { SEVERITY_IDS } from '../../src/lib/postmortem/model/severity.ts';
import { fileNameFor } from '../../src/lib/postmortem/model/file-naming.ts';
import { longTail, proseSentence, ticketId, type LongTail } from './long-tail.ts';
import { seededRandom } from './seeded-random.ts';

export { seededRandom };

/** The most common services, first in the Zipf-ranked pool of several hundred (long-tail.ts). */
export const SERVICES = [
  'api-gateway', 'web-app', 'billing', 'payments', 'auth', 'postgres', 'redis', 'kafka', 'search', 'notifications',
  'report-export', 'ingest-worker', 'cdn', 'scheduler', 'webhooks', 'email', 'pdf-renderer', 'bank-feed', 'tax-engine', 'object-storage',
] as const;

/** One incident story per category; `{s}` and `{t}` are the primary and secondary services. */
interface Story {
  title: string;
  summary: string;
  whys: string[];
  rootCause: string;
  tags: string[];
  actions: string[];
}

const STORIES: Record<CategoryId, Story[]> = {
  'code-bug': [
    {
      title: '{s} returned 500s after a null tenant locale reached the formatter',
      summary: 'A change to the currency formatter in `{s}` assumed every tenant has a locale. Tenants created before 2021 have none, and every request that rendered an amount for them failed with a 500 until the change was reverted.',
      whys: ['Requests for older tenants failed with `TypeError: Cannot read properties of null`.', 'The formatter read `tenant.locale.region` without a fallback.', 'The type said `locale` is always set, because the migration that made it required was never run on legacy rows.', 'Fixtures in the test suite are all created with the current factory, which always sets a locale.'],
      rootCause: 'The code trusted a type that the data did not honour, and no test used a legacy tenant.',
      tags: ['null-handling', 'regression', 'legacy-data'],
      actions: ['Backfill `locale` for legacy tenants and make the column NOT NULL', 'Add legacy-tenant fixtures to the `{s}` integration suite', 'Add a lint rule against non-null assertions in formatters'],
    },
    {
      title: 'Race condition in {s} double-processed retried jobs',
      summary: 'Two workers of `{s}` picked up the same retried job because the lock was released before the retry was scheduled. About {n} jobs ran twice; the duplicates were found by the reconciliation report the next morning.',
      whys: ['Some jobs ran twice.', 'Two workers held the job at the same time for a few hundred milliseconds.', 'The retry path released the advisory lock before it wrote the new `run_after` timestamp.', 'The retry path was added later and was not covered by the concurrency tests, which only exercise first runs.'],
      rootCause: 'The retry path broke the lock-then-write ordering that the first-run path relies on.',
      tags: ['race-condition', 'duplicates', 'jobs'],
      actions: ['Hold the lock until the retry is scheduled in `{s}`', 'Add an idempotency key to job side effects', 'Run the concurrency test suite against the retry path'],
    },
    {
      title: 'Pagination off-by-one in {s} hid the last item of every page',
      summary: 'A refactor of the cursor pagination in `{s}` skipped the last row of every page. Lists looked complete, and customers noticed missing invoices in exports only when totals did not add up.',
      whys: ['Exports were missing one row per page.', 'The next cursor was taken from the row after the last one returned.', 'The refactor changed the page query to fetch `limit + 1` rows but kept the old cursor code.', 'The review focused on the query plan, and the tests asserted page sizes but not contents across page boundaries.'],
      rootCause: 'Two halves of the pagination logic changed independently, and no test crossed a page boundary.',
      tags: ['pagination', 'data-loss', 'exports'],
      actions: ['Property-based test for pagination across page boundaries', 'Re-run affected exports for tenants that requested them', 'Move cursor logic into one shared helper'],
    },
  ],
  configuration: [
    {
      title: '{s} rejected logins after an expired signing credential',
      summary: 'The credential `{s}` uses to sign session tokens expired. Every new login failed until a new key was issued and rolled out; existing sessions kept working, which delayed detection.',
      whys: ['New logins failed signature verification.', 'The signing key had passed its expiry date.', 'The key was created by hand three years ago with a fixed lifetime.', 'Rotation was a calendar reminder owned by someone who has since changed teams.'],
      rootCause: 'A credential with a hard expiry had no automated rotation and no alert.',
      tags: ['expired-credential', 'auth', 'rotation'],
      actions: ['Automate rotation of the `{s}` signing key', 'Alert 30 and 7 days before any credential expiry', 'Document the emergency rotation procedure in the runbook'],
    },
    {
      title: 'Wrong connection limit in {s} config starved {t}',
      summary: 'A configuration change lowered the connection limit of `{s}` from 200 to 20, a typo for 120. Under the afternoon peak `{t}` queued behind the pool and timed out.',
      whys: ['Requests to `{t}` timed out after 30 seconds.', 'They waited for a connection from the `{s}` pool.', 'The pool limit was 20 instead of 120.', 'The value is set in a YAML file with no schema and no range check, and the change was reviewed as a one-line diff.'],
      rootCause: 'An unvalidated configuration value reached production without a check of its effect.',
      tags: ['config-typo', 'connection-pool', 'timeouts'],
      actions: ['Add a schema with ranges for `{s}` configuration', 'Show the effective pool size on the `{s}` dashboard', 'Canary configuration changes like code changes'],
    },
    {
      title: 'Feature flag default flipped {s} to the new pricing rules',
      summary: 'A flag meant for an internal beta was created with the default `on`, and every tenant of `{s}` got the new pricing rules for {n} minutes. Invoices drafted in that window had wrong line totals.',
      whys: ['Invoices showed the new prices.', 'The `pricing_v2` flag evaluated to true for every tenant.', 'The flag was created with default `on` and a beta segment that was meant to restrict it.', 'The flag service treats the default as the value for everyone outside a segment, which the author read the other way round.'],
      rootCause: 'The flag default was easy to misread, and new flags were not reviewed before being enabled.',
      tags: ['feature-flag', 'pricing', 'misconfiguration'],
      actions: ['Default new flags to `off` in the flag service', 'Require a second reviewer for flags touching `{s}`', 'Re-issue invoices drafted in the window'],
    },
  ],
  infrastructure: [
    {
      title: 'Disk full on {s} primary stopped writes',
      summary: 'The data volume of the `{s}` primary filled up with write-ahead log segments that a stuck replication slot kept. Writes failed for {n} minutes until the slot was dropped and the volume grown.',
      whys: ['Writes failed with `No space left on device`.', 'The WAL directory grew by 400 GB in two days.', 'An abandoned logical replication slot held back WAL removal.', 'The slot belonged to a decommissioned analytics connector, and decommissioning did not include dropping it.'],
      rootCause: 'An orphaned replication slot retained WAL until the disk filled, and nothing alerted on slot lag.',
      tags: ['disk-full', 'replication', 'wal'],
      actions: ['Alert on replication slot lag above 10 GB', 'Add slot clean-up to the connector decommission checklist', 'Enable volume autoscaling on the `{s}` primary'],
    },
    {
      title: '{s} nodes ran out of memory during the batch window',
      summary: 'Pods of `{s}` were OOM-killed in a loop while the nightly batch ran, because a new dependency version doubled per-request memory. `{t}` saw timeouts until the pods were given more memory.',
      whys: ['Pods restarted every few minutes.', 'The kernel OOM-killed them at the 2 GiB limit.', 'Memory per request doubled after the dependency upgrade.', 'Load tests run with a small dataset, where the extra memory never reached the limit.'],
      rootCause: 'A dependency upgrade changed memory behaviour, and load tests did not use production-sized data.',
      tags: ['oom', 'capacity', 'upgrade'],
      actions: ['Load-test `{s}` with a production-sized dataset', 'Alert on memory above 80% of the limit for 10 minutes', 'Pin and document the dependency version'],
    },
    {
      title: 'Network partition between zones isolated {s} from {t}',
      summary: 'A failed switch in one availability zone cut `{s}` off from `{t}` for {n} minutes. Health checks passed inside the zone, so traffic kept flowing to the isolated instances.',
      whys: ['A third of requests timed out.', 'They were routed to instances that could not reach `{t}`.', 'The health check only tests the process, not its dependencies.', 'A deep health check was removed last year after it caused cascading restarts.'],
      rootCause: 'Health checks could not see dependency failures, so routing never moved away from the broken zone.',
      tags: ['network', 'availability-zone', 'health-checks'],
      actions: ['Add a dependency-aware readiness check with a circuit breaker', 'Run a zone-failure game day for `{s}`', 'Alert on per-zone error rates'],
    },
  ],
  data: [
    {
      title: 'Schema drift in {s} upstream feed broke imports',
      summary: 'The upstream provider of `{s}` renamed a column without notice. Imports failed for every tenant using that provider, and {n} tenants saw stale balances until a mapping fix shipped.',
      whys: ['Imports failed validation.', 'The column `booking_date` was now called `bookingDate`.', 'The provider changed its export format in a minor version.', 'Our parser matched column names exactly and had no contract test against the provider sandbox.'],
      rootCause: 'The import depended on an unversioned external format without a contract test.',
      tags: ['schema-drift', 'imports', 'third-party'],
      actions: ['Contract test against the provider sandbox, nightly', 'Tolerant column matching with an alert on unknown columns', 'Ask the provider for change notices'],
    },
    {
      title: 'Backfill in {s} double-counted totals',
      summary: 'A backfill job for `{s}` ran twice over an overlapping range, and monthly totals for {n} tenants were doubled in reports until the affected rows were recomputed.',
      whys: ['Report totals were twice the real values.', 'Rows for the same period were inserted twice.', 'The backfill was restarted after a timeout and did not resume from its checkpoint.', 'The job has no idempotency key, so a second run adds rather than replaces.'],
      rootCause: 'A non-idempotent backfill was rerun over data it had already written.',
      tags: ['backfill', 'duplicates', 'reporting'],
      actions: ['Make the `{s}` backfill idempotent (upsert by period)', 'Add a reconciliation check after every backfill', 'Recompute totals for affected tenants'],
    },
    {
      title: 'Unexpected volume from one tenant overwhelmed {s}',
      summary: 'One tenant imported {n} thousand documents in an hour, ten times the usual peak. The shared queue of `{s}` backed up and every other tenant waited up to 40 minutes for their jobs.',
      whys: ['Jobs waited up to 40 minutes.', 'The queue held a backlog from a single tenant.', 'The queue is first-in, first-out across all tenants.', 'Per-tenant fairness was deferred when the queue was built because volumes were low.'],
      rootCause: 'A shared queue without per-tenant fairness let one tenant\'s burst starve everyone else.',
      tags: ['noisy-neighbour', 'queue', 'fairness'],
      actions: ['Per-tenant fair scheduling in `{s}`', 'Rate-limit bulk imports per tenant', 'Alert on queue age, not only depth'],
    },
  ],
  deployment: [
    {
      title: 'Deploy of {s} ran before its migration',
      summary: 'A release of `{s}` reached production before the migration that adds the `archived_at` column. Queries that filter on it failed for {n} minutes until the migration was run by hand.',
      whys: ['Queries failed with `column "archived_at" does not exist`.', 'The application release ran before the migration.', 'The pipeline runs migrations in a separate job that was still queued.', 'The two jobs have no dependency between them; ordering was luck.'],
      rootCause: 'The pipeline did not enforce migrations before application rollout.',
      tags: ['migration', 'deploy-order', 'pipeline'],
      actions: ['Make the `{s}` rollout depend on the migration job', 'Write migrations to be backward compatible (expand, then contract)', 'Add a start-up check for the expected schema version'],
    },
    {
      title: 'Stale assets after {s} deploy broke the checkout page',
      summary: 'After a deploy of `{s}`, browsers with a cached HTML page requested JavaScript chunks that no longer existed. The checkout page failed to load for {n} minutes for returning visitors.',
      whys: ['Chunk requests returned 404.', 'The HTML referred to chunk names from the previous build.', 'The deploy removed old chunks from the bucket immediately.', 'The deploy script syncs with `--delete`, which was added to save storage.'],
      rootCause: 'Old build assets were deleted while cached pages still referred to them.',
      tags: ['assets', 'cache', 'deploy'],
      actions: ['Keep the previous two builds\' assets in the bucket', 'Reload the page on chunk load failure', 'Set `Cache-Control: no-cache` on HTML'],
    },
    {
      title: 'Incompatible client version rolled out to {s}',
      summary: 'A new version of the `{t}` client library was deployed in `{s}` before the server side supported its protocol. Calls from `{s}` to `{t}` failed for {n} minutes until the rollout was reverted.',
      whys: ['Calls from `{s}` failed with `unsupported protocol version`.', 'The client spoke protocol v3; the servers still ran v2.', 'The two services are deployed independently and the client was released first.', 'There is no compatibility check between client and server versions in CI.'],
      rootCause: 'A client upgrade shipped ahead of the server it depends on, with no compatibility gate.',
      tags: ['compatibility', 'rollout', 'versioning'],
      actions: ['Add a client-server compatibility test to CI', 'Negotiate the protocol version at connect time', 'Roll out `{s}` with a canary stage'],
    },
  ],
};

const FILLER = [
  'The on-call engineer followed the runbook, which covered the first steps but not this failure mode.',
  'Dashboards showed the symptom within minutes, but the cause took longer to find because logs were sampled at 10%.',
  'Customer support kept a shared thread with engineering, which cut the time to answer tickets.',
  'The status page was updated every 30 minutes, as the severity matrix asks.',
  'We considered a full rollback but chose a targeted fix, because the release also contained a security patch.',
  'Error budgets for the quarter were already tight, so this incident triggered a freeze on non-urgent releases.',
  'The alert thresholds had been tuned for daytime traffic, which made the night-time signal weaker.',
  'Two engineers joined from another team; their knowledge of the legacy path shortened the investigation.',
  'We did not see data loss, but we re-ran the consistency checks for the whole window to be sure.',
  'A similar incident two years ago led to an action item that was closed as "won\'t do"; we revisited that decision.',
  'Most of the time went on confirming the cause, not on the fix, which took minutes once understood.',
  'Traces showed the latency in a single span, which pointed at the dependency rather than our own code.',
  'The change had passed review and CI, which is why nobody suspected it at first.',
  'Tenants on the enterprise plan were notified directly by their account managers.',
  'The incident channel stayed focused because the incident commander kept side discussions in threads.',
  'We found the first symptom in the logs twelve minutes before the alert fired, below the alert threshold.',
];

const TIMELINE_EVENTS = [
  'Alert `{S}ErrorRateHigh` fires for `{s}`',
  'On-call acknowledges the page and opens the incident channel',
  'Incident commander assigned; status page updated',
  'First customer ticket about `{s}` reaches support',
  'Error rate on `{t}` rises as retries pile up',
  'Investigation narrows the cause to the latest change in `{s}`',
  'Logs show the failing query and the affected tenants',
  'Decision to mitigate with a rollback rather than a forward fix',
  'Rollback of `{s}` started',
  'Traffic shifted away from the affected instances',
  'Error rate back below 1%; monitoring continues',
  'Support macro published for affected tenants',
  'Backlog drained; queue age at baseline',
  'Consistency checks for the window started',
  'All checks green for 15 minutes; incident resolved',
];

const WENT_WELL = [
  'Alerting caught the problem before most customers noticed.',
  'The rollback procedure worked as documented.',
  'Support and engineering shared one channel and one timeline.',
  'The feature flag made mitigation a one-click change.',
  'Runbooks for `{s}` were up to date and easy to follow.',
  'Dashboards made the blast radius clear within minutes.',
];
const IMPROVE = [
  'Detection relied on a customer report for one of the affected paths.',
  'The runbook did not say who can approve an emergency change.',
  'Tests did not cover the data shape that failed in production.',
  'The change was rolled out to all tenants at once instead of in stages.',
  'Ownership of `{s}` configuration was unclear.',
  'Alerts fired on symptoms in `{t}` rather than the cause in `{s}`.',
];

export interface GeneratedPostmortem {
  fileName: string;
  text: string;
}

export interface GenerateOptions {
  seed?: number;
  /** The newest incident date; the archive spans ten years before it. */
  endDate?: string;
}

const DAY_MS = 86_400_000;
const YEARS = 10;

/** Builds `count` post-mortems in memory, with unique file names. */
export function generatePostmortems(count: number, options: GenerateOptions = {}): GeneratedPostmortem[] {
  const random = seededRandom(options.seed ?? 20_261_127);
  const end = Date.parse(`${options.endDate ?? '2026-11-20'}T00:00:00Z`);
  const span = YEARS * 365 * DAY_MS;
  const used = new Set<string>();
  const out: GeneratedPostmortem[] = [];
  for (let index = 0; index < count; index += 1) {
    const day = new Date(end - Math.floor(random() * (span / DAY_MS)) * DAY_MS).toISOString().slice(0, 10);
    const pm = generateOne(random, day);
    let fileName = fileNameFor(day, pm.description);
    for (let n = 2; used.has(fileName); n += 1) fileName = fileNameFor(day, `${pm.description}-${n}`);
    used.add(fileName);
    out.push({ fileName, text: pm.text });
  }
  return out;
}

/** Writes `count` post-mortems into `dir` (created if needed); returns the bytes written and the largest file's name. */
export function writeArchive(dir: string, count: number, options: GenerateOptions = {}): { files: number; bytes: number; largest: string } {
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  let largest = { fileName: '', size: -1 };
  for (const pm of generatePostmortems(count, options)) {
    writeFileSync(path.join(dir, pm.fileName), pm.text);
    const size = Buffer.byteLength(pm.text);
    bytes += size;
    if (size > largest.size) largest = { fileName: pm.fileName, size };
  }
  return { files: count, bytes, largest: largest.fileName };
}

/**
 * Adds to a folder written by `writeArchive(dir, count)` the post-mortem that `writeArchive(dir, count + 1)` would
 * add (the generator is seeded, so the first `count` are the same): one new file, for measuring a rebuild.
 */
export function addOnePostmortem(dir: string, count: number): string {
  const next = generatePostmortems(count + 1, {}).at(-1)!;
  writeFileSync(path.join(dir, next.fileName), next.text);
  return next.fileName;
}

let pools: LongTail | null = null;

/** The long-tail pools the generated archives draw from (the same for every seed), built once per process. */
export function archivePools(): LongTail {
  return (pools ??= longTail(SERVICES, Object.values(STORIES).flatMap((stories) => stories.flatMap((story) => story.tags))));
}

/** Random choices for one post-mortem; every draw goes through `random`, so the seed fixes the output. */
interface Draw {
  pick: <T>(items: readonly T[]) => T;
  between: (low: number, high: number) => number;
  /** A Zipf-weighted draw from one of the long-tail pools. */
  tail: (pool: keyof LongTail) => string;
  /** A sentence of long-tail prose of `low`–`high` words. */
  sentence: (low: number, high: number) => string;
  ticket: () => string;
}

/** Minutes after the incident's start at which each milestone falls. */
interface Milestones {
  startMinute: number;
  detected: number;
  acknowledged: number;
  mitigated: number;
  resolved: number;
}

/** The facts of one incident that the frontmatter and the sections both use. */
interface Incident {
  category: CategoryId;
  story: Story;
  /** The primary service, `{s}` in the stories. */
  s: string;
  /** Tenants affected (before capping at the total), `{n}` in the stories. */
  n: number;
  /** Fills a story's placeholders with this incident's services and numbers. */
  fill: (text: string) => string;
  severity: string;
  status: string;
  authors: string[];
  contributing: CategoryId[];
  targetBytes: number;
  milestones: Milestones;
  services: string[];
  tenantsTotal: number;
  /** The story's tags and up to two from the long tail. */
  tags: string[];
}

/** One post-mortem for `day`; its parts are drawn in a fixed order, because the seed reproduces the sequence of draws, not the parts. */
function generateOne(random: () => number, day: string): { description: string; text: string } {
  const pools = archivePools();
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const draw: Draw = {
    pick: (items) => items[Math.floor(random() * items.length)]!,
    between,
    tail: (pool) => pools[pool].draw(random),
    sentence: (low, high) => proseSentence(pools, random, between(low, high)),
    ticket: () => ticketId(pools, random),
  };
  const incident = drawIncident(random, draw);
  const frontmatter = frontmatterLines(incident, draw, day);
  const timeline = timelineRows(incident, draw);
  const actions = actionRows(incident, draw, day);
  const head = `${frontmatter.join('\n')}\n${bodyLines(incident, draw, timeline, actions).join('\n')}`;
  const description = incident.fill(incident.story.title).toLowerCase().replace(/`/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').split('-').slice(0, 6).join('-');
  return { description, text: `${head}${lessonParagraphs(incident, draw, head).join('\n\n')}\n` };
}

/** Draws the incident's story, services and metadata; the order of draws is what the seed reproduces, so keep it. */
function drawIncident(random: () => number, { pick, between, tail }: Draw): Incident {
  const category = pick(CATEGORY_IDS);
  const story = pick(STORIES[category]);
  const s = tail('services');
  let t = tail('services');
  while (t === s) t = tail('services');
  const n = between(3, 240);
  const fill = (text: string) => text.replaceAll('{s}', s).replaceAll('{t}', t).replaceAll('{S}', pascal(s)).replaceAll('{n}', String(n));
  // Severity skews to the milder levels, as in real archives.
  const severity = SEVERITY_IDS[Math.min(3, Math.floor(random() ** 1.6 * 4))]!;
  const roll = random();
  const status = roll < 0.8 ? 'final' : roll < 0.93 ? 'in-review' : 'draft';
  const authors = [tail('authors'), ...(random() < 0.3 ? [tail('authors')] : [])].filter((a, i, all) => all.indexOf(a) === i);
  const contributing = random() < 0.5 ? [pick(CATEGORY_IDS.filter((c) => c !== category))] : [];
  const targetBytes = Math.round(3_000 + random() ** 1.5 * 9_000);
  const milestones = drawMilestones(between);
  const services = [s, t, ...(random() < 0.3 ? [tail('services')] : [])].filter((v, i, all) => all.indexOf(v) === i);
  const tenantsTotal = between(120, 900);
  const tags = [...story.tags, ...Array.from({ length: between(0, 2) }, () => tail('tags'))].filter((v, i, all) => all.indexOf(v) === i);
  return { category, story, s, n, fill, severity, status, authors, contributing, targetBytes, milestones, services, tenantsTotal, tags };
}

/** Milestones (minutes after the start), all on the incident's UTC day. */
function drawMilestones(between: Draw['between']): Milestones {
  const durationMinutes = between(12, 300);
  const startMinute = between(0, 24 * 60 - durationMinutes - 5);
  const detected = between(1, Math.max(2, Math.floor(durationMinutes / 5)));
  const acknowledged = detected + between(1, 10);
  const resolved = durationMinutes;
  const mitigated = Math.max(acknowledged, resolved - between(5, Math.max(6, Math.floor(resolved / 3))));
  return { startMinute, detected, acknowledged, mitigated, resolved };
}

/** The YAML frontmatter, between its `---` fences; draws the two tracker link numbers. */
function frontmatterLines(incident: Incident, { ticket }: Draw, day: string): string[] {
  const { story, fill, milestones: m, tenantsTotal, contributing } = incident;
  const at = (offset: number) => `${day}T${clock(m.startMinute + offset)}:00Z`;
  return [
    '---',
    `title: ${fill(story.title)}`,
    `date: ${day}`,
    `severity: ${incident.severity}`,
    `status: ${incident.status}`,
    'authors:',
    ...incident.authors.map((a) => `  - ${a}`),
    'services:',
    ...incident.services.map((v) => `  - ${v}`),
    `root_cause_category: ${incident.category}`,
    ...(contributing.length ? ['contributing_categories:', ...contributing.map((c) => `  - ${c}`)] : []),
    `started_at: ${at(0)}`,
    `detected_at: ${at(m.detected)}`,
    `acknowledged_at: ${at(m.acknowledged)}`,
    `mitigated_at: ${at(m.mitigated)}`,
    `resolved_at: ${at(m.resolved)}`,
    `tenants_affected: ${Math.min(tenantsTotal, incident.n)}`,
    `tenants_total: ${tenantsTotal}`,
    'tags:',
    ...incident.tags.map((tag) => `  - ${tag}`),
    'links:',
    ...[ticket()].flatMap((id) => [`  - title: ${id}`, `    url: https://tracker.example.com/${id}`]),
    '---',
  ];
}

/** Timeline rows: the five milestones plus events in between, in order. */
function timelineRows({ s, fill, milestones: m }: Incident, { pick, between, sentence }: Draw): string[] {
  const offsets = new Set([0, m.detected, m.acknowledged, m.mitigated, m.resolved]);
  const extra = between(2, 10);
  for (let i = 0; i < extra; i += 1) offsets.add(between(0, m.resolved));
  const sorted = [...offsets].sort((a, b) => a - b);
  return sorted.map((offset, i) => {
    const middle = () => (between(0, 2) === 0 ? sentence(5, 12) : fill(pick(TIMELINE_EVENTS)));
    const event = offset === 0 ? `First errors from \`${s}\`` : i === sorted.length - 1 ? 'All checks green; incident resolved' : middle();
    return `| ${clock(m.startMinute + offset)} | ${event} |`;
  });
}

/** Action Items rows: the story's actions plus a few follow-ups, each with an owner, a due date after the incident and a ticket. */
function actionRows({ story, fill }: Incident, { pick, between, tail, ticket }: Draw, day: string): string[] {
  const due = (afterDays: number) => new Date(Date.parse(`${day}T00:00:00Z`) + afterDays * DAY_MS).toISOString().slice(0, 10);
  const statuses = ['DONE', 'DONE', 'IN PROGRESS', 'TODO', "WON'T DO"];
  return [...story.actions, ...IMPROVE.slice(0, between(0, 3)).map((text) => `Follow up: ${text.toLowerCase()}`)].map((action) => {
    const id = ticket();
    return `| ${fill(action)} | ${tail('owners')} | ${due(between(7, 120))} | ${pick(statuses)} | [${id}](https://tracker.example.com/${id}) |`;
  });
}

/** The template's sections from Summary to the Lessons Learned heading; draws how many list items each section gets. */
function bodyLines(incident: Incident, { between, sentence }: Draw, timeline: string[], actions: string[]): string[] {
  const { story, fill, milestones: m, tenantsTotal } = incident;
  const affected = Math.min(tenantsTotal, incident.n);
  return [
    '',
    '## Summary',
    '',
    `${fill(story.summary)} ${sentence(10, 24)}`,
    '',
    '## Impact',
    '',
    `- **Tenants affected**: ${affected} (${Math.round((affected / tenantsTotal) * 100)}% of total)`,
    `- **Duration**: ${clock(m.startMinute)} to ${clock(m.startMinute + m.resolved)} UTC`,
    `- **User-facing impact**: ${fill(story.summary.split('. ').slice(-1)[0]!)}`,
    '- **Data impact**: None confirmed; consistency checks for the window are recorded below.',
    '',
    '## Timeline (UTC)',
    '',
    '| Time | Event |',
    '|------|-------|',
    ...timeline,
    '',
    '## Root Cause',
    '',
    `Problem: ${fill(story.whys[0]!)}`,
    '',
    ...story.whys.map((why, i) => `${i + 1}. Why? -> ${fill(why)}`),
    '',
    `**Root Cause:** ${fill(story.rootCause)}`,
    '',
    '## Contributing Factors',
    '',
    ...IMPROVE.slice(0, between(2, 4)).map((text) => `- ${fill(text)}`),
    `- ${sentence(8, 20)}`,
    '',
    '## What Went Well',
    '',
    ...WENT_WELL.slice(between(0, 2), between(3, 6)).map((text) => `- ${fill(text)}`),
    '',
    '## What Could Be Improved',
    '',
    ...IMPROVE.slice(between(0, 2), between(3, 6)).map((text) => `- ${fill(text)}`),
    '',
    '## Action Items',
    '',
    '| Action | Owner | Due Date | Status | Ticket |',
    '|--------|-------|----------|--------|--------|',
    ...actions,
    '',
    '## Lessons Learned',
    '',
  ];
}

/** Lessons and notes grow the file to its target size with plain prose paragraphs. */
function lessonParagraphs({ story, fill, targetBytes }: Incident, { pick, between, sentence }: Draw, head: string): string[] {
  const paragraphs: string[] = [fill(story.rootCause) + ' ' + fill(pick(FILLER))];
  let size = Buffer.byteLength(head) + paragraphs[0]!.length;
  while (size < targetBytes) {
    // A quarter of the sentences are the stock FILLER ones (the phrases queries.ts searches as full-text only).
    const paragraph = Array.from({ length: between(2, 5) }, () => (between(0, 3) === 0 ? fill(pick(FILLER)) : sentence(8, 24))).join(' ');
    paragraphs.push(paragraph);
    size += paragraph.length + 2;
  }
  return paragraphs;
}

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function pascal(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());
}
