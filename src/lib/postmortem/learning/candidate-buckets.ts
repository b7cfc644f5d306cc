/**
 * Buckets of incidents (indexes in chronological order) that share a key — a
 * service, a category, a rare word — filled as the learning scans move forward,
 * so each incident is compared with its candidates instead of with every other.
 */

/** Adds `incident` to the bucket for `key`. */
export function addToBucket<K>(buckets: Map<K, number[]>, key: K, incident: number): void {
  const bucket = buckets.get(key);
  if (bucket) bucket.push(incident);
  else buckets.set(key, [incident]);
}
