import { countWhySteps } from '../parsing/why-steps.ts';
import type { Rule } from './types.ts';

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
    // The same reading as the page's list (remark-five-whys.ts): any shape it renders, it counts.
    const whys = countWhySteps(section.text);
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
