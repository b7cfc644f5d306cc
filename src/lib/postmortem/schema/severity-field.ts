import { z } from 'astro/zod';
import { SEVERITY_IDS } from '../model/severity.ts';

/**
 * Severity, one of the spec's four levels. Never inferred from words such as
 * `critical`: a wrong guess here misleads every chart. Example: `SEV-2`.
 */
export const severitySchema = z.enum(SEVERITY_IDS, {
  errorMap: () => ({ message: `must be one of ${SEVERITY_IDS.join(', ')}` }),
});
