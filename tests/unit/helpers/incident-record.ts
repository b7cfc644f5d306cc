/** A metrics record for tests: an API code bug of SEV-2 by Dana Kim, with what the test sets. */
import type { IncidentRecord } from '../../../src/lib/postmortem/metrics/index.ts';

export function incidentRecord(
  overrides: Omit<Partial<IncidentRecord>, 'intervals'> & Pick<IncidentRecord, 'date'> & { intervals?: Partial<IncidentRecord['intervals']> },
): IncidentRecord {
  return {
    slug: `${overrides.date}-${overrides.severity ?? 'SEV-2'}`,
    title: 'Incident',
    severity: 'SEV-2',
    services: ['api'],
    category: 'code-bug',
    contributing: [],
    authors: ['Dana Kim'],
    actionItems: [],
    draft: false,
    ...overrides,
    intervals: { detect: null, acknowledge: null, mitigate: null, resolve: null, ...overrides.intervals },
  };
}
