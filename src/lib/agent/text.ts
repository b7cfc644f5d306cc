/** The agent commands' results as plain text for a terminal (`--format table`). */
import type { SearchOutput, ShowOutput, SimilarOutput } from './schemas.ts';

const TEXT_WIDTH = 72;

function clip(text: string, width = TEXT_WIDTH): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, width - 1).join('')}…`;
}

/** Aligned columns. */
function table(header: string[], rows: string[][]): string {
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => [...row[column]!].length)));
  const line = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd();
  return `${[header, ...rows].map(line).join('\n')}\n`;
}

/** `next` says where the details are: a command for the terminal, a tool for an agent. */
export function searchTable(output: SearchOutput, next = 'Details: npm run show -- <slug>'): string {
  const corrected = output.corrections.length ? `Searched for \`${output.searched_for}\` — for \`${output.query}\` as typed, add --verbatim.\n` : '';
  if (!output.results.length) return `${corrected}No post-mortem matches${output.query ? ` \`${output.searched_for}\`` : ''}.\n`;
  const rows = output.results.map((result) => [String(result.rank), result.date, result.severity, clip(result.title, 56), result.services.join(', '), result.slug, result.match === 'partial' ? 'partial' : '']);
  const shown = output.results.length < output.total ? `${output.results.length} of ${output.total}` : `${output.total}`;
  const partial = output.complete === output.total ? '' : output.complete ? ` ${output.complete} hold every word; the rest, marked partial, only some.` : ' None holds every word: all are partial matches.';
  return `${corrected}${table(['#', 'DATE', 'SEV', 'TITLE', 'SERVICES', 'SLUG', ''], rows)}\n${shown} match${output.total === 1 ? '' : 'es'}.${partial} ${next}\n`;
}

export function similarText(output: SimilarOutput): string {
  if (!output.results.length) {
    return `No similar incident in the archive (compared on services: ${output.compared_on.services.join(', ') || 'none'}, ${output.compared_on.words} words).\n`;
  }
  return output.results
    .map((result, at) => {
      const lines = [
        `${at + 1}. ${result.title} (${result.date}, ${result.severity}) ${result.slug}`,
        `   Why: ${result.reasons.join('; ')}`,
        ...(result.shared.passage ? [`   In ${result.shared.passage.label}: ${clip(result.shared.passage.text, 110)}`] : []),
        `   Root cause: ${result.root_cause ?? '(none written)'}`,
      ];
      for (const item of result.open_action_items) lines.push(`   Open: [${item.status}] ${clip(item.action, 60)} (${item.owner}${item.due ? `, due ${item.due}` : ''})`);
      return lines.join('\n');
    })
    .join('\n\n')
    .concat('\n');
}

export function showText(output: ShowOutput): string {
  const meta = output.frontmatter as Record<string, unknown>;
  const lines = [
    `${String(meta.title)} (${output.slug})`,
    `${String(meta.date)} · ${String(meta.severity)} · ${String(meta.status)} · ${(meta.services as string[]).join(', ')} · ${String(meta.root_cause_category)}`,
    `File: ${output.path}`,
    '',
    `Summary: ${output.summary}`,
    `Root cause: ${output.root_cause ?? '(none written)'}`,
    '',
    `Sections: ${output.sections.map((section) => section.heading).join(' · ')}`,
  ];
  if (output.action_items.length) {
    lines.push('', table(['STATUS', 'DUE', 'OWNER', 'ACTION'], output.action_items.map((item) => [item.status, item.due ?? '—', item.owner, clip(item.action, 60)])).trimEnd());
  }
  if (output.problems.length) lines.push('', ...output.problems.map((problem) => `${problem.level} line ${problem.line}: ${problem.message}`));
  return `${lines.join('\n')}\n`;
}
