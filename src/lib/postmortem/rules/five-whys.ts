import type { Rule } from './types.ts';

/**
 * A Why step, as a line (`Why? -> …`, `1. Why …`, `- **Why 2:** …`), as a bold
 * question (`**Q1: Why were events duplicated?**`, `**Why #2**`) or as a table
 * row whose first text cell asks it (`| 1 | Why were payments declined? | … |`).
 */
const WHY_STEP = /^\s*(?:\|\s*(?:(?:\*\*|__)?[#\w]{0,4}\d+[.):]?(?:\*\*|__)?\s*\|\s*)?)?(?:[-*+>]\s+)?(?:\d+[.)]\s+)?(?:\*\*|__|\*|_)?(?:(?:Q|Step\s*|#)?\d+\s*[.):]\s*(?:(?:\*\*|__)\s*)?)?why\b/i;
/* Whitespace runs are never matched by two quantifiers in a row: a long line costs linear time. */
/** The line that names the cause: `Root Cause: …`, `**Root cause:** …`, or a table row `| **Root cause** | … |`. */
const ROOT_CAUSE_LINE = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?root cause(?:\*\*|__)?\s*:|^\s*(?:[-*+]\s+)?(?:\*\*|__)root cause:|^\s*\|\s*(?:\*\*|__)?root cause(?:\*\*|__)?\s*(?::\s*)?\|/i;
const MINIMUM_WHYS = 3;

export const fiveWhys: Rule = {
  id: 'five-whys',
  level: 'error',
  description: `The Root Cause section holds a 5 Whys chain (at least ${MINIMUM_WHYS} "Why?" steps) and a \`Root Cause:\` line.`,
  check(pm) {
    const section = pm.sections.find((s) => s.key === 'root-cause');
    if (!section || pm.fields.status === 'draft') return [];
    const lines = section.text.split('\n');
    const whys = lines.filter((line) => WHY_STEP.test(line)).length;
    const findings = [];
    if (whys < MINIMUM_WHYS) {
      findings.push({
        line: section.line,
        message: `the 5 Whys chain has ${whys} "Why?" step${whys === 1 ? '' : 's'}; at least ${MINIMUM_WHYS} are needed`,
        hint: 'Ask why again until fixing the answer would have prevented the incident: `Why? -> ...`, one step per line.',
      });
    }
    if (!lines.some((line) => ROOT_CAUSE_LINE.test(line))) {
      findings.push({ line: section.line, message: 'the Root Cause section has no `Root Cause:` line', hint: 'End the chain with `Root Cause: <the cause the last why found>`.' });
    }
    return findings;
  },
};
