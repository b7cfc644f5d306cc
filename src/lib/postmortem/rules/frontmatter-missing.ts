import type { Rule } from './types.ts';

const PLAIN_FORM = /^#{1,6}[ \t]+(?:post-?mortem:|date:|severity:)/im;

export const frontmatterMissing: Rule = {
  id: 'frontmatter-missing',
  level: 'error',
  description: 'The file starts with a `---` YAML frontmatter block.',
  check(pm) {
    // A file that was not read (a link, a device, too large) has its own problem; it is not "empty".
    if (pm.frontmatter.kind !== 'none' || (pm.source && pm.source.kind !== 'not-utf8')) return [];
    if (pm.binary) {
      return [{ line: 1, message: 'is not a text file (it holds binary data)', hint: 'Remove it from the folder, or replace it with a Markdown post-mortem.' }];
    }
    if (!pm.text.trim()) {
      return [{ line: 1, message: 'is empty', hint: 'Write the post-mortem, or scaffold one with `npx hindsight new-postmortem`.' }];
    }
    if (PLAIN_FORM.test(pm.text)) {
      return [{
        line: 1,
        message: "has no frontmatter: it looks like the template's plain form (`### Date:`, `### Severity:` lines)",
        hint: `Run \`npx hindsight migrate ${pm.path}\` to move its metadata into frontmatter (add --write to save).`,
      }];
    }
    return [{
      line: 1,
      message: 'has no frontmatter: the first line is not `---`',
      hint: 'Start the file with a YAML block between `---` lines holding title, date, severity, status, authors, services, root_cause_category (see docs/FORMAT.md).',
    }];
  },
};
