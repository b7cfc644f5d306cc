/** Who carries the load: post-mortems per author and action items per owner, and how concentrated they are. */
import { ownerKey } from '../ledger/ledger-rules.ts';
import type { IncidentRecord } from './record.ts';

/** Counts of a group of people (authors or owners), most first. */
export interface PersonShare {
  name: string;
  count: number;
  /** count / the whole (post-mortems or action items), 0..1. */
  share: number;
}

export interface Concentration {
  /** Fewest people who together cover at least half of the whole. */
  people: number;
  /** How many distinct people there are. */
  of: number;
  /** The share those people cover, 0..1. */
  share: number;
}

/** Locale-independent, case-insensitive order for names. */
export function compareText(a: string, b: string): number {
  return a.localeCompare(b, 'en', { sensitivity: 'base' });
}

/** Shares of the whole per person, most first, then by name. */
function shares(counts: Map<string, number>, whole: number): PersonShare[] {
  return [...counts]
    .map(([name, count]) => ({ name, count, share: whole ? count / whole : 0 }))
    .sort((a, b) => b.count - a.count || compareText(a.name, b.name));
}

/** Fewest people (taken most-first) whose items together reach half of `whole`. */
function concentration(people: readonly PersonShare[], coverOf: (name: string) => readonly string[], whole: number): Concentration | null {
  if (!whole || !people.length) return null;
  const covered = new Set<string>();
  let taken = 0;
  for (const person of people) {
    taken += 1;
    for (const id of coverOf(person.name)) covered.add(id);
    if (covered.size * 2 >= whole) break;
  }
  return { people: taken, of: people.length, share: covered.size / whole };
}

/** Post-mortems per author (a co-author counts once per post-mortem) and the fewest authors who wrote half of them. */
export function authorShares(records: readonly IncidentRecord[]): { authors: PersonShare[]; authorConcentration: Concentration | null } {
  const counts = new Map<string, number>();
  for (const record of records) for (const author of new Set(record.authors)) counts.set(author, (counts.get(author) ?? 0) + 1);
  const authors = shares(counts, records.length);
  const slugsOf = (name: string) => records.filter((record) => record.authors.includes(name)).map((record) => record.slug);
  return { authors, authorConcentration: concentration(authors, slugsOf, records.length) };
}

/**
 * Action items per owner and the fewest owners who hold half of them. Owners are grouped as
 * the action-item ledger groups them (`@Dana` is `dana`), shown as first written.
 */
export function ownerShares(items: readonly { owner: string }[]): { owners: PersonShare[]; ownerConcentration: Concentration | null } {
  const names = new Map<string, string>();
  const counts = new Map<string, number>();
  for (const item of items) {
    const name = names.get(ownerKey(item.owner)) ?? item.owner;
    names.set(ownerKey(item.owner), name);
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const owners = shares(counts, items.length);
  const itemsOf = (name: string) => items.flatMap((item, index) => (ownerKey(item.owner) === ownerKey(name) ? [String(index)] : []));
  return { owners, ownerConcentration: concentration(owners, itemsOf, items.length) };
}
