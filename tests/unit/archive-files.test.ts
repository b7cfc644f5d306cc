/**
 * listPostmortemFiles names each file as path.join(folder, name) would, however the folder is written
 * (it joins the folder once and appends names), and archiveStamp changes with a file's content, not with a
 * second listing.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { archiveStamp } from '../../src/lib/agent/folder-reader.ts';
import { listPostmortemFiles } from '../../src/lib/postmortem/archive/archive-files.ts';

const root = mkdtempSync(path.join(os.tmpdir(), 'hindsight-list-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const folder = path.join(root, 'completed');
mkdirSync(path.join(folder, 'postmortem-2026-01-01-a-folder.md'), { recursive: true });
const NAMES = ['postmortem-2026-01-02-b.md', 'postmortem-2026-01-01-a.mdx', 'notes.txt', 'postmortem-2026-01-03-c.md'];
for (const name of NAMES) writeFileSync(path.join(folder, name), `# ${name}\n`);

describe('the archive folder listing', () => {
  const spellings = [folder, `${folder}/`, `${folder}//`, path.join(folder, '..', 'completed'), `${root}/./completed`, path.relative(process.cwd(), folder), `./${path.relative(process.cwd(), folder)}`];

  it.each(spellings)('names files as path.join does, for the folder written %s', (dir) => {
    const expected = ['postmortem-2026-01-01-a.mdx', 'postmortem-2026-01-02-b.md', 'postmortem-2026-01-03-c.md'].map((name) => path.join(dir, name));
    expect(listPostmortemFiles(dir)).toEqual(expected);
  });

  it('names files inside the current folder without a prefix', () => {
    const cwd = process.cwd();
    try {
      process.chdir(folder);
      expect(listPostmortemFiles('.')).toEqual(['postmortem-2026-01-01-a.mdx', 'postmortem-2026-01-02-b.md', 'postmortem-2026-01-03-c.md']);
    } finally {
      process.chdir(cwd);
    }
  });

  it('stamps the folder by names, sizes and times', () => {
    const before = archiveStamp(folder);
    expect(archiveStamp(folder)).toBe(before);
    writeFileSync(path.join(folder, 'postmortem-2026-01-02-b.md'), '# changed, longer\n');
    expect(archiveStamp(folder)).not.toBe(before);
  });
});
