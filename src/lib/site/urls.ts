/** Site-relative URLs that honour the configured base path (`/org/repo/`). */

/** Joins `path` onto the site's base: `url('incidents/')` is `/org/repo/incidents/` under that base. */
export function url(path = ''): string {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  return `${base}${path.replace(/^\//, '')}`;
}

/** The page of a post-mortem. */
export function incidentUrl(slug: string): string {
  return url(`incidents/${slug}/`);
}
