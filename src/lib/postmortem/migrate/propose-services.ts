/**
 * Proposes affected services from free text when a post-mortem names none in
 * a field: code-formatted names that look like services (`report-export`,
 * `billing-api`) and well-known components, most mentioned first.
 */

/** Components common enough to recognise without code formatting. */
const KNOWN_COMPONENTS = ['postgres', 'postgresql', 'mysql', 'redis', 'memcached', 'kafka', 'rabbitmq', 'elasticsearch', 'opensearch', 'nginx', 'pgbouncer', 'cdn', 'dns', 's3', 'kubernetes'];
const SERVICE_NAME = /^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)+$/;
const SERVICE_SUFFIX = /[-_](?:api|service|svc|worker|workers|gateway|scheduler|cron|web|app|proxy|queue|export|import|ingest|indexer|db)$/;

/** Up to `limit` service names mentioned in `text`, most mentioned first; empty when none is recognisable. */
export function proposeServices(text: string, limit = 3): string[] {
  const counts = new Map<string, number>();
  const count = (name: string) => counts.set(name, (counts.get(name) ?? 0) + 1);
  for (const match of text.matchAll(/`([^`\n]+)`/g)) {
    const name = match[1]!.trim().toLowerCase();
    if (SERVICE_NAME.test(name) && SERVICE_SUFFIX.test(name)) count(name);
  }
  const lower = text.toLowerCase();
  for (const component of KNOWN_COMPONENTS) {
    const hits = lower.match(new RegExp(`(?<![a-z0-9-])${component}(?![a-z0-9-])`, 'g'))?.length ?? 0;
    for (let hit = 0; hit < hits; hit += 1) count(component === 'postgresql' ? 'postgres' : component);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, limit).map(([name]) => name);
}
