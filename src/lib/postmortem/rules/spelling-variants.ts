import path from 'node:path';
import { preferredSpelling, spellingKey } from '../spelling/spelling-key.ts';
import type { SpellingKind } from '../spelling/spellings-used.ts';
import type { ArchiveRule, Finding } from './types.ts';

const FIELD: Record<SpellingKind, string> = { service: 'services', tag: 'tags', owner: 'Action Items owner' };

/**
 * A service, tag or owner written two ways across the archive (`Redis` and
 * `redis`, `web app` and `web-app`) is one thing counted as two: every facet,
 * filter and chart splits it. Files using the rarer spelling are told the
 * archive's.
 */
export const spellingVariants: ArchiveRule = {
  id: 'spelling-variants',
  level: 'warning',
  description: 'A service, tag or action-item owner is spelled as the rest of the archive spells it, not differing only by case, spacing, `-`/`_` or a plural.',
  check(postmortems) {
    // Names repeat across the archive (10,000 generated post-mortems: 107,195 uses of 2,521 names): each name is
    // keyed once, and the second pass takes each use's group from the first (both were 0.3 s of the run's serial end).
    // Files are listed per spelling as they come (a use repeated in a file listed once), and counted without
    // repeats only for the few names written two ways: a set per spelling was most of the rule's time.
    // kind → key → spelling → files using it
    const groups = new Map<string, Map<string, string[]>>();
    const byName = new Map<SpellingKind, Map<string, Map<string, string[]>>>();
    const groupOfUse: Map<string, string[]>[] = [];
    for (const pm of postmortems) {
      for (const use of pm.spellings ?? []) {
        let named = byName.get(use.kind);
        if (!named) byName.set(use.kind, (named = new Map()));
        let spellings = named.get(use.value);
        if (!spellings) {
          const key = `${use.kind}\0${spellingKey(use.value)}`;
          spellings = groups.get(key) ?? new Map<string, string[]>();
          groups.set(key, spellings);
          named.set(use.value, spellings);
        }
        const files = spellings.get(use.value);
        if (!files) spellings.set(use.value, [pm.path]);
        else if (files[files.length - 1] !== pm.path) files.push(pm.path);
        groupOfUse.push(spellings);
      }
    }
    const preferredOf = new Map<Map<string, string[]>, { name: string; files: Set<string> }>();
    const findings = new Map<string, Finding[]>();
    let at = 0;
    for (const pm of postmortems) {
      const told = new Set<string>();
      for (const use of pm.spellings ?? []) {
        const spellings = groupOfUse[at++]!;
        if (spellings.size < 2) continue;
        let preferred = preferredOf.get(spellings);
        if (preferred === undefined) {
          const distinct = new Map([...spellings].map(([name, files]) => [name, new Set(files)]));
          const name = preferredSpelling(new Map([...distinct].map(([spelling, files]) => [spelling, files.size])));
          preferredOf.set(spellings, (preferred = { name, files: distinct.get(name)! }));
        }
        if (use.value === preferred.name || told.has(`${use.kind}\0${use.value}`)) continue;
        told.add(`${use.kind}\0${use.value}`);
        const { name, files } = preferred;
        const example = path.basename([...files][0]!);
        findings.set(pm.path, [...(findings.get(pm.path) ?? []), {
          line: use.line,
          message: `${use.kind} \`${use.value}\` is written \`${name}\` elsewhere in the archive (${files.size} post-mortem${files.size === 1 ? '' : 's'}, e.g. ${example})`,
          hint: `Write \`${name}\` (in ${FIELD[use.kind]}) so both count as one ${use.kind} in every facet, filter and chart.`,
        }]);
      }
    }
    return findings;
  },
};
