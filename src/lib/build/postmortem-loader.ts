/**
 * The content loader of the post-mortem collection: Astro's glob loader, made
 * to respect the folder the way `validate` does. The glob loader reads through
 * symbolic links (a link to a system file would land in the data store); here
 * links are excluded from the scan, and files added or changed later (in
 * `astro dev`) are only synced when they are regular files. `validate` and the
 * build gate report each link as an error (rule `file-regular`).
 * It also measures each rendered body: Markdown constructs such as reference
 * links can expand a small file into megabytes of HTML, which no source-size
 * limit can bound, so a body over the limit stops the build, naming the file
 * (a {@link HindsightError}: the caller, content.config.ts, ends the build).
 * The data store keeps no Markdown source (`body`) beside a body's HTML: nothing
 * reads it, and it was 40% of a store that is bundled into the build whole
 * (215 MB at 10,000 long-tail post-mortems). A body that failed to render keeps
 * its source, which is how the check below knows it.
 */
import { lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { isPostmortemFile, slugOf } from '../postmortem/model/file-naming.ts';
import { HindsightError } from '../errors.ts';
import type { SizeLimit } from '../postmortem/safety/limits.ts';
import { whileLoading } from './content-loads.ts';

const PATTERN = '*.{md,mdx}';

/** `bodyHtmlLimit`: the setting `HINDSIGHT_MAX_BODY_HTML_KB`, as the entry point read it. */
export function postmortemLoader(base: string, bodyHtmlLimit: SizeLimit): Loader {
  return {
    name: 'hindsight:postmortems',
    // The store is saved once, after the load (content-loads.ts), not at every pause in it.
    load: (context) =>
      whileLoading(async () => {
        const links = linkedEntries(base);
        const inner = glob({ base, pattern: [PATTERN, ...links.map((name) => `!${escapeGlob(name)}`)], generateId: ({ entry }) => slugOf(entry) });
        await inner.load({ ...context, store: withoutRenderedSources(context.store), watcher: context.watcher && regularFilesOnly(context.watcher, base) });
        checkRendered(context, base, bodyHtmlLimit);
      }),
  };
}

/** Names of the post-mortem entries in `base` that are not regular files (links, mostly). */
function linkedEntries(base: string): string[] {
  try {
    return readdirSync(base, { withFileTypes: true }).filter((entry) => !entry.isFile() && !entry.isDirectory() && isPostmortemFile(entry.name)).map((entry) => entry.name);
  } catch {
    return [];
  }
}

/** Glob syntax in a file name, escaped so the name matches only itself. */
function escapeGlob(name: string): string {
  return name.replace(/[\\*?[\]{}()!+@|]/g, '\\$&');
}

type Store = LoaderContext['store'];
type Entry = Parameters<Store['set']>[0];

/** A body that should have HTML and has none: Astro's glob loader keeps an entry whose body failed to render. */
function unrendered(entry: Pick<Entry, 'body' | 'deferredRender' | 'rendered'>): boolean {
  return !entry.deferredRender && Boolean(entry.body?.trim()) && !entry.rendered?.html?.trim();
}

/** The store as the glob loader sees it: an entry's Markdown source is kept only when it did not render. */
function withoutRenderedSources(store: Store): Store {
  return { ...store, set: (entry) => store.set(unrendered(entry) ? entry : { ...entry, body: undefined }) };
}

type Watcher = NonNullable<LoaderContext['watcher']>;

/** The watcher as the glob loader sees it: "add" and "change" events of anything but a regular file in `base` never reach it. */
function regularFilesOnly(watcher: Watcher, base: string): Watcher {
  const isRegularFile = (changed: string) => {
    try {
      return path.dirname(path.resolve(changed)) !== path.resolve(base) || lstatSync(changed).isFile();
    } catch {
      return false;
    }
  };
  return new Proxy(watcher, {
    get(target, property, receiver) {
      if (property === 'on') {
        return (event: string, listener: (changed: string, ...rest: unknown[]) => unknown) =>
          target.on(event as 'add', event === 'add' || event === 'change' ? (changed: string, ...rest: unknown[]) => (isRegularFile(changed) ? listener(changed, ...rest) : undefined) : listener);
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * Every Markdown body rendered, and none too large. Astro's glob loader logs a body that fails to render
 * (a stack overflow on input deeper than the nesting limit, with validation bypassed) and keeps the entry
 * without HTML, which would publish an empty page: here that stops the build, naming the file.
 * MDX bodies render later, with the page (`deferredRender`), where an error stops the build by itself.
 */
function checkRendered(context: LoaderContext, base: string, limit: SizeLimit): void {
  const entries = [...context.store.values()];
  const fileOf = (entry: (typeof entries)[number]) => entry.filePath ?? path.join(base, `postmortem-${entry.id}.md`);
  const failed = entries.filter(unrendered);
  for (const entry of failed) {
    context.logger.error(
      `${fileOf(entry)}:1:1  error  the body did not render (see the error above), so its page would be empty  (body-render)\n` +
        '    Hint: Run `npm run validate` on it; flatten deeply nested lists or blockquotes, or split the body.',
    );
  }
  const over = entries.filter((entry) => Buffer.byteLength(entry.rendered?.html ?? '') > limit.value);
  if (!over.length && !failed.length) return;
  for (const entry of over) {
    const file = fileOf(entry);
    context.logger.error(
      `${file}:1:1  error  the body renders to ${mib(Buffer.byteLength(entry.rendered!.html))} of HTML, over the ${mib(limit.value)} limit  (body-html-size)\n` +
        `    Hint: Long runs of reference links, footnotes or table rows expand when rendered: link the data instead of inlining it (or raise the limit with ${limit.env}, in KiB; see docs/FORMAT.md).`,
    );
  }
  // A build stops here; `astro dev` (which watches) keeps serving with the error above.
  if (!context.watcher) throw new HindsightError('The build stops here: fix the post-mortems above.', '', 'content');
}

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
