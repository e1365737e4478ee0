import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractFromXml } from '@extractus/feed-extractor';
import type { Browser, BrowserContext } from 'playwright';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBrowser } from '../support/browser';
import { axeViolations } from '../support/axe';
import { serveStatic, type StaticServer } from '../../scripts/lib/server';
import { buildSite, readTree, tryBuild, tryBuildAsync } from '../support/build';
import { ensureXmllint, parseXml, xmllintErrors } from '../support/feeds';
import { nuHtmlErrors } from '../support/html-checker';
import { ROOT, TMP } from '../support/paths';

/**
 * Sections, authors and corrections, through a built site: the newsroom fixture corpus
 * (tests/fixtures/corpora/newsroom: invented authors Jane Roe and John Doe, a guest author without
 * a profile, agency copy, a corrected article) plus 22 generated Europe articles by Jane Roe, so
 * her page and the Europe front run to two pages.
 */
const FIXTURE = join(ROOT, 'tests/fixtures/corpora/newsroom');
const CORPUS = join(TMP, 'corpora', 'newsroom');
const SITE = 'https://broadsheet.example';
// Enough for Europe's front and one page of 20 older ones (src/model/pagination.ts).
const EXTRA = 40;
// The Europe fixtures: the corrected harbour report and the three pieces of the harbour inquiry.
const EUROPE = 4;

function writeNewsroomCorpus(): void {
  rmSync(CORPUS, { recursive: true, force: true });
  cpSync(FIXTURE, CORPUS, { recursive: true });
  for (let i = 1; i <= EXTRA; i += 1) {
    const day = String(i).padStart(2, '0');
    // europe-01 … europe-20 on 1–20 September, europe-21 … europe-40 on 1–20 October.
    const published = `2026-${i <= 20 ? '09' : '10'}-${String(i <= 20 ? i : i - 20).padStart(2, '0')}`;
    writeFileSync(
      join(CORPUS, 'articles', `europe-${day}.md`),
      `---\ntitle: "Europe report ${day} (fixture)"\nstandfirst: "Generated fixture copy ${day}."\npublished: ${published}\nsection: Europe\ntags: [Shipping]\nbyline: [Jane Roe]\n---\n\nFixture body ${day}.\n`,
    );
  }
}

