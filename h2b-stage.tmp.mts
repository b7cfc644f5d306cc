import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
const dir = process.argv[2]!;
const cpu = () => process.cpuUsage().user / 1000;
let t = cpu();
const { parsePostmortem } = await import('./src/lib/postmortem/parse.ts');
const { FILE_RULES } = await import('./src/lib/postmortem/rules/all-rules.ts');
const { splitFrontmatter } = await import('./src/lib/postmortem/frontmatter.ts');
const { frontmatterSchema } = await import('./src/lib/postmortem/schema/frontmatter-schema.ts');
console.log('import', (cpu() - t).toFixed(0));
const texts = readdirSync(dir).filter((f) => /\.mdx?$/.test(f)).map((f) => [f, readFileSync(path.join(dir, f), 'utf8')] as const);
t = cpu(); const splits = texts.map(([, x]) => splitFrontmatter(x)); console.log('split', (cpu() - t).toFixed(0));
t = cpu(); for (const s of splits) frontmatterSchema.safeParse((s.frontmatter as any).data); console.log('zod', (cpu() - t).toFixed(0));
t = cpu(); for (const s of splits) frontmatterSchema.safeParse((s.frontmatter as any).data); console.log('zod again', (cpu() - t).toFixed(0));
t = cpu(); const parsed = texts.map(([f, x]) => parsePostmortem(f, x)); console.log('parse all', (cpu() - t).toFixed(0));
const per = new Map<string, number>();
for (const pm of parsed) for (const rule of FILE_RULES) { const s = cpu(); rule.check(pm); per.set(rule.id, (per.get(rule.id) ?? 0) + cpu() - s); }
console.log('rules total', [...per.values()].reduce((a, b) => a + b, 0).toFixed(0));
console.log([...per].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', '));
