/**
 * One spelling per service, owner and tag. Names that differ only by case,
 * spacing, `-`/`_`/`.` or a plural `s` (`Redis`/`redis`, `web app`/`web-app`,
 * `@platform_team`/`@platform-team`, `migrations`/`migration`) name the same
 * thing; written both ways, they split every facet, filter and count in two.
 */

/** What a name reduces to when case, spacing, separators and a plural ending are ignored. */
export function spellingKey(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .split(/[\s_.\-/]+/)
    .filter(Boolean)
    .map((word) => (word.length > 3 && /ies$/.test(word) ? `${word.slice(0, -3)}y` : word.length > 3 && /[^s]s$/.test(word) ? word.slice(0, -1) : word))
    .join('');
}

/**
 * The spelling to keep among several of one name: the one most files use; on a
 * tie the one written in the archive's usual form (lower case, hyphens), then
 * the first alphabetically, so the answer never depends on file order.
 */
export function preferredSpelling(uses: ReadonlyMap<string, number>): string {
  const usual = (name: string) => (name === name.toLowerCase().replace(/[\s_]+/g, '-') ? 0 : 1);
  return [...uses.entries()].sort((a, b) => b[1] - a[1] || usual(a[0]) - usual(b[0]) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0]![0];
}

/**
 * The archive's spelling of `name` when the archive writes it another way
 * (`Redis` → `redis`), or `name` itself. `known` is every spelling in use,
 * with how many files use it.
 */
export function archiveSpelling(name: string, known: ReadonlyMap<string, number>): string {
  const key = spellingKey(name);
  if (!key) return name;
  const same = new Map([...known].filter(([other]) => spellingKey(other) === key));
  if (!same.size) return name;
  return preferredSpelling(same);
}
