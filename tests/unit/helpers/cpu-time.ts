/**
 * CPU milliseconds a piece of work takes: what complexity tests compare as a ratio.
 * Wall-clock time would count whatever else the machine runs between two measurements.
 */
export function cpuMs(work: () => unknown): number {
  const start = process.cpuUsage();
  work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}