const env = { CONTENT_DIR: join(CORPUS, 'articles'), AUTHORS_DIR: join(CORPUS, 'authors'), BUILD_TIME: '2026-11-28T00:00:00Z', TZ: 'UTC' };
const headlines = (html: string) => [...html.matchAll(/<h2 class="headline headline--2"><a href="([^"]+)">/g)].map((m) => m[1]!);
/** A piece's JSON-LD, whose `@type` lists NewsArticle first and its kind's subtype (issue 22). */
const isNewsArticle = (data: { '@type': string | string[] }) => [data['@type']].flat()[0] === 'NewsArticle';
const jsonLd = (html: string) => [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map((m) => JSON.parse(m[1]!));

let dir: string;
let tree: Map<string, Buffer>;
let server: StaticServer;
let browser: Browser;
const page = (path: string) => tree.get(path)?.toString() ?? '';

beforeAll(async () => {
  writeNewsroomCorpus();
  dir = buildSite({ name: 'newsroom', env });
  tree = readTree(dir);
  server = await serveStatic(dir);
  browser = await testBrowser();
  ensureXmllint();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('section fronts', () => {
  it('lists the sections that have articles, in masthead order, with counts, and no others', () => {
    const index = page('sections/index.html');
    expect([...index.matchAll(/<a href="\/sections\/([^/]+)\/">([^<]+)<\/a> <span class="tag-index__count">([^<]+)<\/span>/g)].map((m) => [m[1], m[2], m[3]])).toEqual([
      ['world', 'World', '2 articles'],
      ['politics', 'Politics', '2 articles'],
      // With the harbour wall's history (2023) and the harbour master's obituary (2024): issue 23's age notices.
      ['business', 'Business', '2 articles'],
      ['europe', 'Europe', `${EXTRA + EUROPE} articles`],
      ['technology', 'Technology', '1 article'],
      ['local', 'Local', '2 articles'],
    ]);
    expect([...tree.keys()].filter((path) => path.startsWith('sections/') && path.endsWith('index.html')).sort()).toEqual(
      [
        'sections/business/index.html',
        'sections/europe/index.html',
        'sections/europe/page/1/index.html',
        'sections/index.html',
        'sections/local/index.html',
        'sections/politics/index.html',
        'sections/technology/index.html',
        'sections/world/index.html',
      ].sort(),
    );
  });

  it('puts exactly those sections in every masthead, marking the front being shown', () => {
    for (const path of ['index.html', 'articles/budget-vote/index.html', 'tags/index.html', 'sections/europe/index.html']) {
      const nav = /<nav class="masthead__sections" aria-label="Sections">(.*?)<\/nav>/s.exec(page(path))?.[1] ?? '';
      expect([...nav.matchAll(/href="([^"]+)"/g)].map((m) => m[1]), path).toEqual(['/sections/world/', '/sections/politics/', '/sections/business/', '/sections/europe/', '/sections/technology/', '/sections/local/']);
    }
    expect(page('sections/europe/index.html')).toContain('<a href="/sections/europe/" aria-current="page">Europe</a>');
  });

  it('paginates a front like a tag page: the newest on the front, then page 1 with the 20 oldest', () => {
    const front = headlines(page('sections/europe/index.html'));
    const oldest = headlines(page('sections/europe/page/1/index.html'));
    expect([front.length, oldest.length]).toEqual([EXTRA + EUROPE - 20, 20]);
    expect(front.slice(0, 5)).toEqual(['/articles/inquiry-letter/', '/articles/inquiry-part-2/', '/articles/inquiry-part-1/', '/articles/harbour-reopens/', '/articles/europe-40/']);
    expect(front.at(-1)).toBe('/articles/europe-21/');
    expect([oldest[0], oldest.at(-1)]).toEqual(['/articles/europe-20/', '/articles/europe-01/']);
    expect(page('sections/europe/page/1/index.html')).toContain(`<link rel="prev" href="${SITE}/sections/europe/">`);
    expect(page('sections/europe/index.html')).toContain(`<link rel="next" href="${SITE}/sections/europe/page/1/">`);
  });

  it("gives each section an RSS feed of the front's articles that two parsers read alike", async () => {
    const xml = page('sections/europe/rss.xml');
    expect(xmllintErrors(xml)).toBe('');
    const feed = await new Parser().parseString(xml);
    expect(feed.title).toBe('Broadsheet: Europe');
    expect(feed.link).toBe(`${SITE}/sections/europe/`);
    expect(feed.items.map((item) => item.link)).toEqual([...['inquiry-letter', 'inquiry-part-2', 'inquiry-part-1', 'harbour-reopens'].map((slug) => `${SITE}/articles/${slug}/`), ...Array.from({ length: EXTRA }, (_, i) => `${SITE}/articles/europe-${String(EXTRA - i).padStart(2, '0')}/`)]);
    const extracted = extractFromXml(xml);
    expect(extracted.entries?.map((entry) => entry.link)).toEqual(feed.items.map((item) => item.link));
    expect(page('sections/world/rss.xml')).toContain('<title>Talks resume in Geneva (fixture)</title>');
  });

  it('offers each section and each author with articles on the feeds page, and links /sections/ from every footer', () => {
    const feeds = page('feeds/index.html');
    const urls = [...feeds.matchAll(/<code class="feed-address__url">([^<]+)<\/code>/g)].map((m) => m[1]!);
    expect(urls).toEqual(expect.arrayContaining([`${SITE}/sections/world/rss.xml`, `${SITE}/sections/politics/rss.xml`, `${SITE}/sections/europe/rss.xml`, `${SITE}/authors/jane-roe/rss.xml`, `${SITE}/authors/john-doe/rss.xml`]));
    expect(urls.filter((url) => url.includes('/sections/asia/'))).toEqual([]);
    for (const path of ['index.html', 'articles/budget-vote/index.html', '404.html']) expect(page(path), path).toMatch(/<footer class="site-footer">.*<a href="\/sections\/">Sections<\/a>/s);
  });

  it('links the section label to its front and puts home → section → article in BreadcrumbList', () => {
    const html = page('articles/agency-copy/index.html');
    expect(html).toContain('<p class="labels"><a href="/sections/world/">World</a></p>');
    const crumbs = jsonLd(html).find((data) => data['@type'] === 'BreadcrumbList');
    expect(crumbs.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Broadsheet', item: `${SITE}/` },
      { '@type': 'ListItem', position: 2, name: 'World', item: `${SITE}/sections/world/` },
      { '@type': 'ListItem', position: 3, name: 'Talks resume in Geneva (fixture)', item: `${SITE}/articles/agency-copy/` },
    ]);
  });

  it('takes a reader from the section label to the front and on to its older page in Chromium', async () => {
    const tab = await browser.newPage();
    await tab.goto(`${server.origin}/articles/harbour-reopens/`);
    await tab.locator('.article__header .labels a').click();
    await tab.waitForURL(`${server.origin}/sections/europe/`);
    expect(await tab.locator('h1').textContent()).toBe('Europe');
    await tab.getByRole('link', { name: 'Older' }).click();
    await tab.waitForURL(`${server.origin}/sections/europe/page/1/`);
    expect(await tab.locator('.story-card').count()).toBe(20);
    expect(await tab.locator('.pager__where').textContent()).toBe('Page 1 · 1\u2009–\u200920 September 2026');
    await tab.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Politics' }).click();
    await tab.waitForURL(`${server.origin}/sections/politics/`);
    await tab.close();
  });
});

describe("authors' pages", () => {
  it("shows the profile: role, biography, portrait with alt text and credit, links", () => {
    const html = page('authors/jane-roe/index.html');
    expect(html).toContain('<h1 class="page-title">Jane Roe</h1>');
    expect(html).toContain('Europe correspondent (fixture)');
    expect(html).toContain('An invented correspondent who exists only in Broadsheet');
    const portrait = /<picture>(.*?)<\/picture>/s.exec(html)?.[1] ?? '';
    // AVIF and WebP at the shown size and for 2× screens (capped at the fixture's own 120 px: never
    // enlarged), then a fallback image of fixed size.
    expect([...portrait.matchAll(/<source srcset="([^"]+)" type="([^"]+)" sizes="96px"/g)].map((m) => [m[2], m[1]!.split(', ').map((c) => c.split(' ')[1])])).toEqual([
      ['image/avif', ['96w', '120w']],
      ['image/webp', ['96w', '120w']],
    ]);
    expect(portrait).toMatch(/<img src="\/_astro\/[^"]+" [^>]*alt="Cranes over an empty quay, standing in for a portrait \(fixture\)"[^>]*width="96" height="96"/);
    expect(html).toContain('(Fixture Studio)');
    expect(html).toContain('<a href="https://bsky.app/profile/jane-roe.example" rel="me external noopener">Bluesky</a>');
  });

  it('lists their articles, paginated, newest first, with a feed', async () => {
    // Her fixtures: the corrected report, the analysis, two parts of the inquiry, and the 40 generated.
    expect(headlines(page('authors/jane-roe/index.html'))).toHaveLength(EXTRA + 4 - 20);
    expect(headlines(page('authors/jane-roe/page/1/index.html'))).toHaveLength(20);
    expect(page('authors/jane-roe/page/1/index.html')).not.toContain('author-profile');
    const xml = page('authors/jane-roe/rss.xml');
    expect(xmllintErrors(xml)).toBe('');
    const feed = await new Parser().parseString(xml);
    expect(feed.title).toBe('Broadsheet: Jane Roe');
    expect(feed.link).toBe(`${SITE}/authors/jane-roe/`);
    expect(feed.items).toHaveLength(EXTRA + 4);
    expect(extractFromXml(xml).entries?.map((entry) => entry.link)).toEqual(feed.items.map((item) => item.link));
    expect(headlines(page('authors/john-doe/index.html'))).toEqual(['/articles/strait-talks/', '/articles/council-recount/', '/articles/budget-vote/']);
    // No portrait in his profile (his lead story's thumbnail is the only picture).
    expect(page('authors/john-doe/index.html')).not.toContain('author-profile__portrait');
  });

  it('links only names with a profile; a guest author stays plain text and gets no page', () => {
    const html = page('articles/harbour-reopens/index.html');
    expect(/<p class="byline">(.*?)<\/p>/s.exec(html)?.[1]?.trim()).toBe('By <span class="byline__names"><a href="/authors/jane-roe/" rel="author"><bdi>Jane Roe</bdi></a> and <bdi>Guest Writer</bdi></span>');
    expect([...tree.keys()].some((path) => path.startsWith('authors/guest'))).toBe(false);
    const article = jsonLd(html).find(isNewsArticle);
    expect(article.author).toEqual([
      { '@type': 'Person', name: 'Jane Roe', url: `${SITE}/authors/jane-roe/` },
      { '@type': 'Person', name: 'Guest Writer' },
    ]);
    // Agency copy stays credited to its publication.
    expect(jsonLd(page('articles/agency-copy/index.html')).find(isNewsArticle).author).toEqual([{ '@type': 'Organization', name: 'Example Wire' }]);
  });

  it('takes a reader from a byline to the author in Chromium', async () => {
    const tab = await browser.newPage();
    await tab.goto(`${server.origin}/articles/budget-vote/`);
    await tab.locator('.article__header').getByRole('link', { name: 'John Doe' }).click();
    await tab.waitForURL(`${server.origin}/authors/john-doe/`);
    expect(await tab.locator('.author-profile__role').textContent()).toBe('Political editor (fixture)');
    await tab.close();
  });
});

describe('corrections', () => {
  const MODIFIED = '2026-11-22T14:00:00-05:00';
  const MODIFIED_UTC = '2026-11-22T19:00:00.000Z';

  it('shows each correction with its date under a heading at the foot, oldest first, links working', () => {
    const html = page('articles/harbour-reopens/index.html');
    const foot = /<section class="corrections__group[^"]*"[^>]*>(.*?)<\/section>/s.exec(html)?.[1] ?? '';
    expect(foot).toMatch(/<h2 class="corrections__heading" id="correction-heading">\s*Corrections\s*<\/h2>/);
    expect([...foot.matchAll(/<time datetime="([^"]+)">([^<]+)<\/time>/g)].map((m) => [m[1], m[2]])).toEqual([
      ['2026-11-21', '21 November 2026'],
      [MODIFIED, '22 November 2026, 14:00 EST'],
    ]);
    expect(foot).toContain('shut for <em>two</em> weeks');
    expect(foot).toContain('<a href="/tags/shipping/">shipping coverage</a>');
    expect(page('articles/budget-vote/index.html')).not.toContain('class="corrections"');
  });

  it('says "Updated" with the latest change in the timestamp', () => {
    expect(page('articles/harbour-reopens/index.html')).toContain(`<span>Updated <time datetime="${MODIFIED}">22 November 2026, 14:00 EST</time></span>`);
    expect(page('articles/budget-vote/index.html')).not.toContain('Updated');
  });

  it('gives one modified time everywhere: Open Graph, JSON-LD, sitemap, Atom and JSON Feed', async () => {
    const html = page('articles/harbour-reopens/index.html');
    expect(html).toContain(`<meta property="article:modified_time" content="${MODIFIED}">`);
    const article = jsonLd(html).find(isNewsArticle);
    expect(article.dateModified).toBe(MODIFIED);
    expect(article.correction).toEqual([
      { '@type': 'CorrectionComment', text: "An earlier version misspelt the harbour master's name.", datePublished: '2026-11-21' },
      {
        '@type': 'CorrectionComment',
        text: 'An earlier version said the harbour had been shut for two weeks; it was shut for ten days. See the port notice and our shipping coverage.',
        datePublished: MODIFIED,
      },
    ]);
    const sitemap = parseXml(page('sitemap-0.xml')).urlset.url.find((url: { loc: string }) => url.loc === `${SITE}/articles/harbour-reopens/`);
    expect(new Date(sitemap.lastmod).toISOString()).toBe(MODIFIED_UTC);
    const atom = parseXml(page('atom.xml')).feed.entry.find((entry: { id: string }) => entry.id === `${SITE}/articles/harbour-reopens/`);
    expect(atom.updated).toBe(MODIFIED_UTC);
    const json = JSON.parse(page('feed.json'));
    expect(json.items.find((item: { id: string }) => item.id === `${SITE}/articles/harbour-reopens/`).date_modified).toBe(MODIFIED_UTC);
    // RSS keeps the item and its guid; the correction travels in the content.
    const rss = await new Parser({ customFields: { item: ['content:encoded'] } }).parseString(page('rss.xml'));
    const item = rss.items.find((entry) => entry.link === `${SITE}/articles/harbour-reopens/`)!;
    expect(item.guid).toBe(`${SITE}/articles/harbour-reopens/`);
    expect(item['content:encoded']).toContain('<h2>Corrections</h2>');
    expect(item['content:encoded']).toContain(`<a href="${SITE}/tags/shipping/">shipping coverage</a>`);
  });
});

describe('the new pages in Chromium', () => {
  const PAGES = ['/sections/', '/sections/europe/', '/authors/jane-roe/', '/articles/harbour-reopens/'];
  describe.each(['light', 'dark'] as const)('axe, %s scheme', (colorScheme) => {
    let context: BrowserContext;
    beforeAll(async () => {
      context = await browser.newContext({ colorScheme });
    });
    afterAll(() => context?.close());

    it.concurrent.for(PAGES)('%s has no violations', async (path, { expect }) => {
      const tab = await context.newPage();
      await tab.goto(server.origin + path);
      expect(await axeViolations(tab, colorScheme)).toEqual([]);
      await tab.close();
    });
  });

  it('fits a 375 px screen without sideways scrolling', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
    const tab = await context.newPage();
    for (const path of PAGES) {
      await tab.goto(server.origin + path);
      expect(await tab.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(375);
    }
    await context.close();
  });

  it('passes the Nu HTML Checker', () => {
    expect(nuHtmlErrors(dir)).toEqual([]);
  });
});

describe('content the newsroom must not publish', () => {
  // Side by side (it.concurrent), each in a copy of the fixtures of its own.
  it.concurrent.for([
    ['a section nobody listed', 'section: Europe', 'section: Eurpoe', 'section: expected one of the sections', '(did you mean "Europe"?)'],
    ['a correction before publication', '  - date: 2026-11-21\n', '  - date: 2026-11-19\n', 'corrections.1.date: expected a correction dated on or after the publication date', ''],
    ['a correction that is not inline', '    text: "An earlier version misspelt', '    text: "# An earlier version misspelt', 'corrections.1.text: expected inline Markdown in one paragraph', ''],
    ['a correction dated after the build clock', '  - date: 2026-11-21\n', '  - date: 2027-11-21\n', "corrections.1.date: expected a correction dated on or before the build's clock (2026-11-28T00:00:00.000Z, BUILD_TIME or now), found 2027-11-21", ''],
  ] as const)('stops the build naming the file and field for %s', async ([label, from, to, message, hint], { expect }) => {
    const name = `newsroom-broken-${label.replace(/\W+/g, '-')}`;
    const broken = join(TMP, 'corpora', name);
    rmSync(broken, { recursive: true, force: true });
    cpSync(FIXTURE, broken, { recursive: true });
    const file = join(broken, 'articles', 'harbour-reopens.md');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(from);
    writeFileSync(file, text.replace(from, to));
    const { status, output } = await tryBuildAsync({ name, env: { ...env, CONTENT_DIR: join(broken, 'articles'), AUTHORS_DIR: join(broken, 'authors') } });
    expect(status).not.toBe(0);
    expect(output).toMatch(/harbour-reopens\.md\n/);
    expect(output).toContain(message);
    expect(output).toContain(hint);
    expect(output).not.toMatch(/\n\s+at .+:\d+:\d+\)/);
  });

  it("stops the build for a profile that names its portrait wrongly, or whose role YAML would cut at ' #', naming the profile's file and fields", () => {
    const broken = join(TMP, 'corpora', 'newsroom-broken-profile');
    rmSync(broken, { recursive: true, force: true });
    cpSync(FIXTURE, broken, { recursive: true });
    const file = join(broken, 'authors', 'jane-roe.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('./jane-roe.jpg', './jane.jpg').replace('role: Europe correspondent (fixture)', 'role: Europe correspondent #1 (fixture)'));
    const { status, output } = tryBuild({ name: 'newsroom-broken', env: { ...env, CONTENT_DIR: join(broken, 'articles'), AUTHORS_DIR: join(broken, 'authors') } });
    expect(status).not.toBe(0);
    expect(output).toMatch(/jane-roe\.yaml\n\s+role: line 3, column 28: expected the whole value, found " #", where YAML starts a comment and drops the rest \("#1 \(fixture\)"\): put the value in double quotes\n\s+image\.src: picture "\.\/jane\.jpg": expected a file at/);
  });
});
