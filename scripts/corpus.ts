/**
 * Writes N copies of the Stoltenberg article into DIR for benchmarks and scale tests: distinct
 * slugs and titles, dates spread over 2021–2026, 2–5 tags each from a pool of 60 with a Zipf-like
 * skew (a few tags on most articles, many rare ones), 2.5% drafts (every 40th, from the 3rd) and
 * 1.1% dated in the future (every 90th, from the 7th).
 * Deterministic for a given N.
 *
 *   npm run corpus -- 1000 .tmp/corpora/1000
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { dump, load } from 'js-yaml';

export const TAG_POOL = Array.from({ length: 60 }, (_, i) =>
  i < 8 ? ['NATO', 'China', 'Russia', 'Ukraine', 'Europe', 'United States', 'Defence', 'Diplomacy'][i]! : `Topic ${String(i + 1).padStart(2, '0')}`,
);

/** mulberry32: a small, well-known seeded generator. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function writeCorpus(count: number, dir: string, seedFile = resolve('content/articles/nato-chief-west-should-impose-a-cost-on-china.md')): void {
  const text = readFileSync(seedFile, 'utf8');
  const [, front = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
  const base = load(front) as Record<string, unknown>;
  const next = random(count);
  // Zipf-like weights: tag k is chosen with probability proportional to 1/(k+1).
  const weights = TAG_POOL.map((_, k) => 1 / (k + 1));
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const pickTag = () => {
    let r = next() * totalWeight;
    for (const [k, w] of weights.entries()) if ((r -= w) <= 0) return TAG_POOL[k]!;
    return TAG_POOL.at(-1)!;
  };
  const start = Date.UTC(2021, 0, 1);
  const end = Date.UTC(2026, 9, 31);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (let i = 1; i <= count; i += 1) {
    const tags = new Set<string>();
    const wanted = 2 + Math.floor(next() * 4);
    while (tags.size < wanted) tags.add(pickTag());
    const future = i % 90 === 7;
    const draft = i % 40 === 3;
    const day = new Date(future ? Date.UTC(2031, 0, 1) + Math.floor(next() * 365) * 864e5 : start + Math.floor(next() * ((end - start) / 864e5)) * 864e5);
    const data = {
      ...base,
      title: `${base['title'] as string} (No. ${i})`,
      published: day.toISOString().slice(0, 10),
      tags: [...tags],
      ...(draft && { draft: true }),
    };
    writeFileSync(join(dir, `article-${String(i).padStart(5, '0')}.md`), `---\n${dump(data, { lineWidth: -1 })}---\n${body}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [countArg, dirArg] = process.argv.slice(2);
  const count = Number(countArg);
  if (!Number.isInteger(count) || count < 1 || !dirArg) {
    console.error('usage: npm run corpus -- N DIR   (N articles written into DIR)');
    process.exit(2);
  }
  writeCorpus(count, resolve(dirArg));
  console.log(`wrote ${count} articles into ${resolve(dirArg)}`);
}
