/** The file-name convention: `postmortem-YYYY-MM-DD-short-description.md` (or `.mdx`). */
import path from 'node:path';

export const FILE_NAME_PATTERN = /^postmortem-(\d{4}-\d{2}-\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.mdx?$/;
export const POSTMORTEM_EXTENSIONS = ['.md', '.mdx'] as const;

/** True for the files Hindsight reads from a folder. */
export function isPostmortemFile(fileName: string): boolean {
  return POSTMORTEM_EXTENSIONS.some((extension) => fileName.toLowerCase().endsWith(extension));
}

/** The date and description a conventional file name carries, or null when it is off the convention. */
export function parseFileName(filePath: string): { date: string; description: string } | null {
  const match = FILE_NAME_PATTERN.exec(path.basename(filePath));
  return match ? { date: match[1]!, description: match[2]! } : null;
}

/** The URL slug: the file name without `postmortem-` and the extension (`2026-03-14-report-export-timeouts`). */
export function slugOf(filePath: string): string {
  return path
    .basename(filePath)
    .replace(/\.mdx?$/i, '')
    .replace(/^postmortem-/, '');
}

/** A slug the site may make a URL of: lower-case letters, digits and single hyphens (never `.` or `..`, which would name another page). */
export function isSafeSlug(slug: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug);
}

/** The conventional file name for a date and a description slug. */
export function fileNameFor(date: string, description: string): string {
  return `postmortem-${date}-${description}.md`;
}
