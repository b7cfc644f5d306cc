import type { Rule } from './types.ts';

/** The comment `npm run migrate` writes on every value it guessed rather than read. */
export const PROPOSED_MARKER = '# proposed by migrate';

const TOP_LEVEL_KEY = /^([A-Za-z_][\w-]*)\s*:/;

/**
 * Read from the frontmatter's text lines, not from parsed YAML: the marker is a
 * comment, which a YAML reader drops. A comment after a value marks that field;
 * a comment on its own line marks the field on the next line.
 */
export const proposedValues: Rule = {
  id: 'proposed-values',
  level: 'warning',
  description: 'No frontmatter value is still marked `# proposed by migrate` (a guess nobody has reviewed; `--strict` makes it fail).',
  check(pm) {
    if (pm.frontmatter.kind !== 'parsed' || !pm.text.includes(PROPOSED_MARKER)) return [];
    const lines = pm.text.replace(/^\uFEFF/, '').split(/\r?\n/);
    const findings = [];
    for (let index = 1; index < lines.length && !/^(?:---|\.\.\.)\s*$/.test(lines[index]!); index += 1) {
      const line = lines[index]!;
      const at = line.indexOf(PROPOSED_MARKER);
      if (at === -1) continue;
      const own = !line.slice(0, at).trim();
      const target = own ? lines.slice(index + 1).find((next) => TOP_LEVEL_KEY.test(next)) : line;
      const field = target ? TOP_LEVEL_KEY.exec(target)?.[1] : undefined;
      const value = own ? '' : line.slice(line.indexOf(':') + 1, at).trim();
      findings.push({
        line: index + 1,
        column: at + 1,
        message: field
          ? `\`${field}\`${value ? ` \`${value}\`` : ''} was proposed by migrate and not yet reviewed`
          : 'a value proposed by migrate is not yet reviewed',
        hint: `Check it against the text and correct it if it is wrong, then delete the \`${PROPOSED_MARKER}\` comment.`,
      });
    }
    return findings;
  },
};
