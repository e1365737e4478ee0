/**
 * What lead photos cost (issue 14, part 5): the bytes a reader's browser fetches for the lead
 * picture, and the build time each picture adds, cold and with Astro's image cache warm.
 *
 * Two corpora of N copies of the seed article (`npm run corpus`), the same except that in the
 * second every article has its own generated 2400 × 1600 JPEG lead photo (scripts/lib/test-photos.ts;
 * different noise each, so no two share a transform). Each is built:
 *   - cold: `astro build --force` with an empty cache folder: every transform is made;
 *   - forced, cache kept: `--force` again with the cache folder of the cold build: the content
 *     layer and every page render again, but sharp's outputs come from the cache (Astro's
 *     `<cacheDir>/assets/`), which is what a changed template or config costs;
 *   - warm: without `--force`: Astro's incremental build copies unchanged pages as well.
 * The difference between the two corpora, over N, is the time per picture. Then Chromium opens one
 * article at 375 and 1280 px, 1× and 2×, and counts the bytes of the lead picture it fetched.
 * Then the same for what else a newsroom uploads (an animated GIF, a tall infographic, a
 * transparent chart): build time added per picture against a plain build in the same run, and
 * the bytes fetched against the original's (BENCH_MEDIA articles each, 5 by default).
 *
 *   node bench/photos.ts                 (N = 20; run by `npm run bench` after bench/build.ts)
 *   BENCH_PHOTOS=50 node bench/photos.ts
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { dump, load } from 'js-yaml';
import sharp from 'sharp';
import { writeCorpus } from '../scripts/corpus.ts';
import { ensureChromium, launchBrowser } from '../scripts/lib/browser.ts';
import { serveStatic } from '../scripts/lib/server.ts';
import { testAnimation, testChart, testInfographic, testPhoto } from '../scripts/lib/test-photos.ts';
import { imageLog } from '../src/astro-internals.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = join(root, '.tmp', 'bench-photos');
const astro = join(root, 'node_modules/astro/bin/astro.mjs');
const SEED = join(root, 'content/articles/nato-chief-west-should-impose-a-cost-on-china.md');
const COUNT = Number(process.env['BENCH_PHOTOS'] ?? 20);
const PHOTO = { width: 2400, height: 1600 };

/** Adds a generated lead photo to every article of a corpus made by writeCorpus. */
async function addLeadPhotos(dir: string, count: number): Promise<number> {
  let bytes = 0;
  for (let i = 1; i <= count; i += 1) {
    const name = `article-${String(i).padStart(5, '0')}`;
    const path = join(dir, `${name}.md`);
    const [, front = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(readFileSync(path, 'utf8')) ?? [];
    const data = load(front) as Record<string, unknown>;
    data['image'] = { src: `./${name}.jpg`, alt: `Benchmark photo ${i}: a generated gradient`, caption: `Benchmark caption ${i}.` };
    writeFileSync(path, `---\n${dump(data, { lineWidth: -1 })}---\n${body}`);
    const photo = await testPhoto(PHOTO.width, PHOTO.height, i);
    bytes += photo.length;
    writeFileSync(join(dir, `${name}.jpg`), photo);
  }
  return bytes;
}

interface Timed {
  seconds: number;
  /** Transforms sharp made, and those taken from the cache. */
  made: number;
  reused: number;
}

function build(corpus: string, out: string, cache: string, { force }: { force: boolean }): Timed {
  rmSync(out, { recursive: true, force: true });
  const started = performance.now();
  const result = spawnSync(process.execPath, [astro, 'build', '--outDir', out, ...(force ? ['--force'] : [])], {
    cwd: root,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', BUILD_TIME: '2026-11-01T00:00:00Z', CONTENT_DIR: corpus, CACHE_DIR: cache },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  const log = stripVTControlCharacters(`${result.stdout}\n${result.stderr}`);
  if (result.status !== 0) throw new Error(`astro build of ${corpus} failed (${result.status}):\n${log.slice(-4000)}`);
  return { seconds, ...imageLog(log) };
}

const corpora = { plain: join(work, 'plain'), photos: join(work, 'photos') };
// The photos corpus holds the pictures added below, which writeCorpus refuses to empty (a folder
// holding files it did not write might be an editor's): this bench's own folder starts afresh.
rmSync(corpora.photos, { recursive: true, force: true });
writeCorpus(COUNT, corpora.plain, SEED);
writeCorpus(COUNT, corpora.photos, SEED);
const originalBytes = await addLeadPhotos(corpora.photos, COUNT);

const runs: Record<string, Record<'cold' | 'forced' | 'warm', Timed>> = {};
for (const [name, corpus] of Object.entries(corpora)) {
  const cache = join(work, `${name}-cache`);
  rmSync(cache, { recursive: true, force: true });
  const out = join(work, `${name}-site`);
  const cold = build(corpus, out, cache, { force: true });
  const forced = build(corpus, out, cache, { force: true });
  const warm = build(corpus, out, cache, { force: false });
  runs[name] = { cold, forced, warm };
}
const photoSite = join(work, 'photos-site');
// Drafts and future-dated copies are not built: count the photos that reach a page.
const pictured = readFileSync(join(photoSite, 'sitemap-0.xml'), 'utf8').match(/articles\/article-\d+\//g)?.length ?? 0;

const fixed = (n: number, digits = 2) => n.toFixed(digits);
console.log(`\nBuild time added by lead photos: ${COUNT} articles (${pictured} published, each with its own ${PHOTO.width} × ${PHOTO.height} JPEG, ${Math.round(originalBytes / COUNT / 1024)} KB on average)\n`);
console.log('| build | without photos, s | with photos, s | transforms made / reused | added per photo, s |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const kind of ['cold', 'forced', 'warm'] as const) {
  const plain = runs['plain']![kind];
  const photos = runs['photos']![kind];
  const label = { cold: 'cold (`--force`, empty cache)', forced: '`--force`, image cache kept', warm: 'warm (incremental, nothing changed)' }[kind];
  console.log(`| ${label} | ${fixed(plain.seconds, 1)} | ${fixed(photos.seconds, 1)} | ${photos.made} / ${photos.reused} | ${fixed((photos.seconds - plain.seconds) / Math.max(1, pictured))} |`);
}

// The bytes a browser fetches for the lead picture of one article.
ensureChromium();
const server = await serveStatic(photoSite);
const browser = await launchBrowser();
const slug = /articles\/(article-\d+)\//.exec(readFileSync(join(photoSite, 'sitemap-0.xml'), 'utf8'))![1]!;
console.log(`\nThe lead picture of /articles/${slug}/ as Chromium fetches it (original: ${Math.round(readFileSync(join(corpora.photos, `${slug}.jpg`)).length / 1024)} KB JPEG)\n`);
console.log('| viewport | density | candidate picked | bytes fetched | the same width in WebP (browsers without AVIF), bytes |');
console.log('| --- | ---: | --- | ---: | ---: |');
for (const width of [375, 1280]) {
  for (const deviceScaleFactor of [1, 2]) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor });
    const page = await context.newPage();
    const bodies: Promise<[string, number]>[] = [];
    page.on('response', (response) => {
      if (response.url().includes('/_astro/')) bodies.push(response.body().then((body) => [response.url(), body.length]));
    });
    await page.goto(`${server.origin}/articles/${slug}/`, { waitUntil: 'networkidle' });
    const sizes = new Map(await Promise.all(bodies));
    const current = await page.locator('.figure img').first().evaluate((img: HTMLImageElement) => img.currentSrc);
    const candidates = async (type: string) =>
      ((await page.locator(`.figure source[type="${type}"]`).first().getAttribute('srcset')) ?? '').split(',').map((c) => c.trim().split(/\s+/) as [string, string]);
    const descriptor = (await candidates('image/avif')).find(([url]) => current.endsWith(url))?.[1] ?? '?';
    const webp = (await candidates('image/webp')).find(([, w]) => w === descriptor)?.[0];
    const webpBytes = webp ? statSync(join(photoSite, webp)).size : '?';
    console.log(`| ${width} px | ${deviceScaleFactor}× | ${current.split('.').at(-1)} ${descriptor} | ${sizes.get(current) ?? '?'} | ${webpBytes} |`);
    await context.close();
  }
}
await browser.close();
await server.close();

// ─── What a newsroom uploads besides photos (issue 21) ───────────────────────────────────────
// MEDIA_COUNT articles each with one picture of a kind (the same generated bytes, but each
// article's own transforms), built cold beside a corpus of as many articles without one: the
// build time the kind adds per picture, against the plain build in the same run, and the bytes
// Chromium fetches for it against the original's.
const MEDIA_COUNT = Number(process.env['BENCH_MEDIA'] ?? 5);
// Each article's picture differs (Astro makes one set of copies for identical bytes): an
// animation one frame longer, a PNG with one pixel of its own.
const marked = async (png: Buffer, n: number) =>
  sharp(png, { limitInputPixels: false })
    .composite([{ input: { create: { width: 1, height: 1, channels: 4, background: { r: n, g: 0, b: 0, alpha: 1 } } }, left: 0, top: 0 }])
    .png()
    .toBuffer();
const kinds = [
  { kind: 'animated GIF, 640 × 360, 12 frames', file: 'loop.gif', make: (n: number) => testAnimation('gif', 640, 360, 11 + n) },
  { kind: 'tall infographic, 1,200 × 20,000 PNG', file: 'infographic.png', make: async (n: number) => marked(await testInfographic(1200, 20_000), n) },
  { kind: 'transparent chart, 1,200 × 675 PNG', file: 'chart.png', make: async (n: number) => marked(await testChart(1200, 675), n) },
];
const mediaPlain = join(work, 'media-plain');
writeCorpus(MEDIA_COUNT, mediaPlain, SEED);
const plainCache = join(work, 'media-plain-cache');
rmSync(plainCache, { recursive: true, force: true });
const plainRun = build(mediaPlain, join(work, 'media-plain-site'), plainCache, { force: true });
console.log(`\nBuild time and bytes of newsroom media: ${MEDIA_COUNT} articles each with one picture of a kind, built cold; the same ${MEDIA_COUNT} articles without pictures: ${fixed(plainRun.seconds, 1)} s\n`);
console.log('| kind | original (mean), KB | cold build, s | ratio to the plain build | added per picture, s | transforms | fetched at 375 px 1×, KB | at 1280 px 2×, KB | 2× fetch ÷ original |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
const mediaBrowser = await launchBrowser();
for (const { kind, file, make } of kinds) {
  const corpus = join(work, `media-${file}`);
  rmSync(corpus, { recursive: true, force: true });
  writeCorpus(MEDIA_COUNT, corpus, SEED);
  let bytes = 0;
  for (let i = 1; i <= MEDIA_COUNT; i += 1) {
    const name = `article-${String(i).padStart(5, '0')}`;
    const path = join(corpus, `${name}.md`);
    const picture = await make(i);
    bytes += picture.length;
    writeFileSync(join(corpus, `${name}-${file}`), picture);
    writeFileSync(path, readFileSync(path, 'utf8').replace(/\n---\n/, `\n---\n\n![Benchmark ${kind}](./${name}-${file})\n\n`));
  }
  const cache = join(work, `media-${file}-cache`);
  rmSync(cache, { recursive: true, force: true });
  const site = join(work, `media-${file}-site`);
  const run = build(corpus, site, cache, { force: true });
  const mediaServer = await serveStatic(site);
  const slug = /articles\/(article-\d+)\//.exec(readFileSync(join(site, 'sitemap-0.xml'), 'utf8'))![1]!;
  const fetched: number[] = [];
  for (const [width, deviceScaleFactor] of [[375, 1], [1280, 2]] as const) {
    const context = await mediaBrowser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor });
    const page = await context.newPage();
    const sizes: Promise<[string, number]>[] = [];
    page.on('response', (response) => void (response.url().includes('/_astro/') && sizes.push(response.body().then((body) => [response.url(), body.length]))));
    await page.goto(`${mediaServer.origin}/articles/${slug}/`, { waitUntil: 'networkidle' });
    const picture = page.locator('.article__body picture img').first();
    await picture.scrollIntoViewIfNeeded();
    await picture.evaluate((img: HTMLImageElement) => img.decode());
    const current = await picture.evaluate((img: HTMLImageElement) => img.currentSrc);
    await page.waitForLoadState('networkidle');
    fetched.push(new Map(await Promise.all(sizes)).get(current) ?? Number.NaN);
    await context.close();
  }
  await mediaServer.close();
  const kb = (n: number) => fixed(n / 1024, 1);
  const original = bytes / MEDIA_COUNT;
  console.log(
    `| ${kind} | ${kb(original)} | ${fixed(run.seconds, 1)} | ${fixed(run.seconds / plainRun.seconds)}× | ${fixed((run.seconds - plainRun.seconds) / MEDIA_COUNT)} | ${run.made} | ${kb(fetched[0]!)} | ${kb(fetched[1]!)} | ${fixed(fetched[1]! / original, 3)}× |`,
  );
}
await mediaBrowser.close();
