import path from 'node:path';
import type { ArchiveRule, Finding } from './types.ts';

export const duplicateSlug: ArchiveRule = {
  id: 'duplicate-slug',
  level: 'error',
  description: 'No two files map to the same URL (`/incidents/<slug>/`).',
  check(postmortems) {
    const bySlug = new Map<string, string[]>();
    for (const pm of postmortems) bySlug.set(pm.slug, [...(bySlug.get(pm.slug) ?? []), pm.path]);
    const findings = new Map<string, Finding[]>();
    for (const [slug, paths] of bySlug) {
      if (paths.length < 2) continue;
      for (const filePath of paths) {
        const others = paths.filter((other) => other !== filePath).map((other) => path.basename(other));
        findings.set(filePath, [{
          line: 1,
          message: `maps to the same URL \`/incidents/${slug}/\` as \`${others.join('`, `')}\``,
          hint: 'Keep one file per incident: merge them, or give one a different description in its name.',
        }]);
      }
    }
    return findings;
  },
};
