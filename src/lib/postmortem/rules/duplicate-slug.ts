import path from 'node:path';
import type { ArchiveRule, Finding } from './types.ts';

/** Slugs that differ only by `_` versus `-` (or case) name the same incident: usually one post-mortem written twice. */
const sameIncident = (slug: string) => slug.toLowerCase().replace(/_/g, '-');

export const duplicateSlug: ArchiveRule = {
  id: 'duplicate-slug',
  level: 'error',
  description: 'No two files map to the same URL (`/incidents/<slug>/`), or differ only by `_` versus `-` (one incident written twice).',
  check(postmortems) {
    const byIncident = new Map<string, { slug: string; path: string }[]>();
    for (const pm of postmortems) {
      const key = sameIncident(pm.slug);
      byIncident.set(key, [...(byIncident.get(key) ?? []), { slug: pm.slug, path: pm.path }]);
    }
    const findings = new Map<string, Finding[]>();
    for (const entries of byIncident.values()) {
      if (entries.length < 2) continue;
      for (const entry of entries) {
        const others = entries.filter((other) => other.path !== entry.path);
        const sameUrl = others.filter((other) => other.slug === entry.slug).map((other) => path.basename(other.path));
        const lookAlike = others.filter((other) => other.slug !== entry.slug).map((other) => path.basename(other.path));
        const list: Finding[] = [];
        if (sameUrl.length) {
          list.push({
            line: 1,
            message: `maps to the same URL \`/incidents/${entry.slug}/\` as \`${sameUrl.join('`, `')}\``,
            hint: 'Keep one file per incident: merge them, or give one a different description in its name.',
          });
        }
        if (lookAlike.length) {
          list.push({
            line: 1,
            message: `\`${path.basename(entry.path)}\` and \`${lookAlike.join('`, `')}\` differ only by \`_\` versus \`-\`: one incident written twice`,
            hint: 'Keep one file: merge what the other adds into it and delete the other (names use hyphens: `postmortem-YYYY-MM-DD-short-description.md`).',
          });
        }
        findings.set(entry.path, list);
      }
    }
    return findings;
  },
};
