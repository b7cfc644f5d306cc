/** Links into the guide page, so badges and tables point at the same anchors the guide renders. */
import { UNKNOWN_CATEGORY, type MainCategoryId } from '../postmortem/model/category.ts';
import type { SeverityId } from '../postmortem/model/severity.ts';
import { url } from './urls.ts';

/** The anchor id of a severity's row in the guide: `sev-2`. */
export function severityAnchor(id: SeverityId): string {
  return id.toLowerCase();
}

/** The anchor id of a root-cause category in the guide: `category-code-bug`; `unknown` points at the list of categories. */
export function categoryAnchor(id: MainCategoryId): string {
  return id === UNKNOWN_CATEGORY.id ? 'root-cause-categories' : `category-${id}`;
}

/** `/base/guide/#sev-2`. */
export function severityGuideUrl(id: SeverityId): string {
  return url(`guide/#${severityAnchor(id)}`);
}

/** `/base/guide/#category-data`. */
export function categoryGuideUrl(id: MainCategoryId): string {
  return url(`guide/#${categoryAnchor(id)}`);
}
