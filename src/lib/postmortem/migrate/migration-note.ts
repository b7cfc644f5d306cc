/** What migrate says about one thing it did; its own module so the readers that write notes need not import the whole migration. */
export interface MigrationNote {
  /** found: read from the file; proposed: guessed, marked for review; changed: text rewritten; missing: could not be found; warning: found but not used. */
  kind: 'found' | 'proposed' | 'changed' | 'missing' | 'warning';
  message: string;
}
