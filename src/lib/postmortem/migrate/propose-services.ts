/**
 * Proposes affected services from free text when a post-mortem names none in
 * a field. Services the archive already uses come first (one name per service
 * across the archive keeps the service facet useful); then code-formatted names
 * that look like services (`report-export`, `billing-api`) and well-known
 * components, most mentioned first.
 */

/** Components common enough to recognise without code formatting, with the name the archive should use. */
const KNOWN_COMPONENTS: Record<string, string> = {
  postgres: 'postgres', postgresql: 'postgres', mysql: 'mysql', redis: 'redis', memcached: 'memcached',
  kafka: 'kafka', rabbitmq: 'rabbitmq', elasticsearch: 'elasticsearch', opensearch: 'opensearch',
  nginx: 'nginx', haproxy: 'haproxy', envoy: 'envoy', pgbouncer: 'pgbouncer', cdn: 'cdn', dns: 'dns',
  bgp: 'bgp', s3: 's3', ec2: 'ec2', ebs: 'ebs', dynamodb: 'dynamodb', kinesis: 'kinesis', consul: 'consul',
  etcd: 'etcd', zookeeper: 'zookeeper', cassandra: 'cassandra', mongodb: 'mongodb', kubernetes: 'kubernetes',
  k8s: 'kubernetes', vault: 'vault', waf: 'waf', 'load balancer': 'load-balancer', 'api gateway': 'api-gateway',
  'active directory': 'active-directory', ldap: 'ldap', 'object storage': 'object-storage', 'message queue': 'message-queue',
};
const SERVICE_NAME = /^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)+$/;
const SERVICE_SUFFIX = /[-_](?:api|service|svc|worker|workers|gateway|scheduler|cron|web|app|proxy|queue|export|import|ingest|indexer|db|server|sensor|agent|cluster|cache|store|router|renderer|dispatcher|sync|search|auth|frontend|backend|ui|bot|jobs?|processor|consumer|producer|daemon|registry|balancer|controller|manager|engine|pipeline|runner|handler|collector|exporter|sender|notifier|mailer|billing|payments?|portal|dashboard|console|cdn|dns|lb)$/;

const COMPONENT_PHRASE = /(?<![a-z0-9-])([a-z][a-z0-9]{2,})[\s-](services?|apis?|routers?|gateways?|clusters?|proxy|proxies|schedulers?|daemons?|queues?|resolvers?|control plane|load balancers?)(?![a-z0-9-])/g;
/** Words before a component kind that describe it rather than name it. */
const STOP_WORDS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'every', 'each', 'all', 'any', 'some', 'same', 'our', 'their', 'its', 'new', 'old', 'other', 'one', 'two', 'several', 'many', 'more', 'most', 'which', 'and', 'or', 'of', 'to', 'for', 'with', 'from', 'by', 'on', 'in', 'at', 'as', 'primary', 'secondary', 'main', 'core', 'backend', 'internal', 'external', 'affected', 'failing', 'failed', 'healthy', 'unhealthy', 'whole', 'entire', 'single', 'multiple', 'own', 'customer', 'customers', 'user', 'users', 'restarted', 'stopped', 'started', 'down', 'local', 'remote', 'public', 'private', 'not', 'cloud', 'internet', 'first', 'last', 'next', 'review', 'were', 'was', 'had', 'has', 'have', 'did', 'could', 'would', 'when', 'then', 'than', 'into', 'over', 'under', 'after', 'before']);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A clause saying something was not affected: `X was unaffected`, `X and Y were not impacted`, `no impact on X`, `X kept working`. */
const NEGATED = /\b(?:un(?:affected|impacted|touched|harmed)|not\s+(?:been\s+|directly\s+)?(?:affected|impacted|involved|degraded|disrupted|touched|at fault|the cause)|(?:was|were|is|are)n[’']t\s+(?:affected|impacted|involved|degraded)|no\s+(?:impact|effect|issues?|problems?|errors?|degradation)\s+(?:on|to|for|with|in)|did\s*(?:not|n[’']t)\s+(?:affect|impact|touch|fail|degrade)|(?:remained|stayed|kept|continued)\s+(?:healthy|available|up|working|operational|serving|unaffected|normal)|(?:continued|kept)\s+(?:to\s+)?(?:work|serve|operate|run)(?:ing)?|(?:was|were)\s+(?:fine|healthy|not\s+down)|other than|except(?:\s+for)?|apart from|ruled out)\b/i;

/**
 * The text without clauses that say a component was not affected, so no
 * service is proposed from `Postgres was unaffected`, `billing-api and
 * ledger-api were unaffected`, `There was no impact on search-api`.
 * Sentences are cut at clause joins (`, but`, `;`, `while`, `whereas`) so the
 * affected part of `X failed, but Y was unaffected` still counts.
 */
export function withoutNegatedClauses(text: string): string {
  return text
    .split(/(?<=[.!?;:])\s|\n|\b(?:but|whereas|while|although|though)\b/)
    .filter((clause) => !NEGATED.test(clause))
    .join('\n');
}

/** How often `name` is mentioned: as written, or with spaces for its hyphens (`report export`). */
function mentions(lower: string, name: string): number {
  const words = name.split(/[\s_-]+/).map(escape).join('[\\s_-]+');
  return lower.match(new RegExp(`(?<![a-z0-9-])${words}(?![a-z0-9-])`, 'g'))?.length ?? 0;
}

export interface ServiceProposal {
  services: string[];
  /** Which of them the archive already uses. */
  known: string[];
}

/**
 * Up to `limit` service names mentioned in `text`, most mentioned first:
 * the archive's own names when the text mentions any, else names recognised in
 * the text. Empty when nothing is recognisable.
 */
export function proposeServices(text: string, archiveServices: readonly string[] = [], limit = 3): ServiceProposal {
  text = withoutNegatedClauses(text);
  const lower = text.toLowerCase();
  const byCount = (counts: Map<string, number>) =>
    [...counts.entries()].filter(([, count]) => count > 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
  const known = new Map<string, number>();
  for (const name of new Set(archiveServices.map((service) => service.trim()).filter((service) => service.length >= 2))) {
    known.set(name, mentions(lower, name.toLowerCase()));
  }
  const fromArchive = byCount(known);
  if (fromArchive.length) return { services: fromArchive.slice(0, limit), known: fromArchive.slice(0, limit) };

  const counts = new Map<string, number>();
  const count = (name: string, hits = 1) => counts.set(name, (counts.get(name) ?? 0) + hits);
  for (const match of text.matchAll(/`([^`\n]+)`/g)) {
    const name = match[1]!.trim().toLowerCase();
    if (SERVICE_NAME.test(name) && SERVICE_SUFFIX.test(name)) count(name);
  }
  for (const [component, name] of Object.entries(KNOWN_COMPONENTS)) {
    const hits = mentions(lower, component);
    if (hits) count(name, hits);
  }
  if (counts.size) return { services: byCount(counts).slice(0, limit), known: [] };
  // Last: a component the text names by a qualifier and a kind (`order router`, `transit gateways`), at least twice.
  for (const match of lower.matchAll(COMPONENT_PHRASE)) {
    if (STOP_WORDS.has(match[1]!) || /(?:ed|ing|ly|al)$/.test(match[1]!)) continue;
    count(`${match[1]}-${match[2]!.replace(/ies$/, 'y').replace(/(?<!s)s$/, '').replace(/\s+/g, '-')}`);
  }
  for (const [name, hits] of counts) if (hits < 2) counts.delete(name);
  return { services: byCount(counts).slice(0, limit), known: [] };
}
