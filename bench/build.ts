/**
 * Build benchmark: Broadsheet against a minimal Astro 7 site (bench/baseline/: Astro's default
 * Markdown processor, one page per article plus an index) on the same generated corpora, in the
 * same run. For each size: cold builds (caches deleted) of both, then Broadsheet's three daily
 * builds, each warm from the build before: publishing one new article, correcting one article's
 * body, and posting one update to a live story (issue 24; the corpus has one running, with three
 * updates). Every build is verified before its time counts: it exited 0, it has one page per
 * published article, an article's text, and a search index holding every published article.
 * Prints the tables; a run of the default sizes also writes docs/benchmarks.md.
 *
 *   npm run bench                          (100, 1,000, 10,000 and 50,000 articles; the last once)
 *   BENCH_SIZES=100,1000 npm run bench      (a quicker run; docs/benchmarks.md is left alone)
 *   BENCH_RUNS=3 npm run bench              (time each build three times; default 2)
 */
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { gzipSync } from 'node:zlib';
import { load } from 'js-yaml';
import { CORPUS_PHOTOS, writeCorpus } from '../scripts/corpus.ts';
import { testPhoto } from '../scripts/lib/test-photos.ts';
import { ensureChromium, launchBrowser } from '../scripts/lib/browser.ts';
import { gzipBytes, pageFiles } from '../scripts/lib/page-weight.ts';
import { serveStatic } from '../scripts/lib/server.ts';
import { buildPhases, pageLog, type PageLogEntry } from '../src/astro-internals.ts';
import { besideOutput } from '../src/integrations/working-copy.ts';
import { watchTree, type TreeMemory } from './process-tree.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = join(root, '.tmp', 'bench');
const DEFAULT_SIZES = '100,1000,10000,50000';
const sizes = (process.env['BENCH_SIZES'] ?? DEFAULT_SIZES).split(',').map(Number);
// Each build is timed this many times and the fastest kept: the least disturbed by whatever else
// the machine was doing. Memory is the highest seen. Sizes of ONCE_FROM articles and more are
// built once: a row to show the archive still builds, not a timing to split hairs over.
const RUNS = Number(process.env['BENCH_RUNS'] ?? 2);
const ONCE_FROM = 50_000;
const astro = join(root, 'node_modules/astro/bin/astro.mjs');
const BUILD_TIME = '2026-11-01T00:00:00Z';
const SEED = join(root, 'content/articles/nato-chief-west-should-impose-a-cost-on-china.md');

/** Seconds per build phase, read from the build's log. */
interface Phases {
  check: number | undefined;
  sync: number | undefined;
  render: number | undefined;
  /** Pages rendered, and pages copied from Astro's incremental cache. */
  rendered: number;
  reused: number;
  /** Seconds the search index added after the render (Pagefind indexes alongside it), and how many articles it indexed. */
  search: number | undefined;
  indexed: number | undefined;
  /** Section fronts and authors' pages (and their feeds) rendered, and their share of all pages' logged render time. */
  newsroomPages: number;
  newsroomShare: number;
  /**
   * The front page (/index.html), the kinds' and the series' pages and feeds (issue 22): how many
   * of each were rendered and their logged render ms, summed.
   */
  front: { pages: number; ms: number };
  /** Every rendered page's logged render ms, summed. */
  renderMs: number;
  kinds: { pages: number; ms: number };
  series: { pages: number; ms: number };
}

interface Run {
  seconds: number;
  phases: Phases;
  memory: TreeMemory;
}

/**
 * One build of `project` into `out`, timed, with the memory of its whole process tree sampled.
 * Broadsheet builds as the newsroom does, with `npm run build`'s script (scripts/build.mjs: over
 * its working copy, swapped in when done); the baseline with `astro build` into an empty folder.
 * `cold` deletes the project's cache folder (and Broadsheet's working copy and last site) first and
 * passes --force.
 */
