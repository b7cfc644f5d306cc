/**
 * Where a post-mortem body's rendering time goes: the bodies of an archive folder rendered with Astro's Markdown
 * processor (as the content loader renders them) under bare options and under Hindsight's plugins, in one process,
 * each plugin's transform timed in CPU. `npx tsx scripts/bench/markdown-timing.ts <archive folder>`
 * (docs/PERFORMANCE.md, "Build, seventh round").
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMarkdownProcessor, rehypeHeadingIds } from '@astrojs/markdown-remark';
import { MARKDOWN_OPTIONS } from '../../src/lib/markdown/options.ts';
import rehypeSanitizeContent from '../../src/lib/markdown/rehype-sanitize-content.ts';
import remarkFiveWhys from '../../src/lib/markdown/remark-five-whys.ts';
import remarkSafeImages from '../../src/lib/markdown/remark-safe-images.ts';
import { rehypeHeadingAnchors } from '../../src/lib/site/rehype-heading-anchors.ts';
import { rehypeTableScroll } from '../../src/lib/site/rehype-table-scroll.ts';

type Plugin = (...options: never[]) => (tree: never, file: never) => unknown;

const dir = process.argv[2];
if (!dir) throw new Error('usage: markdown-timing.ts <archive folder>');
const bodies = readdirSync(dir)
  .filter((name) => name.endsWith('.md'))
  .sort()
  .map((name) => {
    const file = path.join(dir, name);
    const text = readFileSync(file, 'utf8');
    return { file, body: text.slice(text.indexOf('\n---', 3) + 4) };
  });
const cpuByPlugin = new Map<string, number>();

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

/** `plugin` with its transform's CPU added to `cpuByPlugin` under `name`. */
function timed(name: string, plugin: Plugin): Plugin {
  return (...options) => {
    const transform = plugin(...options);
    return (tree, file) => {
      const since = process.cpuUsage();
      const result = transform(tree, file);
      cpuByPlugin.set(name, (cpuByPlugin.get(name) ?? 0) + cpuMs(since));
      return result;
    };
  };
}

const hindsight = {
  ...MARKDOWN_OPTIONS,
  remarkPlugins: [timed('remark-safe-images', remarkSafeImages), timed('remark-five-whys', remarkFiveWhys)],
  rehypePlugins: [
    [timed('rehype-sanitize-content', rehypeSanitizeContent as unknown as Plugin), { mdx: 'safe' }],
    timed('rehypeHeadingIds (before the anchors)', rehypeHeadingIds as unknown as Plugin),
    timed('rehype-heading-anchors', rehypeHeadingAnchors),
    timed('rehype-table-scroll', rehypeTableScroll),
  ],
};

async function run(name: string, options: object): Promise<void> {
  const processor = await createMarkdownProcessor(options as never);
  const render = (entry: (typeof bodies)[number]) => processor.render(entry.body, { fileURL: pathToFileURL(entry.file) } as never);
  for (const entry of bodies.slice(0, 50)) await render(entry);
  cpuByPlugin.clear();
  const since = process.cpuUsage();
  let bytes = 0;
  for (const entry of bodies) bytes += (await render(entry)).code.length;
  console.log(`${name}: ${(cpuMs(since) / 1000).toFixed(2)} s CPU for ${bodies.length} bodies, ${(bytes / 1e6).toFixed(1)} MB of HTML`);
  for (const [plugin, ms] of cpuByPlugin) console.log(`  ${plugin}: ${(ms / 1000).toFixed(2)} s`);
}

await run('bare (MARKDOWN_OPTIONS)', { ...MARKDOWN_OPTIONS });
await run("Hindsight's plugins", hindsight);
