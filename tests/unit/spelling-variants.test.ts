/** One spelling per service, tag and owner: the archive rule, and the same answer whether a file came from the cache or not. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { spellingVariants } from '../../src/lib/postmortem/rules/spelling-variants.ts';
import type { ArchiveEntry, Finding } from '../../src/lib/postmortem/rules/types.ts';
import { archiveSpelling, preferredSpelling, spellingKey } from '../../src/lib/postmortem/spelling/spelling-key.ts';
import { spellingsInText, spellingsOf } from '../../src/lib/postmortem/spelling/spellings-used.ts';
import { parsePostmortem } from '../../src/lib/postmortem/parsing/parse.ts';
import { validateFiles, type CachedCheck, type ValidationCache } from '../../src/lib/postmortem/validation/validate.ts';

const VALID = readFileSync('tests/fixtures/valid/postmortem-2026-03-14-report-export-timeouts.md', 'utf8');
const variant = VALID.replace('  - report-export\n', '  - Report Export\n').replace('  - timeouts\n', '  - Timeouts\n').replace('| @platform-team |', '| @platform_team |');
const FILES = [
  { path: 'archive/postmortem-2026-03-14-report-export-timeouts.md', text: VALID },
  { path: 'archive/postmortem-2026-03-14-report-export-again.md', text: VALID },
  { path: 'archive/postmortem-2026-03-14-report-export-variant.md', text: variant },
];
const source = (text: string) => ({ text, bytes: Buffer.byteLength(text), problem: null });

function memoryCache(): ValidationCache & { store: Map<string, CachedCheck> } {
  const store = new Map<string, CachedCheck>();
  return { store, get: (key) => store.get(key), set: (key, check) => void store.set(key, check), save: () => {} };
}

const warnings = (result: ReturnType<typeof validateFiles>) =>
  result.files.map((file) => ({ path: file.path, found: file.problems.filter((problem) => problem.rule === 'spelling-variants').map((problem) => `${problem.line}: ${problem.message}`) }));

describe('spelling-variants', () => {
  it('reduces case, spacing, separators and plurals to one key', () => {
    expect(spellingKey('Redis')).toBe(spellingKey('redis'));
    expect(spellingKey('web app')).toBe(spellingKey('web-app'));
    expect(spellingKey('@platform_team')).toBe(spellingKey('@platform-team'));
    expect(spellingKey('billing_APIs')).toBe(spellingKey('billing-api'));
    expect(spellingKey('api-gateway')).not.toBe(spellingKey('api'));
    expect(archiveSpelling('Redis', new Map([['redis', 3]]))).toBe('redis');
    expect(archiveSpelling('web app', new Map([['web-app', 1], ['Web App', 1]]))).toBe('web-app');
    expect(archiveSpelling('new-thing', new Map([['redis', 3]]))).toBe('new-thing');
  });

  it('warns on the rarer spelling only, naming the archive spelling and the line', () => {
    const result = validateFiles(FILES.map((file) => ({ path: file.path, parsed: parsePostmortem(file.path, file.text) })));
    const [first, second, third] = warnings(result);
    expect(first!.found).toEqual([]);
    expect(second!.found).toEqual([]);
    expect(third!.found).toEqual([
      "9: service `Report Export` is written `report-export` elsewhere in the archive (2 post-mortems, e.g. postmortem-2026-03-14-report-export-timeouts.md)",
      "22: tag `Timeouts` is written `timeouts` elsewhere in the archive (2 post-mortems, e.g. postmortem-2026-03-14-report-export-timeouts.md)",
      expect.stringMatching(/^\d+: owner `@platform_team` is written `@platform-team` elsewhere/),
    ]);
    expect(result.files[2]!.problems.find((problem) => problem.rule === 'spelling-variants')!.hint).toContain('Write `report-export`');
    expect(result.files[2]!.valid).toBe(true);
  });

  it('gives the same answer for files whose problems came from the cache', () => {
    const cache = memoryCache();
    const files = FILES.map((file) => ({ path: file.path, source: source(file.text) }));
    const fresh = warnings(validateFiles(files, { cache }));
    expect(cache.store.size).toBe(3);
    expect(warnings(validateFiles(files, { cache }))).toEqual(fresh);
    // Without the spellings in the cache (an entry written before they were kept), the text gives the same.
    for (const [key, check] of cache.store) cache.store.set(key, { problems: check.problems });
    expect(warnings(validateFiles(files, { cache }))).toEqual(fresh);
    for (const file of FILES) expect(spellingsInText(file.text)).toEqual(spellingsOf(parsePostmortem(file.path, file.text)));
  });
});

/** The rule as first written (a key and a preferred spelling computed at every use): the definition the faster one is held to. */
function plainSpellingVariants(postmortems: readonly ArchiveEntry[]): Map<string, Finding[]> {
  const FIELD = { service: 'services', tag: 'tags', owner: 'Action Items owner' };
  const groups = new Map<string, Map<string, Set<string>>>();
  for (const pm of postmortems) {
    for (const use of pm.spellings ?? []) {
      const key = `${use.kind}\0${spellingKey(use.value)}`;
      const spellings = groups.get(key) ?? new Map<string, Set<string>>();
      spellings.set(use.value, (spellings.get(use.value) ?? new Set()).add(pm.path));
      groups.set(key, spellings);
    }
  }
  const findings = new Map<string, Finding[]>();
  for (const pm of postmortems) {
    const told = new Set<string>();
    for (const use of pm.spellings ?? []) {
      const spellings = groups.get(`${use.kind}\0${spellingKey(use.value)}`)!;
      if (spellings.size < 2) continue;
      const preferred = preferredSpelling(new Map([...spellings].map(([name, files]) => [name, files.size])));
      if (use.value === preferred || told.has(`${use.kind}\0${use.value}`)) continue;
      told.add(`${use.kind}\0${use.value}`);
      const files = spellings.get(preferred)!;
      findings.set(pm.path, [...(findings.get(pm.path) ?? []), {
        line: use.line,
        message: `${use.kind} \`${use.value}\` is written \`${preferred}\` elsewhere in the archive (${files.size} post-mortem${files.size === 1 ? '' : 's'}, e.g. ${path.basename([...files][0]!)})`,
        hint: `Write \`${preferred}\` (in ${FIELD[use.kind]}) so both count as one ${use.kind} in every facet, filter and chart.`,
      }]);
    }
  }
  return findings;
}