async function build(project: string, out: string, env: Record<string, string>, { cold }: { cold: boolean }): Promise<Run> {
  const broadsheet = project === root;
  if (cold) rmSync(env['CACHE_DIR'] ?? join(project, 'node_modules/.astro'), { recursive: true, force: true });
  if (cold || !broadsheet) {
    rmSync(out, { recursive: true, force: true });
    rmSync(besideOutput(out).next, { recursive: true, force: true });
  }
  const args = broadsheet
    ? [join(root, 'scripts/build.mjs'), ...(cold ? ['--force'] : [])]
    : [astro, 'build', '--root', project, '--outDir', out, ...(cold ? ['--force'] : [])];
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      BUILD_TIME,
      ...(broadsheet ? { BUILD_OUT: out, SITE_URL: 'https://news.example.org' } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const watch = watchTree(child.pid!);
  let log = '';
  child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const seconds = (performance.now() - started) / 1000;
  const memory = watch.stop();
  if (status !== 0) throw new Error(`${args.join(' ')} failed (${status}):\n${log.slice(-4000)}`);
  return { seconds, phases: phases(log), memory };
}

function phases(log: string): Phases {
  const lines = stripVTControlCharacters(log).split('\n');
  const number = (pattern: RegExp) => {
    const found = lines.map((line) => pattern.exec(line)?.[1]).find((match) => match !== undefined);
    return found === undefined ? undefined : Number(found);
  };
  // Astro's own log lines are read through src/astro-internals.ts; the lines above are Broadsheet's.
  const { sync, render } = buildPhases(log);
  const pages = pageLog(log);
  // Each rendered page's time as Astro logs it; pages render four at a time, so a time can be
  // written after another page's path: the shares still say where rendering goes.
  const renderMs = (entries: PageLogEntry[]) => entries.reduce((sum, page) => sum + (page.ms ?? 0), 0);
  const rendered = pages.filter((page) => !page.restored);
  const newsroom = rendered.filter((page) => /^\/(sections|authors)\//.test(page.path));
  const allMs = renderMs(rendered);
  const group = (pattern: RegExp) => {
    const entries = rendered.filter((page) => pattern.test(page.path));
    return { pages: entries.length, ms: renderMs(entries) };
  };
  return {
    front: group(/^\/index\.html$/),
    kinds: group(/^\/types\//),
    series: group(/^\/series\//),
    renderMs: allMs,
    newsroomPages: newsroom.length,
    newsroomShare: allMs === 0 ? 0 : renderMs(newsroom) / allMs,
    check: number(/content checked in ([\d.]+) s/),
    sync,
    render,
    rendered: rendered.length,
    reused: pages.length - rendered.length,
    search: number(/search index: .*; ([\d.]+) s after it/),
    indexed: number(/search index: (\d+) pages? indexed/),
  };
}

/** The fastest of several runs, with the highest memory any of them used. */
function fastest(runs: Run[]): Run {
  const best = runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  const names = new Set(runs.flatMap((run) => Object.keys(run.memory.byName)));
  return {
    ...best,
    memory: {
      total: Math.max(...runs.map((run) => run.memory.total)),
      byName: Object.fromEntries([...names].map((name) => [name, Math.max(...runs.map((run) => run.memory.byName[name] ?? 0))])),
    },
  };
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}
const bytes = (files: string[]) => files.reduce((sum, file) => sum + statSync(file).size, 0);

/** What a corpus publishes at BUILD_TIME: the articles that are neither drafts nor scheduled, by file name. */
function publishedIn(corpus: string): Set<string> {
  const now = Date.parse(BUILD_TIME);
  const published = new Set<string>();
  for (const name of readdirSync(corpus).filter((file) => file.endsWith('.md'))) {
    const front = /^---\n([\s\S]*?)\n---/.exec(readFileSync(join(corpus, name), 'utf8'))?.[1] ?? '';
    const data = load(front) as { draft?: boolean; published: string };
    if (!data.draft && Date.parse(String(data.published)) <= now) published.add(name.replace(/\.md$/, ''));
  }
  return published;
}

/** Every article page a build wrote, by slug: `articles/<slug>/index.html`. */
function articlePages(out: string): string[] {
  return existsSync(join(out, 'articles'))
    ? readdirSync(join(out, 'articles')).filter((slug) => existsSync(join(out, 'articles', slug, 'index.html')))
    : [];
}

/** How many pages the search index holds: the sum over every shard's entry file. */
function searchPageCount(out: string): number {
  return walk(join(out, 'pagefind'))
    .filter((file) => file.endsWith('pagefind-entry.json'))
    .reduce((sum, file) => {
      const entry = JSON.parse(readFileSync(file, 'utf8')) as { languages: Record<string, { page_count: number }> };
      return sum + Object.values(entry.languages).reduce((n, language) => n + language.page_count, 0);
    }, 0);
}

/**
 * Throws unless the build in `out` is the site the corpus should make: a page for every published
 * article and no other, `expect` (a slug and a text) on that article's page, and (for Broadsheet)
 * a search index of every published article.
 */
function verify(
  out: string,
  published: Set<string>,
  expect: { slug: string; text: string },
  { search }: { search: boolean },
): void {
  const pages = articlePages(out);
  const problems: string[] = [];
  if (pages.length !== published.size || pages.some((slug) => !published.has(slug)))
    problems.push(`${pages.length} article pages, expected ${published.size}`);
  const page = join(out, 'articles', expect.slug, 'index.html');
  if (!existsSync(page) || !readFileSync(page, 'utf8').includes(expect.text))
    problems.push(`articles/${expect.slug}/ does not show "${expect.text}"`);
  if (search && searchPageCount(out) !== published.size)
    problems.push(`the search index holds ${searchPageCount(out)} pages, expected ${published.size}`);
  if (search) {
    // Broadsheet's own pages: a front per section with articles, a page per profile (writeCorpus).
    const fronts = existsSync(join(out, 'sections'))
      ? readdirSync(join(out, 'sections')).filter((name) => existsSync(join(out, 'sections', name, 'index.html'))).length
      : 0;
    const authors = existsSync(join(out, 'authors')) ? readdirSync(join(out, 'authors')).length : 0;
    if (fronts < 1 || authors !== 20)
      problems.push(`${fronts} section fronts and ${authors} authors' pages, expected some fronts and 20 authors`);
  }
  if (problems.length > 0)
    throw new Error(
      `The build in ${out} is not the site its corpus makes, so its time does not count:\n- ${problems.join('\n- ')}`,
    );
}

/** What one search on the built site costs a reader: bytes before the first results, results found, and the first ten addresses. */
interface Query {
  kb: number;
  results: number;
  /** How many of the archive's articles the first search covered, as the page says: "1,386 of 10,000", or "all". */
  searched: string;
  firstTen: string[];
}

/**
 * One search on the search page for `query`, as a reader makes it: what it downloads from the
 * Pagefind index until the first results show and the network is idle, in bytes on the wire
 * (Pagefind's index files are gzip already; its script and JSON are counted gzipped, as every host
 * in docs/deploy.md serves them), the result count the page states, and the first ten results.
 */
async function search(dir: string, query: string): Promise<Query> {
  const server = await serveStatic(dir);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const sizes: Promise<number>[] = [];
    page.on('response', (response) => {
      if (!response.url().includes('/pagefind/')) return;
      sizes.push(
        response
          .body()
          .then((body) => (body[0] === 0x1f && body[1] === 0x8b ? body.length : gzipSync(body, { level: 6 }).length))
          .catch(() => 0),
      );
    });
    await page.goto(`${server.origin}/search/?q=${encodeURIComponent(query)}`);
    await page.locator('.search-results li').first().waitFor({ timeout: 120_000 });
    await page.waitForLoadState('networkidle');
    const status = (await page.locator('[data-search-status]').textContent()) ?? '';
    // "At least 3 results…" when the first results are checked ones (src/client/search.ts).
    const results = Number(/^(?:At least )?([\d,]+) results?/.exec(status)?.[1]?.replace(/,/g, '') ?? NaN);
    const searched = / in ([\d,]+ of [\d,]+) articles$/.exec(status)?.[1] ?? 'all';
    const firstTen = await page
      .locator('.search-results li a')
      .evaluateAll((links) => links.slice(0, 10).map((link) => new URL((link as HTMLAnchorElement).href).pathname));
    return { kb: (await Promise.all(sizes)).reduce((sum, size) => sum + size, 0) / 1e3, results, searched, firstTen };
  } finally {
    await browser.close();
    await server.close();
  }
}

/**
 * The three searches the bench makes on a corpus: a word most articles contain, a rare word (an
 * invented surname from the oldest published article's headline), and that headline exactly.
 */
function queriesFor(corpus: string, published: Set<string>): { common: string; rare: string; headline: string; oldest: string } {
  const dated = [...published].map((slug) => {
    const front = load(/^---\n([\s\S]*?)\n---/.exec(readFileSync(join(corpus, `${slug}.md`), 'utf8'))![1]!) as {
      title: string;
      published: string;
    };
    return { slug, title: front.title, published: String(front.published) };
  });
  const oldest = dated.sort((a, b) => a.published.localeCompare(b.published) || a.slug.localeCompare(b.slug))[0]!;
  return { common: 'said', rare: oldest.title.split(' ')[1]!, headline: oldest.title, oldest: oldest.slug };
}

/** The first article page's HTML plus its CSS, gzipped. */
function articleWeight(dir: string): number {
  const { html, css } = pageFiles(dir, join('articles', articlePages(dir)[0]!, 'index.html'));
  return [html, ...css].reduce((sum, file) => sum + gzipBytes(file), 0);
}

interface Row {
  size: number;
  runs: number;
  cold: Run;
  publish: Run;
  correct: Run;
  update: Run;
  baseline: Run;
  pages: number;
  distMb: number;
  indexMb: number;
  shards: number;
  /** A common word, a rare word, and the oldest article's exact headline (queriesFor). */
  queries: { common: Query; rare: Query; headline: Query };
  /** Whether the oldest article was among the first ten results for its exact headline. */
  headlineFound: boolean;
  articleGzip: number;
}

ensureChromium();
const rows: Row[] = [];
for (const size of sizes) {
  const runs = size >= ONCE_FROM ? 1 : RUNS;
  const corpus = join(work, `corpus-${size}`);
  const out = join(work, `site-${size}`);
  const baseOut = join(work, `baseline-${size}`);
  const authors = join(work, `authors-${size}`);
  // Sections, bylines of 30 invented authors (20 with profiles) and a correction in every 30th.
  // Bodies that vary (scripts/lib/prose.ts), with a few pictures, so Markdown, search and memory figures mean something.
  // The articles an earlier run published (below) are the bench's own: gone before the corpus is written again.
  if (existsSync(corpus))
    for (const name of readdirSync(corpus)) if (/^published-today-\d+\.md$/.test(name)) rmSync(join(corpus, name));
  writeCorpus(size, corpus, SEED, { authors, bodies: 'varied' });
  for (const [i, name] of CORPUS_PHOTOS.entries()) writeFileSync(join(corpus, name), await testPhoto(1600, 1067, i + 1));
  const published = publishedIn(corpus);
  // A live story (issue 24): the last published copy by name, running, with three updates the
  // evening before the bench's clock; the day's builds post one more.
  const updates = join(work, `updates-${size}`);
  const story = [...published].sort().at(-1)!;
  writeFileSync(join(corpus, `${story}.md`), readFileSync(join(corpus, `${story}.md`), 'utf8').replace(/^published: .*$/m, (line) => `${line}\nlive: true`));
  rmSync(updates, { recursive: true, force: true });
  mkdirSync(updates, { recursive: true });
  const postUpdate = (name: string, time: string, text: string) =>
    writeFileSync(join(updates, `${name}.md`), `---\nstory: ${story}\npublished: ${time}\ntitle: ${JSON.stringify(text)}\n---\n\n${text}: what happened, in a paragraph.\n`);
  for (const [n, time] of ['2026-10-31T22:00:00Z', '2026-10-31T22:30:00Z', '2026-10-31T23:00:00Z'].entries()) postUpdate(`update-${n + 1}`, time, `Update number ${n + 1}`);
  // Broadsheet's cache folder is the bench's own, whatever CACHE_DIR the shell has.
  const env = { CONTENT_DIR: corpus, AUTHORS_DIR: authors, UPDATES_DIR: updates, CACHE_DIR: join(work, 'cache') };
  const baselineProject = join(root, 'bench/baseline');
  const firstSlug = [...published].sort()[0]!;
  // Its body's first sentence: the page must show it.
  const anArticle = {
    slug: firstSlug,
    text: /^---\n[\s\S]*?\n---\n+([^.]*\.)/.exec(readFileSync(join(corpus, `${firstSlug}.md`), 'utf8'))![1]!,
  };
  const colds: Run[] = [];
  const baselines: Run[] = [];
  // Broadsheet and baseline take turns, so a noisy minute on the machine hits both alike.
  for (let run = 1; run <= runs; run += 1) {
    process.stdout.write(`${size} articles, run ${run}: cold… `);
    colds.push(await build(root, out, env, { cold: true }));
    verify(out, published, anArticle, { search: true });
    process.stdout.write('baseline cold… ');
    baselines.push(await build(baselineProject, baseOut, { CONTENT_DIR: corpus }, { cold: true }));
    verify(
      baseOut,
      new Set(
        readdirSync(corpus)
          .filter((name) => name.endsWith('.md'))
          .map((name) => name.replace(/\.md$/, '')),
      ),
      anArticle,
      { search: false },
    );
    process.stdout.write('\n');
  }
  // The newsroom's day: each build warm from the one before.
  const publishes: Run[] = [];
  const corrects: Run[] = [];
  const posts: Run[] = [];
  for (let run = 1; run <= runs; run += 1) {
    process.stdout.write(`${size} articles, run ${run}: publish one… `);
    const slug = `published-today-${run}`;
    const seed = readFileSync(join(corpus, `${anArticle.slug}.md`), 'utf8');
    writeFileSync(
      join(corpus, `${slug}.md`),
      seed
        .replace(/^title: .*$/m, `title: Published today, number ${run}`)
        .replace(/^published: .*$/m, 'published: 2026-10-31')
        // The first copy is part 1 of a series: a second part 1 would be refused.
        .replace(/^(series|part): .*\n/gm, ''),
    );
    published.add(slug);
    publishes.push(await build(root, out, env, { cold: false }));
    verify(out, published, { slug, text: `Published today, number ${run}` }, { search: true });
    process.stdout.write('correct one… ');
    const corrected = [...published].sort()[run]!;
    appendFileSync(join(corpus, `${corrected}.md`), `\nCorrection number ${run}: an added sentence.\n`);
    corrects.push(await build(root, out, env, { cold: false }));
    verify(out, published, { slug: corrected, text: `Correction number ${run}: an added sentence.` }, { search: true });
    process.stdout.write('post one update… ');
    postUpdate(`update-today-${run}`, `2026-10-31T23:${String(30 + run).padStart(2, '0')}:00Z`, `Posted today, number ${run}`);
    posts.push(await build(root, out, env, { cold: false }));
    verify(out, published, { slug: story, text: `Posted today, number ${run}` }, { search: true });
    process.stdout.write('\n');
  }
  process.stdout.write(`${size} articles: search…\n`);
  const files = walk(out);
  rows.push({
    size,
    runs,
    cold: fastest(colds),
    publish: fastest(publishes),
    correct: fastest(corrects),
    update: fastest(posts),
    baseline: fastest(baselines),
    pages: files.filter((file) => file.endsWith('.html')).length,
    distMb: bytes(files) / 1e6,
    indexMb: bytes(walk(join(out, 'pagefind'))) / 1e6,
    shards: files.filter((file) => file.endsWith('pagefind-entry.json')).length,
    ...(await (async () => {
      const { common, rare, headline, oldest } = queriesFor(corpus, published);
      const queries = { common: await search(out, common), rare: await search(out, rare), headline: await search(out, headline) };
      return { queries, headlineFound: queries.headline.firstTen.includes(`/articles/${oldest}/`) };
    })()),
    articleGzip: articleWeight(out),
  });
  rmSync(baseOut, { recursive: true, force: true });
}

const fixed = (n: number, digits = 1) => n.toFixed(digits);
const mb = (n: number | undefined) => (n === undefined ? '?' : String(Math.round(n / 2 ** 20)));
const percent = (part: number, whole: number) => `${Math.round((part / whole) * 100)}%`;
const marginal = (i: number, pick: (row: Row) => number) =>
  i === 0 ? '' : fixed(((pick(rows[i]!) - pick(rows[i - 1]!)) * 1000) / (rows[i]!.size - rows[i - 1]!.size), 2);
// By program file name (bench/process-tree.ts): `node`, `pagefind_extended`.
const peakOf = (row: Row, prefix: string) =>
  Math.max(
    0,
    ...[row.cold, row.publish, row.correct, row.update].flatMap((run) =>
      Object.entries(run.memory.byName)
        .filter(([name]) => name.startsWith(prefix))
        .map(([, rss]) => rss),
    ),
  );
const table = [
  '| articles | runs | cold s | baseline cold s | cold ÷ baseline | publish one s | ÷ cold | correct one s | ÷ cold | post one update s | ÷ baseline cold | ms/article (marginal) | baseline ms/article (marginal) | peak MiB, all processes | Astro (node) MiB | Pagefind MiB | baseline peak MiB | pages | dist MB | search index MB | shards | common word: KB, results (articles searched) | rare word: KB, results (articles searched) | oldest headline: KB, in first ten | article HTML+CSS gzip B |',
  '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows
    .map((row, i) =>
      [
        row.size,
        row.runs,
        fixed(row.cold.seconds),
        fixed(row.baseline.seconds),
        `${fixed(row.cold.seconds / row.baseline.seconds, 2)}×`,
        fixed(row.publish.seconds),
        percent(row.publish.seconds, row.cold.seconds),
        fixed(row.correct.seconds),
        percent(row.correct.seconds, row.cold.seconds),
        fixed(row.update.seconds),
        `${fixed(row.update.seconds / row.baseline.seconds, 2)}×`,
        marginal(i, (r) => r.cold.seconds),
        marginal(i, (r) => r.baseline.seconds),
        mb(Math.max(row.cold.memory.total, row.publish.memory.total, row.correct.memory.total, row.update.memory.total)),
        mb(peakOf(row, 'node')),
        mb(peakOf(row, 'pagefind')),
        mb(row.baseline.memory.total),
        row.pages,
        fixed(row.distMb),
        fixed(row.indexMb, 2),
        row.shards,
        `${fixed(row.queries.common.kb)}, ${row.queries.common.results} (${row.queries.common.searched})`,
        `${fixed(row.queries.rare.kb)}, ${row.queries.rare.results} (${row.queries.rare.searched})`,
        `${fixed(row.queries.headline.kb)}, ${row.headlineFound ? 'yes' : 'no'}`,
        row.articleGzip,
      ].join(' | '),
    )
    .map((line) => `| ${line} |`),
].join('\n');

const phaseTable = [
  '| articles | build | total s | content check s | content sync s | page rendering s | pages rendered | pages copied | section & author pages rendered | their share of render ms | search index s | articles indexed | the rest s |',
  '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows.flatMap((row) =>
    (['cold', 'publish', 'correct', 'update'] as const).map((kind) => {
      const run = row[kind];
      const { check, sync, render, search } = run.phases;
      const rest = run.seconds - [check, sync, render, search].reduce<number>((sum, value) => sum + (value ?? 0), 0);
      const show = (value: number | undefined) => (value === undefined ? '?' : fixed(value));
      const name = { cold: 'cold', publish: 'publish one', correct: 'correct one', update: 'post one update' }[kind];
      const newsroom = [run.phases.newsroomPages, percent(run.phases.newsroomShare, 1)];
      return `| ${[row.size, name, fixed(run.seconds), show(check), show(sync), show(render), run.phases.rendered, run.phases.reused, ...newsroom, show(search), run.phases.indexed ?? '?', fixed(rest)].join(' | ')} |`;
    }),
  ),
].join('\n');
const frontTable = [
  '| articles | build | front page rendered, ms | kinds\' pages and feeds rendered | their ms | series\' pages and feeds rendered | their ms | all pages rendered | all pages\' ms |',
  '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows.flatMap((row) =>
    (['cold', 'publish', 'correct', 'update'] as const).map((kind) => {
      const { front, kinds, series, rendered } = row[kind].phases;
      const name = { cold: 'cold', publish: 'publish one', correct: 'correct one', update: 'post one update' }[kind];
      const all = row[kind].phases.renderMs;
      return `| ${[row.size, name, front.pages > 0 ? fixed(front.ms, 0) : 'copied', kinds.pages, fixed(kinds.ms, 0), series.pages, fixed(series.ms, 0), rendered, fixed(all, 0)].join(' | ')} |`;
    }),
  ),
].join('\n');
console.log(`\n${table}\n\n${phaseTable}\n\n${frontTable}\n`);

if ((process.env['BENCH_SIZES'] ?? DEFAULT_SIZES) === DEFAULT_SIZES) {
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}, ${new Date().toISOString().slice(0, 10)}`;
  const template = readFileSync(join(root, 'bench/benchmarks.template.md'), 'utf8');
  writeFileSync(
    join(root, 'docs/benchmarks.md'),
    template
      .replace('{{machine}}', machine)
      .replace('{{runs}}', String(RUNS))
      .replace('{{table}}', table)
      .replace('{{phases}}', phaseTable)
      .replace('{{front}}', frontTable),
  );
  console.log('wrote docs/benchmarks.md');
}
