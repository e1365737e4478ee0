/**
 * Writes N copies of the Stoltenberg article into DIR for benchmarks and scale tests: distinct
 * slugs and titles, dates spread over 2021–2026, 2–5 tags each from a pool of 60 with a Zipf-like
 * skew (a few tags on most articles, many rare ones), 2.5% drafts (every 40th, from the 3rd) and
 * 1.1% dated in the future (every 90th, from the 7th). Sections are spread over SITE.sections with the
 * same skew; with `authors`, three in five copies get a byline of one or two invented authors
 * ("Fixture Writer 07": WRITER_POOL), the first 20 of whom get a profile in that folder, and every
 * 30th copy (from the 5th) carries a correction dated the day after it was published; and the
 * front page's and series' fields (`newsroomFields`): about one in four is a kind other than news,
 * every 25th asks to lead and every 10th to be a top story, and every 8th (from the 1st) is a part
 * of a series of five (one series per 40 copies). Deterministic for a given N.
 *
 *   npm run corpus -- 1000 .tmp/corpora/1000 [.tmp/corpora/1000-authors]
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { dump, load } from 'js-yaml';
import { SITE } from '../src/site.ts';
import { prose, random } from './lib/prose.ts';

export const TAG_POOL = Array.from({ length: 60 }, (_, i) =>
  i < 8
    ? ['NATO', 'China', 'Russia', 'Ukraine', 'Europe', 'United States', 'Defence', 'Diplomacy'][i]!
    : `Topic ${String(i + 1).padStart(2, '0')}`,
);

/** Invented authors for generated copies, marked as fixtures by name; the first PROFILED have profiles. */
export const WRITER_POOL = Array.from({ length: 30 }, (_, i) => `Fixture Writer ${String(i + 1).padStart(2, '0')}`);
const PROFILED = 20;

