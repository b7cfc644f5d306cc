/** Computed links the author dismissed: `unrelated_to` on either post-mortem names the other. */
import type { Postmortem } from '../model/model.ts';

/** True when either post-mortem's `unrelated_to` names the other: no computed link between them is shown or counted. */
export function dismissed(a: Postmortem, b: Postmortem): boolean {
  return (a.meta.unrelated_to ?? []).includes(b.slug) || (b.meta.unrelated_to ?? []).includes(a.slug);
}