describe('spelling-variants over a large archive', () => {
  it('finds exactly what the plain definition finds, in the same order, on 600 files with names written many ways', () => {
    let seed = 29;
    // mulberry32: a small seeded generator, so the archive is the same at every run.
    const random = (n: number) => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
    };
    const spell = (name: string) => [name, name.toUpperCase(), name.replace(/-/g, '_'), name.replace(/-/g, ' '), `${name}s`, name[0]!.toUpperCase() + name.slice(1)][random(12) < 7 ? 0 : random(6)]!;
    const names = ['web-app', 'object-storage', 'billing', 'api-gateway', 'queue', 'policy', 'search-index', 'platform-team', 'auth', 'dns'];
    const kinds = ['service', 'tag', 'owner'] as const;
    const entries: ArchiveEntry[] = Array.from({ length: 600 }, (_, at) => ({
      path: `archive/postmortem-2026-01-01-incident-${at}.md`,
      slug: `incident-${at}`,
      spellings: Array.from({ length: 1 + random(8) }, (__, use) => ({ kind: kinds[random(3)]!, value: spell(names[random(names.length)]!), line: 3 + use })),
    }));
    const expected = plainSpellingVariants(entries);
    expect([...expected.values()].flat().length).toBeGreaterThan(400);
    expect(spellingVariants.check(entries)).toEqual(expected);
    expect([...spellingVariants.check(entries).keys()]).toEqual([...expected.keys()]);
  });
});