/** Zipf-like choice: item k with probability proportional to 1/(k+1). */
function zipf<T>(items: readonly T[], next: () => number): () => T {
  const weights = items.map((_, k) => 1 / (k + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  return () => {
    let r = next() * total;
    for (const [k, w] of weights.entries()) if ((r -= w) <= 0) return items[k]!;
    return items.at(-1)!;
  };
}

/** Kinds other than news, by copy number: every n-th copy from the offset is that kind (the first that matches wins). */
const KINDS: readonly [every: number, from: number, type: string][] = [
  [7, 2, 'analysis'],
  [11, 4, 'opinion'],
  [13, 6, 'explainer'],
  [23, 8, 'letter'],
  [50, 9, 'review'],
  [60, 11, 'interview'],
  [67, 15, 'sponsored'],
  [97, 13, 'obituary'],
];

/**
 * The type, prominence, series and part of generated copy No. `i`, by its number alone (no draw
 * from the generators, so the other fields stay as they were): see the header.
 */
export function newsroomFields(i: number): { type?: string; prominence?: 'lead' | 'top'; series?: string; part?: number } {
  const kind = KINDS.find(([every, from]) => i % every === from % every);
  const prominence = i % 25 === 0 ? 'lead' : i % 10 === 0 ? 'top' : undefined;
  const inSeries = i % 8 === 1;
  return {
    ...(kind && { type: kind[2] }),
    ...(prominence && { prominence }),
    ...(inSeries && { series: `Fixture series ${String(Math.floor((i - 1) / 40) + 1).padStart(3, '0')}`, part: ((i - 1) % 40) / 8 + 1 }),
  };
}

/** The pictures a corpus with varied bodies shows (every 100th article, from the 50th), which the caller puts into its folder. */
export const CORPUS_PHOTOS = ['photo-1.jpg', 'photo-2.jpg', 'photo-3.jpg'];

/**
 * Writes `count` articles into `dir` (emptied first), their front matter from `seedFile`'s. Bodies
 * are the seed's (`bodies: 'seed'`, the default) or generated (`'varied'`: scripts/lib/prose.ts,
 * 4 to 24 paragraphs of 1 to 4 sentences, headlines and standfirsts of their own, none of the
 * seed's source or lead picture, and every 100th from the 50th with one of CORPUS_PHOTOS). With `authors`, profiles are written there (see the header).
 */
export function writeCorpus(
  count: number,
  dir: string,
  seedFile = resolve('content/articles/nato-chief-west-should-impose-a-cost-on-china.md'),
  { authors, bodies = 'seed' }: { authors?: string; bodies?: 'seed' | 'varied' } = {},
): void {
  const text = readFileSync(seedFile, 'utf8');
  const [, front = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
  const base = load(front) as Record<string, unknown>;
  const next = random(count);
  const pickTag = zipf(TAG_POOL, next);
  // A second generator, so the tags and dates stay what they were before sections and authors.
  const more = random(count + 1);
  const pickSection = zipf(
    SITE.sections.map((section) => section.name),
    more,
  );
  const pickWriter = zipf(WRITER_POOL, more);
  // A third, so the seed corpus stays what it was.
  const copy = bodies === 'varied' ? prose(count + 2) : undefined;
  const start = Date.UTC(2021, 0, 1);
  const end = Date.UTC(2026, 9, 31);
  refuseForeignFiles(dir, /^article-\d{5,}\.md$|^photo-\d+\.jpg$/);
  if (authors) refuseForeignFiles(authors, /^fixture-writer-\d+\.yaml$/);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  if (authors) {
    rmSync(authors, { recursive: true, force: true });
    mkdirSync(authors, { recursive: true });
    WRITER_POOL.slice(0, PROFILED).forEach((name, i) => {
      const section = SITE.sections[i % SITE.sections.length]!.name;
      writeFileSync(
        join(authors, `${name.toLowerCase().replace(/ /g, '-')}.yaml`),
        dump({
          name,
          role: `${section} correspondent (fixture)`,
          bio: `${name} is invented: an author that exists only in generated test copy.`,
        }),
      );
    });
  }
  for (let i = 1; i <= count; i += 1) {
    const tags = new Set<string>();
    const wanted = 2 + Math.floor(next() * 4);
    while (tags.size < wanted) tags.add(pickTag());
    const future = i % 90 === 7;
    const draft = i % 40 === 3;
    const day = new Date(
      future
        ? Date.UTC(2031, 0, 1) + Math.floor(next() * 365) * 864e5
        : start + Math.floor(next() * ((end - start) / 864e5)) * 864e5,
    );
    const published = day.toISOString().slice(0, 10);
    const section = pickSection();
    const bylines = authors && more() < 0.6 ? [...new Set([pickWriter(), ...(more() < 0.25 ? [pickWriter()] : [])])] : [];
    // Generated copy carries none of the seed's facts: no source, no lead picture, a standfirst of its own.
    const { source: _source, image: _image, ...generic } = base;
    const data = {
      ...(copy ? { ...generic, standfirst: copy.sentence() } : base),
      title: copy ? copy.headline(i) : `${base['title'] as string} (No. ${i})`,
      published,
      section,
      tags: [...tags],
      ...(bylines.length > 0 && { byline: bylines }),
      ...(authors && newsroomFields(i)),
      ...(authors &&
        i % 30 === 5 && {
          corrections: [
            {
              date: new Date(day.getTime() + 864e5).toISOString().slice(0, 10),
              text: `An earlier version of copy No. ${i} misstated a figure (fixture correction).`,
            },
          ],
        }),
      ...(draft && { draft: true }),
    };
    writeFileSync(
      join(dir, `article-${String(i).padStart(5, '0')}.md`),
      `---\n${dump(data, { lineWidth: -1 })}---\n${copy ? variedBody(copy, i) : body}`,
    );
  }
}

/**
 * Throws, naming the folder and a file, when `dir` holds anything a corpus does not write
 * (`ours`): writing a corpus empties its folder, which must never take an editor's articles with it.
 */
function refuseForeignFiles(dir: string, ours: RegExp): void {
  if (!existsSync(dir)) return;
  const foreign = readdirSync(dir).find((name) => !ours.test(name));
  if (foreign !== undefined)
    throw new Error(
      `${dir} holds ${foreign}, which a generated corpus does not write: writing one empties its folder. Expected a new folder, or one a corpus was written to.`,
    );
}

/** A generated body: paragraphs of sentences from the shared pool, and on every 100th article (from the 50th) a picture. */
function variedBody(copy: ReturnType<typeof prose>, i: number): string {
  const paragraphs = Array.from({ length: copy.between(4, 24) }, () =>
    Array.from({ length: copy.between(1, 4) }, () => copy.sentence()).join(' '),
  );
  if (i % 100 === 50)
    paragraphs.splice(
      1,
      0,
      `![A photograph for generated copy No. ${i} (fixture)](./${CORPUS_PHOTOS[((i / 100) % CORPUS_PHOTOS.length) | 0]})`,
    );
  return `\n${paragraphs.join('\n\n')}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [countArg, dirArg, authorsArg] = process.argv.slice(2);
  const count = Number(countArg);
  if (!Number.isInteger(count) || count < 1 || !dirArg) {
    console.error(
      'usage: npm run corpus -- N DIR [AUTHORS]   (N articles written into DIR; with AUTHORS, bylines, profiles there and corrections)',
    );
    process.exit(2);
  }
  try {
    writeCorpus(count, resolve(dirArg), undefined, authorsArg ? { authors: resolve(authorsArg) } : {});
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  console.log(`wrote ${count} articles into ${resolve(dirArg)}`);
}
