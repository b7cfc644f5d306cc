/** One spelling per service, tag and owner: the archive rule, and the same answer whether a file came from the cache or not. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { archiveSpelling, spellingKey } from '../../src/lib/postmortem/spelling/spelling-key.ts';
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
