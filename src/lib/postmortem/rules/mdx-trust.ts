import { bodyTrees, isMdx, isParseError } from '../safety/body-tree.ts';
import { findMdxProblems, type MdxProblem } from '../safety/mdx-constructs.ts';
import type { Rule } from './types.ts';

const MESSAGES: Record<MdxProblem['kind'], (snippet: string) => string> = {
  esm: (s) => `MDX statement \`${s}\` would run code when the site is built`,
  expression: (s) => `MDX expression \`${s}\` would run code when the site is built`,
  component: (s) => `component \`${s}\` is not one Hindsight documents`,
  spread: (s) => `attribute spread \`${s}\` would run code when the site is built`,
  'attribute-expression': (s) => `attribute \`${s}\` is an expression, not a literal value`,
  directive: (s) => `Astro directive \`${s}\` is not allowed in a post-mortem`,
};

export const mdxTrust: Rule = {
  id: 'mdx-trust',
  level: 'error',
  description:
    'An `.mdx` file parses as MDX and, unless `HINDSIGHT_MDX=trusted`, holds only Markdown and HTML with literal attributes: no `import`/`export`, `{expressions}`, spreads, `set:html` or components.',
  check(pm, settings) {
    if (pm.binary || !isMdx(pm.path)) return [];
    const trees = bodyTrees(pm);
    if (isParseError(trees)) {
      if (trees.refused) return [];
      return [
        {
          line: trees.line + pm.bodyStartLine - 1,
          column: trees.column,
          message: `the MDX does not parse: ${trees.message}`,
          hint: 'In MDX, `<`, `{` and `}` start code: write `&lt;` and `\\{`, put them in `backticks`, or rename the file to `.md`.',
        },
      ];
    }
    if (settings.mdx === 'trusted') return [];
    return findMdxProblems(trees.mdast).map((problem) => ({
      line: problem.line + pm.bodyStartLine - 1,
      column: problem.column,
      message: MESSAGES[problem.kind](problem.snippet),
      hint:
        'Write it as Markdown with literal values (a post-mortem is content, not code). A team that reviews MDX as code can set `HINDSIGHT_MDX=trusted` (see docs/FORMAT.md).',
    }));
  },
};
