/**
 * What one article costs each Markdown processor: Astro 7's default (Sätteri), Astro's unified
 * processor with its defaults, and Broadsheet's pipeline. Renders the seed article's body with its
 * front matter, as the content layer does at build time, and prints a table.
 *
 *   npm run bench
 */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { createMarkdownProcessor, parseFrontmatter } from '@astrojs/markdown-remark';
import { satteri } from '@astrojs/markdown-satteri';
import { markdownPipeline } from '../src/markdown/pipeline.ts';

const file = readFileSync(
  new URL('../content/articles/nato-chief-west-should-impose-a-cost-on-china.md', import.meta.url),
  'utf8',
);
const { frontmatter, content } = parseFrontmatter(file);
const PIPELINE = markdownPipeline();

interface Renderer {
  render(content: string, options: { frontmatter: Record<string, unknown> }): Promise<unknown>;
}

const processors: [string, Renderer][] = [
  ['satteri (Astro 7 default)', await satteri().createRenderer({ syntaxHighlight: false } as never)],
  [
    'unified, Astro defaults (GFM, SmartyPants, Shiki)',
    await createMarkdownProcessor({ gfm: true, smartypants: true, syntaxHighlight: 'shiki' }),
  ],
  [
    'unified, GFM + SmartyPants, no highlighter',
    await createMarkdownProcessor({ gfm: true, smartypants: true, syntaxHighlight: false }),
  ],
  ['unified, GFM only', await createMarkdownProcessor({ gfm: true, smartypants: false, syntaxHighlight: false })],
  [
    'unified, bare (no GFM, no SmartyPants)',
    await createMarkdownProcessor({ gfm: false, smartypants: false, syntaxHighlight: false }),
  ],
  [
    'Broadsheet (GFM, figure, reading time, sanitising, links, ids, tables)',
    await createMarkdownProcessor({ ...PIPELINE, syntaxHighlight: false }),
  ],
  [
    'Broadsheet, every body parsed by remark-parse (before Sätteri)',
    await createMarkdownProcessor({ ...markdownPipeline({ parser: 'remark' }), syntaxHighlight: false }),
  ],
  [
    'Broadsheet with GFM off (what GFM costs)',
    await createMarkdownProcessor({ ...markdownPipeline({ parser: 'remark' }), gfm: false, syntaxHighlight: false }),
  ],
];

async function measure(renderer: Renderer): Promise<{ mean: number; runs: number }> {
  const once = () => renderer.render(content, { frontmatter: structuredClone(frontmatter) });
  for (let i = 0; i < 30; i += 1) await once();
  const samples: number[] = [];
  const stop = performance.now() + 1500;
  while (performance.now() < stop) {
    const start = performance.now();
    await once();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  // The median: robust to the odd garbage-collection pause.
  return { mean: samples[Math.floor(samples.length / 2)]!, runs: samples.length };
}

console.log(
  `Markdown pipeline, seed article (${content.length} characters), Node ${process.versions.node}, ${cpus()[0]?.model ?? 'unknown CPU'}`,
);
const rows: { name: string; ms: number; runs: number }[] = [];
for (const [name, renderer] of processors) {
  const { mean, runs } = await measure(renderer);
  rows.push({ name, ms: mean, runs });
}
const baseline = rows[0]!.ms;
const width = Math.max(...rows.map((r) => r.name.length));
console.log(`${'processor'.padEnd(width)}  ms/article  × satteri  runs`);
for (const row of rows) {
  console.log(
    `${row.name.padEnd(width)}  ${row.ms.toFixed(3).padStart(10)}  ${(row.ms / baseline).toFixed(2).padStart(9)}  ${String(row.runs).padStart(4)}`,
  );
}
