/**
 * The invariant that makes caching safe: after any sequence of edits, a warm build (Astro's
 * incremental build, search shards and content store reused, built by `npm run build`'s script
 * over its working copy of the last site, each in a process of its own) writes a dist/
 * byte-identical to a cold build of the same content, and so does the build after one that was
 * killed half-way. Each step edits a 60-article corpus and builds warm into one
 * folder with a cache kept across the steps; most steps also build cold (--force, a cache of its
 * own) into another folder, side by side with the warm build, and compare every file. A step makes
 * several edits at once (each cold build costs as much as a build of the whole corpus), of
 * different kinds and to different articles, so that another edit of the same step seldom renders
 * again a page one of them got wrong, which would put it right before the comparison; the edits
 * that change which articles listings hold (publish, delete, a draft published, the clock, a
 * section emptied, the base path) are each in a step of their own. Two steps are compared only
 * with the next step's cold build (a page they got wrong stays wrong until something renders it
 * again, which the next step's edits, to other articles, seldom do; each step's own assertions
 * check its edits at once); the step before each of the two that render every page again (a
 * section emptied, the base path) is compared at once.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { join } from 'node:path';
import { dump, load } from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { writeCorpus } from '../../scripts/corpus';
import { testAnimation } from '../../scripts/lib/test-photos';
import { pageLog } from '../../src/astro-internals';
import { besideOutput } from '../../src/integrations/working-copy';
import { buildCommand, readTree, tryBuildAsync, type BuildResult } from '../support/build';
import { ROOT, TMP } from '../support/paths';

const corpus = join(TMP, 'incremental', 'corpus');
const warmCache = join(TMP, 'incremental', 'warm-cache');
const coldCache = join(TMP, 'incremental', 'cold-cache');
const authors = join(TMP, 'incremental', 'authors');
const pages = join(TMP, 'incremental', 'pages');
const updates = join(TMP, 'incremental', 'updates');
const warmOut = join(TMP, 'incremental', 'warm');
const file = (n: number) => join(corpus, `article-${String(n).padStart(5, '0')}.md`);

let env: Record<string, string> = {
  CONTENT_DIR: corpus,
  AUTHORS_DIR: authors,
  PAGES_DIR: pages,
  UPDATES_DIR: updates,
  BUILD_TIME: '2026-11-01T00:00:00Z',
  SITE_URL: 'https://news.example.org',
};

/** Rewrites an article's front matter through `change`; the body stays as it is. */
function editFrontMatter(n: number, change: (data: Record<string, unknown>) => void): void {
  const [, front = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(readFileSync(file(n), 'utf8')) ?? [];
  const data = load(front) as Record<string, unknown>;
  change(data);
  writeFileSync(file(n), `---\n${dump(data, { lineWidth: -1 })}---\n${body}`);
}

interface Built {
  tree: Map<string, Buffer>;
  /** Pages Astro copied from its cache instead of rendering. */
  reused: number;
  /** Pages Astro rendered. */
  rendered: number;
  /** Articles Pagefind indexed (the rest came from cached shards). */
  indexed: number;
  /** The article pages Astro rendered, as `articles/<slug>/index.html`. */
  renderedArticles: string[];
  /** Every page and feed Astro rendered, as its path in the site (`index.html`, `tags/nato/rss.xml`). */
  renderedPaths: string[];
}

async function build(kind: 'warm' | 'cold'): Promise<Built> {
  if (kind === 'cold') rmSync(coldCache, { recursive: true, force: true });
  // The warm build is `npm run build`'s, over its working copy, as a newsroom builds; the cold one
  // Astro's, into an emptied folder, with nothing reused.
  const result = await tryBuildAsync({
    name: `incremental/${kind}`,
    warm: kind === 'warm',
    inPlace: kind === 'warm',
    env: { ...env, CACHE_DIR: kind === 'warm' ? warmCache : coldCache },
  });
  return built(kind, result);
}

/** What a build wrote and said, or its failure with Astro's output. */
function built(kind: string, { status, output, outDir }: BuildResult): Built {
  if (status !== 0) throw new Error(`${kind} build failed:\n${output}`);
  const log = pageLog(output);
  return {
    tree: readTree(outDir),
    reused: log.filter((page) => page.restored).length,
    rendered: log.filter((page) => !page.restored).length,
    renderedArticles: log.flatMap((page) => (!page.restored && page.path.startsWith('/articles/') && page.path.endsWith('/index.html') ? [page.path.slice(1)] : [])).sort(),
    renderedPaths: log.flatMap((page) => (page.restored ? [] : [page.path.slice(1)])).sort(),
    indexed: Number(/search index: (\d+) pages? indexed/.exec(output)?.[1] ?? NaN),
  };
}

/** Paths that differ between the two trees: missing on either side, or with other bytes. */
function differences(warm: Map<string, Buffer>, cold: Map<string, Buffer>): string[] {
  const paths = new Set([...warm.keys(), ...cold.keys()]);
  return [...paths].filter((path) => !warm.get(path)?.equals(cold.get(path) ?? Buffer.alloc(0)) || !cold.has(path)).sort();
}

const text = (built: Built, path: string) => built.tree.get(path)?.toString() ?? '';

describe('a warm build equals a cold build of the same content, after a run of edits', () => {
  let warm: Built;
  let cold: Built;
  // The slug of an article that some other article lists as related, found in the first build.
  let relatedSlug = '';
  let relatedOn = '';

  beforeAll(async () => {
    rmSync(join(TMP, 'incremental'), { recursive: true, force: true });
    writeCorpus(60, corpus, join(ROOT, 'content/articles/nato-chief-west-should-impose-a-cost-on-china.md'), { authors });
    for (const name of ['with-picture.md', 'map.png', 'photo.jpg'])
      copyFileSync(join(ROOT, 'tests/fixtures/corpora/pictures', name), join(corpus, name));
    // An animated GIF lead and a video block (issue 21): the showcase fixture without its chart.
    const showcase = readFileSync(join(ROOT, 'tests/fixtures/corpora/newsroom-media/media-showcase.md'), 'utf8');
    writeFileSync(join(corpus, 'media-showcase.md'), showcase.replace(/^!\[.*\]\(\.\/chart\.png\)\n/m, ''));
    writeFileSync(join(corpus, 'loop.gif'), await testAnimation('gif', 320, 180));
    // The publication's own pages (issue 23): the repository's, copied so steps can add to them.
    cpSync(join(ROOT, 'content/pages'), pages, { recursive: true });
    // A live story (issue 24), running, with one update; steps post another, mark a key event and end it.
    editFrontMatter(11, (data) => Object.assign(data, { live: true, published: '2026-10-31T08:00:00-04:00', draft: false }));
    mkdirSync(updates, { recursive: true });
    writeFileSync(join(updates, 'live-1.md'), '---\nstory: article-00011\npublished: 2026-10-31T09:00:00-04:00\ntitle: First update (fixture)\n---\n\nThe first update (fixture copy).\n');
  });

  /**
   * A warm build after the step's edits and, unless `compare` is false, a cold one beside it that
   * it must equal byte for byte.
   */
  async function step({ compare = true } = {}): Promise<void> {
    if (!compare) {
      warm = await build('warm');
      return;
    }
    [warm, cold] = await Promise.all([build('warm'), build('cold')]);
    expect(differences(warm.tree, cold.tree)).toEqual([]);
    // A cold build's pages are all rendered: the comparison is with the real thing.
    expect(cold.reused).toBe(0);
  }

  it('first build, taking over the lock a killed build left in the cache', async () => {
    // A build killed mid-way leaves its lock behind, naming a process that is gone.
    const holder = spawn('true');
    await new Promise((resolve) => holder.on('close', resolve));
    mkdirSync(warmCache, { recursive: true });
    writeFileSync(join(warmCache, 'broadsheet-build.lock'), String(holder.pid));
    const result = await tryBuildAsync({
      name: 'incremental/warm',
      warm: true,
      inPlace: true,
      env: { ...env, CACHE_DIR: warmCache },
    });
    expect(result.output).toContain('did not finish: its rendered pages and content store are dropped');
    warm = built('warm', result);
    expect(existsSync(join(warmCache, 'broadsheet-build.lock'))).toBe(false);
    expect(warm.reused).toBe(0);
    expect(warm.tree.size).toBeGreaterThan(100);
    const page = [...warm.tree.keys()].find(
      (path) => path.startsWith('articles/') && /class="article-aside related"/.test(text(warm, path)),
    )!;
    relatedOn = page;
    relatedSlug = /<section class="article-aside related"[\s\S]*?href="\/articles\/([^/]+)\/"/.exec(text(warm, page))![1]!;
    expect(relatedSlug).toMatch(/^article-/);
  });

  it("correct a body, publish a new article, change an author's profile", async () => {
    writeFileSync(file(10), `${readFileSync(file(10), 'utf8')}\nCorrection: an added sentence.\n`);
    writeFileSync(
      file(61),
      readFileSync(file(1), 'utf8')
        .replace(/^title: .*$/m, 'title: Newly published')
        .replace(/^published: .*$/m, 'published: 2026-10-30')
        // Copy No. 1 is part 1 of a series: a second part 1 would be refused.
        .replace(/^(series|part): .*\n/gm, ''),
    );
    const profile = join(authors, 'fixture-writer-01.yaml');
    writeFileSync(profile, readFileSync(profile, 'utf8').replace(/^role: .*$/m, 'role: Night editor (fixture)'));
    // Another video in the block, and the animated lead replaced by one of six frames.
    const showcase = join(corpus, 'media-showcase.md');
    writeFileSync(showcase, readFileSync(showcase, 'utf8').replace('aqz-KE-bpKQ', 'M7lc1UVf-VE'));
    writeFileSync(join(corpus, 'loop.gif'), await testAnimation('gif', 320, 180, 6));
    // A page of the publication's own, with no role: /about/ lists it.
    writeFileSync(join(pages, 'letters-fixture.md'), '---\ntitle: Letters to the editor (fixture)\ndescription: How to write to us (fixture).\n---\n\nWrite to us (fixture page).\n');
    await step();
    expect(text(warm, 'about/index.html')).toContain('href="/about/letters-fixture/"');
    expect(text(warm, 'about/letters-fixture/index.html')).toContain('Write to us (fixture page).');
    expect(text(warm, 'articles/media-showcase/index.html')).toContain('data-player="https://www.youtube-nocookie.com/embed/M7lc1UVf-VE"');
    const lead = /<img src="\/_astro\/(loop\.[^"]+\.gif)"/.exec(text(warm, 'articles/media-showcase/index.html'))![1]!;
    expect((await sharp(warm.tree.get(`_astro/${lead}`)!, { pages: -1 }).metadata()).pages).toBe(6);
    expect(text(warm, 'articles/article-00010/index.html')).toContain('Correction: an added sentence.');
    expect(warm.reused).toBeGreaterThan(warm.rendered);
    // The shards of the changed and new articles re-indexed, not the whole archive.
    expect(warm.indexed).toBeGreaterThan(0);
    expect(warm.indexed).toBeLessThan(cold.indexed);
    expect(text(warm, 'index.html')).toContain('Newly published');
    expect(warm.tree.has('articles/article-00061/index.html')).toBe(true);
    expect(text(warm, 'authors/fixture-writer-01/index.html')).toContain('Night editor (fixture)');
  });

  it('change a headline that other articles list as related, add a correction', async () => {
    const n = Number(relatedSlug.replace('article-', ''));
    editFrontMatter(n, (data) => void (data['title'] = 'A corrected headline for the related lists'));
    editFrontMatter(
      12,
      (data) =>
        void (data['corrections'] = [{ date: '2026-10-31', text: 'An earlier version gave the *wrong* figure (fixture).' }]),
    );
    // A clarification (issue 23): its own heading on the article, and the log's front lists it.
    editFrontMatter(13, (data) => void (data['corrections'] = [{ date: '2026-10-31', kind: 'clarification', text: 'This article now says which figure (fixture).' }]));
    await step({ compare: false });
    expect(text(warm, 'articles/article-00013/index.html')).toMatch(/<h2 class="corrections__heading" id="clarification-heading">\s*Clarification\s*<\/h2>/);
    expect(text(warm, 'corrections/index.html')).toContain('href="/articles/article-00013/#correction-20261031T040000Z"');
    expect(text(warm, 'corrections/rss.xml')).toContain('This article now says which figure (fixture).');
    expect(text(warm, relatedOn)).toContain('A corrected headline for the related lists');
    expect(text(warm, 'articles/article-00012/index.html')).toContain('the <em>wrong</em> figure');
  });

  it('a build killed while it writes pages leaves the site being served whole, and the next build over what it left publishes the edit (compared with the next step)', async () => {
    editFrontMatter(14, (data) => void (data['title'] = 'Edited before a build that is killed'));
    const served = readTree(warmOut);
    const { args, env: childEnv } = buildCommand({
      name: 'incremental/warm',
      warm: true,
      inPlace: true,
      env: { ...env, CACHE_DIR: warmCache },
    });
    // Its own process group, so the kill reaches Astro's process under npm run build's.
    const child = spawn(process.execPath, args, { cwd: ROOT, env: childEnv, detached: true });
    let output = '';
    await new Promise<void>((resolve) => {
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        output += chunk;
        // Killed once Astro has rendered a page into the working copy.
        if (pageLog(output).some((page) => !page.restored)) resolve();
      });
      child.on('close', () => resolve());
    });
    process.kill(-child.pid!, 'SIGKILL');
    const signal = await new Promise((resolve) => child.on('close', (_, killedBy) => resolve(killedBy)));
    expect(signal).toBe('SIGKILL');
    expect(differences(readTree(warmOut), served)).toEqual([]);
    expect(readTree(besideOutput(warmOut).next).size).toBeGreaterThan(0);
    // Compared with the next step's cold build, whose edits are to other articles.
    await step({ compare: false });
    expect(text(warm, 'articles/article-00014/index.html')).toContain('Edited before a build that is killed');
  });

  it("post one update to a live story: its page, its feeds, the feeds carrying it and the pages showing its card are rendered again, nothing else (compared with the next step)", async () => {
    // What every build renders, changed or not (the few pages without a cache key): a build with no edit.
    await step({ compare: false });
    const everyBuild = new Set(warm.renderedPaths);
    // What shows the story: its own page and feeds, and every page or feed that links it (its card, its feed item).
    const showing = new Set([...warm.tree].flatMap(([path, bytes]) => (/\.(html|xml|json)$/.test(path) && bytes.toString().includes('/articles/article-00011/') ? [path] : [])));
    writeFileSync(join(updates, 'live-2.md'), '---\nstory: article-00011\npublished: 2026-10-31T19:30:00-04:00\ntitle: Second update (fixture)\n---\n\nThe second update (fixture copy).\n');
    await step({ compare: false });
    expect(text(warm, 'articles/article-00011/index.html')).toContain('id="update-live-2"');
    expect(text(warm, 'articles/article-00011/updates.json')).toContain('#update-live-2');
    expect(text(warm, 'index.html')).toContain('Updated <time datetime="2026-10-31T19:30:00-04:00">');
    expect(warm.renderedPaths).toContain('articles/article-00011/index.html');
    expect(warm.renderedPaths).toContain('articles/article-00011/updates.xml');
    expect(warm.renderedPaths.filter((path) => !showing.has(path) && !everyBuild.has(path))).toEqual([]);
    // Search shows the story's summary, not its updates: no shard is indexed again.
    expect(warm.indexed).toBe(0);
    expect(everyBuild).not.toContain('articles/article-00011/index.html');
  });

  it("delete an article, change another's tags, give a byline name its first profile, mark an update a key event (and compare the two steps)", async () => {
    rmSync(file(20));
    const update = join(updates, 'live-2.md');
    writeFileSync(update, readFileSync(update, 'utf8').replace('title: Second update (fixture)', 'title: Second update (fixture)\nkey: true'));
    editFrontMatter(30, (data) => void (data['tags'] = ['A tag of its own', 'NATO']));
    const unprofiled = Array.from({ length: 10 }, (_, i) => `Fixture Writer ${21 + i}`);
    const name = unprofiled.find((candidate) =>
      [...warm.tree.values()].some((bytes) => bytes.includes(`<bdi>${candidate}</bdi>`)),
    );
    expect(name).toBeDefined();
    writeFileSync(
      join(authors, 'new-profile.yaml'),
      `name: ${name}
role: Guest author (fixture)
bio: Invented for the test.
`,
    );
    await step();
    expect(warm.tree.has('articles/article-00020/index.html')).toBe(false);
    expect(/<nav class="key-events"[^>]*>[^]*?<\/nav>/.exec(text(warm, 'articles/article-00011/index.html'))?.[0]).toContain('href="#update-live-2"');
    expect(JSON.parse(text(warm, 'articles/article-00011/updates.json')).items[0].tags).toEqual(['Key event']);
    expect(warm.tree.has('tags/a-tag-of-its-own/index.html')).toBe(true);
    expect(
      [...warm.tree.entries()].some(
        ([path, bytes]) =>
          path.startsWith('articles/') && bytes.includes(`<a href="/authors/new-profile/" rel="author"><bdi>${name}</bdi></a>`),
      ),
    ).toBe(true);
  });

  it("a draft becomes published, a picture changes in place to the same number of bytes, the clock passes a scheduled article's time, and a live story's coverage ends (and compare the two steps)", async () => {
    expect(warm.tree.has('articles/article-00003/index.html')).toBe(false);
    editFrontMatter(3, (data) => void delete data['draft']);
    // The map's pixel density (its pHYs chunk) changes, with the chunk's checksum: a valid PNG
    // of the same length with other bytes, as a re-exported picture can be.
    const png = readFileSync(join(corpus, 'map.png'));
    const at = png.indexOf('pHYs');
    png.writeUInt32BE(png.readUInt32BE(at + 4) + 1, at + 4);
    png.writeUInt32BE(crc32(png.subarray(at, at + 4 + 9)), at + 4 + 9);
    const before = text(warm, 'articles/with-picture/index.html');
    writeFileSync(join(corpus, 'map.png'), png);
    expect(warm.tree.has('articles/article-00007/index.html')).toBe(false);
    const published = String(
      (load(/^---\n([\s\S]*?)\n---/.exec(readFileSync(file(7), 'utf8'))![1]!) as { published: unknown }).published,
    );
    env = { ...env, BUILD_TIME: new Date(Date.parse(`${published.slice(0, 10)}T00:00:00Z`) + 2 * 864e5).toISOString() };
    // The live story's coverage ends (issue 24): its page keeps its updates; its cards lose the label.
    editFrontMatter(11, (data) => void (data['live'] = false));
    await step();
    expect(text(warm, 'articles/article-00011/index.html')).toContain('<p class="live__ended" role="note">Coverage has ended</p>');
    expect(text(warm, 'articles/article-00011/index.html')).toContain('id="update-live-2"');
    expect(JSON.parse(text(warm, 'articles/article-00011/updates.json')).expired).toBe(true);
    expect([...warm.tree].filter(([path, bytes]) => path.endsWith('.html') && bytes.includes('labels__live"'))).toEqual([]);
    expect(warm.tree.has('articles/article-00003/index.html')).toBe(true);
    expect(text(warm, 'articles/with-picture/index.html')).not.toBe(before);
    expect(warm.tree.has('articles/article-00007/index.html')).toBe(true);
  });

  // The front page and series (issue 22): the clock now stands two days after article 7, the newest piece.
  const hoursBeforeClock = (hours: number) => new Date(Date.parse(env['BUILD_TIME']!) - hours * 3_600_000).toISOString();
  const series = join(corpus, 'series-part-4.md');

  it('a piece marked lead, another piece given another type, and a new part of a series (compared with the next step)', async () => {
    editFrontMatter(22, (data) => {
      data['published'] = hoursBeforeClock(24);
      data['prominence'] = 'lead';
    });
    // Copy No. 30 is analysis (scripts/corpus.ts newsroomFields).
    expect(text(warm, 'articles/article-00030/index.html')).toContain('/types/analysis/');
    editFrontMatter(30, (data) => void (data['type'] = 'opinion'));
    // Fixture series 002 has parts 1–3 (copies 41, 49, 57); part 4 is newer than the lead, unmarked.
    expect(text(warm, 'articles/article-00041/index.html')).toContain('Part 1 of 3');
    // Anniversaries the next step's clock crosses (issue 23's age notice). The clock stands at
    // midnight UTC on day D, the evening of D − 1 in New York, and the next step moves it four days
    // on, to the evening of D + 3 there: 23 turns one and 24 two on D + 1; 25 turns one on D + 4,
    // already the date in UTC at that clock but not yet in New York.
    const yearsBeforeDay = (days: number, years: number) => {
      const day = new Date(Date.parse(env['BUILD_TIME']!) + days * 864e5);
      day.setUTCFullYear(day.getUTCFullYear() - years);
      return day.toISOString().slice(0, 10);
    };
    for (const [n, published] of [[23, yearsBeforeDay(1, 1)], [24, yearsBeforeDay(1, 2)], [25, yearsBeforeDay(4, 1)]] as const) editFrontMatter(n, (data) => Object.assign(data, { published, type: 'news', draft: false }));
    writeFileSync(series, `---\ntitle: "The series goes on (fixture)"\nstandfirst: "Part four."\npublished: ${hoursBeforeClock(12)}\nsection: Europe\ntags: [NATO]\nseries: Fixture series 002\npart: 4\n---\n\nThe fourth part (fixture copy).\n`);
    // The next step's edit (the clock) re-renders only the front: a page this one got wrong stays wrong for its comparison.
    await step({ compare: false });
    expect(/<article class="lead-story[^]*?<\/article>/.exec(text(warm, 'index.html'))?.[0]).toContain('href="/articles/article-00022/"');
    expect(text(warm, 'articles/article-00030/index.html')).toContain('<a href="/types/opinion/">Opinion</a>');
    expect(text(warm, 'types/opinion/index.html')).toContain('href="/articles/article-00030/"');
    for (const n of [41, 49, 57]) expect(text(warm, `articles/article-000${n}/index.html`), `copy ${n}`).toContain('href="/articles/series-part-4/"');
    expect(text(warm, 'articles/article-00041/index.html')).toContain('Part 1 of 4');
    expect(text(warm, 'articles/article-00023/index.html')).not.toContain('class="age-notice"');
    expect(text(warm, 'articles/article-00024/index.html')).toContain('This article is more than 1 year old');
  });

  it('the clock moves on: the piece marked lead ages out of the lead window, and exactly the pieces that pass an anniversary are rendered again (and compare the two steps)', async () => {
    const notice = (built: Built, path: string) => /<p class="age-notice"[^>]*>([^<]*)<\/p>/.exec(text(built, path))?.[1];
    const before = warm;
    env = { ...env, BUILD_TIME: new Date(Date.parse(env['BUILD_TIME']!) + 4 * 864e5).toISOString() };
    await step();
    expect(notice(warm, 'articles/article-00023/index.html')).toBe('This article is more than 1 year old');
    expect(notice(warm, 'articles/article-00024/index.html')).toBe('This article is more than 2 years old');
    expect(notice(warm, 'articles/article-00025/index.html')).toBeUndefined();
    // The age bucket is in the article page's key: the pages whose notice changed, and no other article page, were rendered.
    const crossed = [...warm.tree.keys()].filter((path) => /^articles\/[^/]+\/index\.html$/.test(path) && notice(warm, path) !== notice(before, path)).sort();
    expect(crossed).toContain('articles/article-00023/index.html');
    expect(warm.renderedArticles).toEqual(crossed);
    // The newest piece leads now: the new part, which nobody marked.
    const lead = /<article class="lead-story[^]*?<\/article>/.exec(text(warm, 'index.html'))?.[0];
    expect(lead).toContain('href="/articles/series-part-4/"');
    expect(lead).not.toContain('href="/articles/article-00022/"');
  });

  it("empty a section, so every page's masthead changes", async () => {
    const used = new Map<string, number[]>();
    for (let n = 1; n <= 61; n += 1) {
      if (!existsSync(file(n))) continue;
      const section = String(
        (load(/^---\n([\s\S]*?)\n---/.exec(readFileSync(file(n), 'utf8'))![1]!) as { section: unknown }).section,
      );
      used.set(section, [...(used.get(section) ?? []), n]);
    }
    const [section, articles] = [...used].filter(([name]) => name !== 'World').sort((a, b) => a[1].length - b[1].length)[0]!;
    for (const n of articles) editFrontMatter(n, (data) => void (data['section'] = 'World'));
    const slug = section.toLowerCase().replace(/ /g, '-');
    expect(text(warm, 'index.html')).toContain(`href="/sections/${slug}/"`);
    // A page takes a role (issue 23): every page carrying the publisher names it. This step renders every page again anyway (the masthead).
    writeFileSync(join(pages, 'ethics-fixture.md'), '---\ntitle: Our ethics (fixture)\ndescription: The code we keep (fixture).\nrole: ethics\n---\n\nThe code (fixture page).\n');
    await step();
    expect(text(warm, 'articles/article-00010/index.html')).toContain('"ethicsPolicy":"https://news.example.org/about/ethics-fixture/"');
    expect(text(warm, 'index.html')).not.toContain(`href="/sections/${slug}/"`);
    expect(warm.tree.has(`sections/${slug}/index.html`)).toBe(false);
  });

  it('change a site setting (the base path)', async () => {
    env = { ...env, BASE_PATH: '/news' };
    await step();
    expect(text(warm, 'index.html')).toContain('href="/news/articles/');
  });
});

describe('one build at a time per cache folder', () => {
  // Taking over the lock of a build that is gone is proven by the first build above.
  it('stops a build while another holds the cache', async () => {
    const cache = join(TMP, 'incremental', 'shared-cache');
    rmSync(cache, { recursive: true, force: true });
    mkdirSync(cache, { recursive: true });
    const lock = join(cache, 'broadsheet-build.lock');
    // A running process holds the lock, as a build in progress would.
    const holder = spawn('sleep', ['60'], { stdio: 'ignore' });
    writeFileSync(lock, String(holder.pid));
    try {
      const second = await tryBuildAsync({ name: 'incremental/second', env: { CACHE_DIR: cache } });
      expect(second.status).toBe(1);
      expect(second.output).toContain(`Another build (process ${holder.pid}) is using the cache folder ${cache}`);
      expect(existsSync(join(TMP, 'incremental', 'second', 'index.html'))).toBe(false);
      expect(readFileSync(lock, 'utf8')).toBe(String(holder.pid));
    } finally {
      holder.kill();
    }
  });
});
