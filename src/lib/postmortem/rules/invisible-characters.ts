/**
 * Names that read one way and are another: bidirectional overrides and
 * zero-width characters (the "Trojan Source" trick) make `dana` and `dan​a`
 * look alike on a page while search, filters and owners' counts see two.
 */
import { cut } from '../parsing/frontmatter.ts';
import type { Finding, Rule } from './types.ts';

/** Bidi embeddings, overrides, isolates and marks; zero-width space, joiners, word joiner and BOM. */
const INVISIBLE = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B-\u200D\u2060\uFEFF]/;

function codeOf(text: string): string {
  return `U+${text.codePointAt(INVISIBLE.exec(text)!.index)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

function shown(text: string): string {
  return cut(text.replace(new RegExp(INVISIBLE.source, 'g'), '�'));
}

const HINT = 'Retype the name without it: bidirectional and zero-width characters make two different names look the same.';

export const invisibleCharacters: Rule = {
  id: 'invisible-characters',
  level: 'warning',
  description: 'Names (the title, authors, services, tags, action-item owners) hold no bidirectional control or zero-width character.',
  check(pm) {
    const findings: Finding[] = [];
    if (pm.frontmatter.kind === 'parsed') {
      const { lineOf } = pm.frontmatter;
      const { title, authors, services, tags } = pm.fields as { title?: unknown; authors?: unknown; services?: unknown; tags?: unknown };
      const values: [string, readonly (string | number)[]][] = [];
      if (typeof title === 'string') values.push([title, ['title']]);
      for (const [field, list] of Object.entries({ authors, services, tags })) {
        if (Array.isArray(list)) list.forEach((entry, at) => typeof entry === 'string' && values.push([entry, [field, at]]));
      }
      for (const [value, path] of values) {
        if (INVISIBLE.test(value)) findings.push({ line: lineOf(path), message: `\`${path.join('.').replace(/\.(\d+)/, '[$1]')}\` \`${shown(value)}\` holds the invisible character ${codeOf(value)}`, hint: HINT });
      }
    }
    for (const item of pm.actionItems?.rows ?? []) {
      if (INVISIBLE.test(item.owner)) findings.push({ line: item.line, message: `the owner \`${shown(item.owner)}\` holds the invisible character ${codeOf(item.owner)}`, hint: HINT });
    }
    return findings;
  },
};
