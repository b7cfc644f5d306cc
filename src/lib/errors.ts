/**
 * The one error Hindsight's library code throws for a problem a person must fix
 * (a wrong setting, a body too large to publish): a message and a hint, as
 * Starlight's `AstroError`. Nothing under src/lib ends the process; each entry
 * point (a CLI's error boundary, the Astro integrations) maps `kind` to its exit
 * code or its Astro error.
 */

/** `usage`: a setting or a call is wrong (exit 2); `content`: a post-mortem is (exit 1). */
export type ProblemKind = 'usage' | 'content';

export class HindsightError extends Error {
  constructor(
    message: string,
    /** What to write or do instead; empty when the message already says it. */
    readonly hint = '',
    readonly kind: ProblemKind = 'usage',
  ) {
    super(message);
    this.name = 'HindsightError';
  }
}

