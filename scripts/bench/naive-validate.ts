/**
 * The naive validator the benchmark compares `npm run validate` against:
 * what a first attempt would do — gray-matter for the frontmatter and a full
 * remark + remark-gfm parse of every body — and nothing else.
 * Usage: node --import tsx scripts/bench/naive-validate.ts <dir>
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('Usage: naive-validate.ts <dir>\n');
  process.exit(2);
}
const processor = unified().use(remarkParse).use(remarkGfm);
let nodes = 0;
const files = readdirSync(dir).filter((name) => name.endsWith('.md'));
for (const name of files) {
  const { data, content } = matter(readFileSync(path.join(dir, name), 'utf8'));
  const tree = processor.runSync(processor.parse(content)) as unknown as { children: unknown[] };
  nodes += tree.children.length + Object.keys(data).length;
}
process.stdout.write(`${files.length} files, ${nodes} top-level nodes\n`);
