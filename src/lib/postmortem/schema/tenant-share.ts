import { z } from 'astro/zod';

/**
 * Percent of tenants affected, for when the post-mortem states a share but no
 * counts (`All users (100% of total)`). A share is never turned into counts:
 * 100% of an unknown total is not "100 of 100". Example: `0.4`.
 */
export const tenantSharePercent = z
  .number({ invalid_type_error: 'must be a percentage, a number from 0 to 100 (no % sign)' })
  .min(0, 'must be a percentage from 0 to 100')
  .max(100, 'must be a percentage from 0 to 100');
