import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { editUrlOf } from '../../src/lib/build/edit-url.ts';

describe('edit links', () => {
  it('append the path relative to the repository root to the prefix', () => {
    const file = 'docs/spec/.llm/completed/postmortem-2026-03-14-x.md';
    expect(editUrlOf(file, 'https://github.com/acme/ops/edit/main', process.cwd())).toBe(`https://github.com/acme/ops/edit/main/${file}`);
  });

  it('work when Hindsight is checked out beside the repository (HINDSIGHT_REPO_ROOT)', () => {
    const repo = path.resolve('..', 'service');
    const file = path.relative(process.cwd(), path.join(repo, 'docs/spec/.llm/completed/postmortem-2026-03-14-x.md'));
    expect(file.startsWith('..')).toBe(true);
    expect(editUrlOf(file, 'https://github.com/acme/service/edit/main/', repo)).toBe('https://github.com/acme/service/edit/main/docs/spec/.llm/completed/postmortem-2026-03-14-x.md');
  });

  it('are absent when no prefix is configured', () => {
    expect(editUrlOf('x.md', '', process.cwd())).toBeNull();
  });
});
