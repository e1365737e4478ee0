/**
 * Live coverage (issue 24), as readers, feed readers and machines meet it: a running live story, an
 * ended one and a plain article (tests/fixtures/corpora/live), built under BASE_PATH=/news with the
 * clock at 12:00 in New York, when one update is still held back. The page is read with JavaScript
 * off, checked by axe in both schemes and by both HTML checkers, its feeds read by two third-party
 * parsers; then the page's script runs against the served site while a second, warm build
 * publishes a new update (with hostile copy in it) and releases the held-back one.
 *
 * This file builds its own site: the script's test needs a build it can change under an open page,
 * and a warm build needs the cache of the cold one before it.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { gzipSync } from 'node:zlib';
import { extractFromJson, extractFromXml } from '@extractus/feed-extractor';
import { formatterFactory, HtmlValidate } from 'html-validate';
import type { Browser, BrowserContext, Page } from 'playwright';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import config from '../../.htmlvalidate.mjs';
import { serveStatic, type StaticServer } from '../../scripts/lib/server';
import { axeViolations } from '../support/axe';
import { testBrowser } from '../support/browser';
import { buildSiteAsync, cleanEnv, npmBuild } from '../support/build';
import { crawl } from '../support/crawl';
import { ensureXmllint, xmllintErrors } from '../support/feeds';
import { nuHtmlErrors } from '../support/html-checker';
import { ROOT, TMP } from '../support/paths';
import { testPhoto } from '../../scripts/lib/test-photos';
import { schemaOrgProblems } from '../support/schema-org';
import { componentScriptFile } from '../../src/astro-internals';
import { KEY_EVENTS_LIMIT } from '../../src/model/live';

const SITE = 'https://example.org/news';
const FIXTURE = join(ROOT, 'tests/fixtures/corpora/live');
const corpus = join(TMP, 'live', 'corpus');
const env: Record<string, string> = {
  SITE_URL: 'https://example.org',
  BASE_PATH: '/news',
  CONTENT_DIR: join(corpus, 'articles'),
  UPDATES_DIR: join(corpus, 'updates'),
  AUTHORS_DIR: join(ROOT, 'tests/fixtures/corpora/newsroom/authors'),
  // 12:00 in New York: the 14:00 update waits.
  BUILD_TIME: '2026-11-28T17:00:00Z',
  CACHE_DIR: join(TMP, 'live', 'cache'),
};
/** The first build's updates of the running story, newest first. */
const SHOWN = ['update-summit-1100', 'update-summit-0915', 'update-summit-0830', 'update-summit-0805'];

let dir: string;
let server: StaticServer;
let browser: Browser;
const file = (path: string) => readFileSync(join(dir, path), 'utf8');
const jsonLd = (html: string): Record<string, unknown>[] => [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map((m) => JSON.parse(m[1]!));
const build = () => buildSiteAsync({ name: 'live/site', inPlace: true, warm: true, env });

beforeAll(async () => {
  rmSync(join(TMP, 'live'), { recursive: true, force: true });
  cpSync(FIXTURE, corpus, { recursive: true });
  // A photo wider than any phone: an update's picture fits the column as an article's does.
  writeFileSync(join(corpus, 'updates', 'summit-photo.jpg'), await testPhoto(1600, 900));
  dir = await build();
  server = await serveStatic(dir, { mount: '/news/' });
  browser = await testBrowser();
  ensureXmllint();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string, { javaScript = true, colorScheme = 'light', width = 1280, height = 900 }: { javaScript?: boolean; colorScheme?: 'light' | 'dark'; width?: number; height?: number } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme, javaScriptEnabled: javaScript });
  const page = await context.newPage();
  await page.goto(`${server.origin}${path}`);
  return page;
}

describe('a live story with JavaScript off', () => {
  let page: Page;
  beforeAll(async () => {
    page = await open('/news/articles/summit-live/', { javaScript: false });
  });
  afterAll(() => page.context().close());

  it('shows the summary, then the key events, then every published update newest first, each with its heading, time, byline and permalink', async () => {
    const updates = await page.locator('.live__updates > article').evaluateAll((articles) =>
      articles.map((article) => ({
        id: article.id,
        labelledBy: document.getElementById(article.getAttribute('aria-labelledby')!)?.tagName,
        permalink: article.querySelector('.live-update__time')?.getAttribute('href'),
        datetime: article.querySelector('time')?.getAttribute('datetime'),
        time: article.querySelector('time')?.textContent,
        heading: article.querySelector('h3')?.textContent?.trim(),
        byline: article.querySelector('.byline')?.textContent?.replace(/\s+/g, ' ').trim(),
        key: !(article.querySelector('.live-update__key') as HTMLElement).hidden,
      })),
    );
    expect(updates.map((update) => update.id)).toEqual(SHOWN);
    expect(updates[1]).toEqual({
      id: 'update-summit-0915',
      labelledBy: 'H3',
      permalink: '#update-summit-0915',
      datetime: '2026-11-28T09:15:00-05:00',
      time: '28 November 2026, 09:15 EST',
      heading: 'Draft communiqué circulates',
      byline: 'By John Doe and Jane Roe',
      key: true,
    });
    // Untitled: its time heads it, for screen readers (the time above says it to the eye).
    expect(updates[2]!.heading).toBe('Update, 28 November 2026, 08:30 EST');
    expect(await page.locator('#update-summit-0830 h3').getAttribute('class')).toContain('visually-hidden');
    const keyEvents = await page.locator('.key-events a').evaluateAll((links) => links.map((a) => [a.getAttribute('href'), a.querySelector('span')?.textContent]));
    expect(keyEvents).toEqual([
      ['#update-summit-0915', 'Draft communiqué circulates'],
      ['#update-summit-0805', 'Leaders arrive at the conference centre'],
    ]);
    // The script trims the list to the build's cap as key events arrive.
    expect(await page.locator('.key-events ol').getAttribute('data-limit')).toBe(String(KEY_EVENTS_LIMIT));
    // The summary comes first, the coverage after it.
    expect(await page.locator('.article__body + .live').count()).toBe(1);
  });

  it('advertises and links its update feeds, for feed readers to find', async () => {
    const advertised = await page.locator('link[rel="alternate"]').evaluateAll((links) => links.map((link) => [link.getAttribute('type'), link.getAttribute('href'), link.getAttribute('title')]));
    expect(advertised.slice(0, 2)).toEqual([
      ['application/rss+xml', `${SITE}/articles/summit-live/updates.xml`, 'Leaders meet for the harbour summit (fixture): live updates (RSS)'],
      ['application/feed+json', `${SITE}/articles/summit-live/updates.json`, 'Leaders meet for the harbour summit (fixture): live updates (JSON Feed)'],
    ]);
    expect(await page.locator('.live__follow a').evaluateAll((links) => links.map((link) => [link.textContent, link.getAttribute('href')]))).toEqual([
      ['RSS', '/news/articles/summit-live/updates.xml'],
      ['JSON Feed', '/news/articles/summit-live/updates.json'],
    ]);
  });

  it('holds back the update dated after the clock, everywhere', () => {
    for (const path of ['articles/summit-live/index.html', 'articles/summit-live/updates.json', 'articles/summit-live/updates.xml']) expect(file(path), path).not.toContain('summit-1400');
  });

  it('labels the story Live beside its desk, says when it was last updated, and never refreshes itself', async () => {
    expect(await page.locator('.article__header .labels').textContent()).toBe('World · Live');
    expect(await page.locator('.timestamp').textContent()).toContain('Updated 28 November 2026, 11:00 EST');
    expect(await page.locator('meta[http-equiv="refresh" i]').count()).toBe(0);
    expect(await page.locator('.live__ended').isVisible()).toBe(false);
  });

  it("fits an update's picture to the column on a phone: nothing scrolls sideways", async () => {
    const phone = await open('/news/articles/summit-live/', { javaScript: false, width: 375 });
    const { page: width, picture, column } = await phone.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      picture: document.querySelector('#update-summit-0915 img')!.getBoundingClientRect().width,
      column: document.querySelector('.live-update__body')!.getBoundingClientRect().width,
    }));
    expect(width).toBe(375);
    expect(picture).toBeLessThanOrEqual(column);
    await phone.context().close();
  });

  it('shows a picture in an update, published beside the story', async () => {
    const src = await page.locator('#update-summit-0915 img').getAttribute('src');
    expect(src).toMatch(/^\/news\/_astro\//);
    expect((await page.request.get(`${server.origin}/news/media/summit-live/summit-photo.jpg`)).status()).toBe(200);
  });

  it('labels every card and the front-page slot showing the running story Live, with its latest update time, and no other', async () => {
    const front = await page.context().newPage();
    await front.goto(`${server.origin}/news/`);
    const cards = await front.locator('main article').evaluateAll((articles) =>
      articles.map((article) => [article.querySelector('h2, h3')?.textContent?.trim(), article.querySelector('.labels')?.textContent, article.querySelector('.story-card__meta')?.textContent?.trim()]),
    );
    expect(cards).toContainEqual(['Leaders meet for the harbour summit (fixture)', 'World · Live', 'Updated 28 November 2026, 11:00 EST']);
    expect(cards).toContainEqual(['Storm passes over the coast (fixture)', 'Europe', '20 November 2026, 06:00 EST']);
    for (const path of ['sections/world/index.html', 'tags/diplomacy/index.html', 'articles/harbour-plain/index.html']) expect(file(path), path).toContain('<span class="labels__live">Live</span>');
  });

  it('reads as a finished story once coverage has ended: its updates kept, no Live label, no script', async () => {
    const ended = await page.context().newPage();
    await ended.goto(`${server.origin}/news/articles/storm-live/`);
    expect(await ended.locator('.live__updates > article').evaluateAll((articles) => articles.map((article) => article.id))).toEqual(['update-storm-1500', 'update-storm-0700']);
    expect(await ended.locator('.live__ended').textContent()).toBe('Coverage has ended');
    expect(await ended.locator('.live__ended').isVisible()).toBe(true);
    expect(await ended.locator('.labels__live').count()).toBe(0);
    const script = basename(componentScriptFile(dir, 'LiveScript')!);
    expect(file('articles/summit-live/index.html')).toContain(script);
    expect(file('articles/storm-live/index.html')).not.toContain(script);
    expect(file('articles/harbour-plain/index.html')).not.toContain(script);
    expect(file('articles/harbour-plain/index.html')).not.toContain('class="live"');
  });
});

describe('structured data', () => {
  const live = () => jsonLd(file('articles/summit-live/index.html')).find((node) => [node['@type']].flat().includes('LiveBlogPosting'))!;

  it('makes the running story a LiveBlogPosting, with the NewsArticle facts kept and a BlogPosting per published update', () => {
    const node = live();
    expect(node['@type']).toEqual(['NewsArticle', 'ReportageNewsArticle', 'LiveBlogPosting']);
    expect(node).toMatchObject({ headline: 'Leaders meet for the harbour summit (fixture)', datePublished: '2026-11-28T07:00:00-05:00', dateModified: '2026-11-28T11:00:00-05:00', coverageStartTime: '2026-11-28T08:05:00-05:00', dateline: 'VILNIUS' });
    expect(node).not.toHaveProperty('coverageEndTime');
    const updates = node['liveBlogUpdate'] as Record<string, unknown>[];
    expect(updates.map((update) => update['url'])).toEqual(SHOWN.map((id) => `${SITE}/articles/summit-live/#${id}`));
    expect(updates[1]).toMatchObject({ '@type': 'BlogPosting', headline: 'Draft communiqué circulates', datePublished: '2026-11-28T09:15:00-05:00' });
    expect(updates[1]!['articleBody']).toBe('A draft of the closing statement is being read by delegations (fixture copy). "We are close," one delegate said. (fixture quote)');
  });

  it('gives the ended story its coverage end, and is valid schema.org', () => {
    const ended = jsonLd(file('articles/storm-live/index.html')).find((node) => [node['@type']].flat().includes('LiveBlogPosting'))!;
    expect(ended).toMatchObject({ coverageStartTime: '2026-11-20T07:00:00-05:00', coverageEndTime: '2026-11-20T15:00:00-05:00' });
    // The checker types a node by one type (schema-dts has one per node): the live facts are held to
    // LiveBlogPosting, the rest to the news type, as the node's two types share it.
    const split = ({ coverageStartTime, coverageEndTime, liveBlogUpdate, ...news }: Record<string, unknown>) => [
      { ...news, '@type': [news['@type']].flat().filter((type) => type !== 'LiveBlogPosting') },
      { '@context': news['@context'], '@type': 'LiveBlogPosting', coverageStartTime, ...(coverageEndTime !== undefined && { coverageEndTime }), liveBlogUpdate },
    ];
    expect(schemaOrgProblems([...split(live()), ...split(ended)])).toEqual([]);
  });
});

describe("a live story's feeds", () => {
  it('carry its published updates newest first in RSS and JSON Feed, each identified by its permalink, as two parsers read them', async () => {
    const rss = file('articles/summit-live/updates.xml');
    expect(xmllintErrors(rss)).toBe('');
    const parsed = await new Parser().parseString(rss);
    expect(parsed.items.map((item) => item.guid)).toEqual(SHOWN.map((id) => `${SITE}/articles/summit-live/#${id}`));
    expect(parsed.items[1]).toMatchObject({ title: 'Draft communiqué circulates', categories: ['Key event'] });
    const json = JSON.parse(file('articles/summit-live/updates.json'));
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json).not.toHaveProperty('expired');
    for (const feed of [extractFromXml(rss, { getExtraEntryFields: (entry: { guid?: unknown }) => ({ guid: entry.guid }) }), extractFromJson(json)]) {
      expect(feed!.entries!.map((entry) => entry.id ?? (entry as { guid?: string }).guid)).toEqual(SHOWN.map((id) => `${SITE}/articles/summit-live/#${id}`));
      expect(feed!.entries!.map((entry) => entry.title)).toEqual(['Press conference begins', 'Draft communiqué circulates', 'Update, 28 November 2026, 08:30 EST', 'Leaders arrive at the conference centre']);
    }
    // Every address absolute: the picture's original, the link to another article.
    expect(json.items[1].content_html).toContain(`src="${SITE}/media/summit-live/summit-photo.jpg"`);
    expect(json.items[0].content_html).toContain(`href="${SITE}/articles/harbour-plain/"`);
  });

  it("say an ended story's feed is finished (JSON Feed's expired)", () => {
    expect(JSON.parse(file('articles/storm-live/updates.json')).expired).toBe(true);
  });

  it("show the story as modified at its latest update in the site's feeds", async () => {
    const item = JSON.parse(file('feed.json')).items.find((entry: { id: string }) => entry.id === `${SITE}/articles/summit-live/`);
    expect(item.date_modified).toBe('2026-11-28T16:00:00.000Z');
    const rss = await new Parser().parseString(file('rss.xml'));
    expect(rss.items.map((entry) => entry.link)).toContain(`${SITE}/articles/summit-live/`);
  });

  it('are served fresh: revalidated on every request, with their types', async () => {
    for (const [path, type] of [['updates.json', 'application/feed+json; charset=utf-8'], ['updates.xml', 'application/rss+xml; charset=utf-8']]) {
      const response = await fetch(`${server.origin}/news/articles/summit-live/${path}`);
      expect(response.headers.get('cache-control')).toBe('public, no-cache');
      expect(response.headers.get('content-type')).toBe(type);
    }
  });
});

describe('the pages are accessible, valid and linked under /news/', () => {
  it.each([
    ['the running story', '/news/articles/summit-live/', 'light'],
    ['the running story', '/news/articles/summit-live/', 'dark'],
    ['the ended story', '/news/articles/storm-live/', 'light'],
    ['the front page', '/news/', 'dark'],
  ] as const)('axe finds nothing on %s (%s, %s scheme)', async (_label, path, colorScheme) => {
    const page = await open(path, { colorScheme });
    expect(await axeViolations(page, colorScheme)).toEqual([]);
    await page.context().close();
  });

  it('passes html-validate and the Nu HTML Checker', async () => {
    const validator = new HtmlValidate(config);
    for (const path of ['articles/summit-live/index.html', 'articles/storm-live/index.html', 'index.html']) {
      const report = await validator.validateFile(join(dir, path));
      expect(report.valid ? '' : formatterFactory('text')(report.results), path).toBe('');
    }
    expect(nuHtmlErrors(dir)).toEqual([]);
  });

  it('links nothing broken and nothing outside the base path, update feeds and pictures included', async () => {
    const result = await crawl({ localOrigin: server.origin, siteUrl: SITE, start: ['/news/', '/news/articles/summit-live/updates.json', '/news/articles/summit-live/updates.xml', '/news/articles/storm-live/'] });
    expect(result.broken).toEqual([]);
    expect(result.escaping).toEqual([]);
    expect([...result.visited.keys()].map((href) => new URL(href).pathname)).toContain('/news/media/summit-live/summit-photo.jpg');
  });

  it('loads the live script, under 2 KB gzipped, from within the live section', () => {
    const live = componentScriptFile(dir, 'LiveScript')!;
    const section = /<section class="live"[^]*?<\/section>/.exec(file('articles/summit-live/index.html'))![0];
    expect(section).toContain(`<script type="module" src="/news/_astro/${basename(live)}"></script>`);
    expect(gzipSync(readFileSync(live), { level: 9 }).length).toBeLessThanOrEqual(2048);
  });
});

describe('the content check refuses what an update gets wrong, naming file and field', () => {
  it('refuses an unknown story, a story never live, and a time before its story', () => {
    const bad = join(TMP, 'live', 'bad');
    rmSync(bad, { recursive: true, force: true });
    cpSync(corpus, bad, { recursive: true });
    writeFileSync(join(bad, 'updates', 'typo.md'), '---\nstory: summit-lve\npublished: 2026-11-28T09:00\n---\n\nText.\n');
    writeFileSync(join(bad, 'updates', 'plain.md'), '---\nstory: harbour-plain\npublished: 2026-11-28T09:00\n---\n\nText.\n');
    writeFileSync(join(bad, 'updates', 'early.md'), '---\nstory: summit-live\npublished: 2026-11-28T06:59\n---\n\nText.\n');
    const result = npmBuild({ ...env, CONTENT_DIR: join(bad, 'articles'), UPDATES_DIR: join(bad, 'updates'), CACHE_DIR: join(bad, 'cache'), BUILD_OUT: join(bad, 'dist') });
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/updates\/early\.md\n\s+published: expected a time on or after the story's publication \(2026-11-28T07:00:00-05:00 in \S+summit-live\.md\), found 2026-11-28T06:59:00-05:00/);
    expect(result.output).toMatch(/updates\/plain\.md\n\s+story: expected a live story, found "harbour-plain", which is not one \(\S+harbour-plain\.md has no live field\)/);
    expect(result.output).toMatch(/updates\/typo\.md\n\s+story: expected the slug of a live story \(its address is \/articles\/<slug>\/\), found "summit-lve", which no article has \(did you mean "summit-live"\?\)/);
    // npm run check says the same, in the same words, without building.
    const check = spawnSync(process.execPath, [join(ROOT, 'scripts/check-content.ts'), join(bad, 'articles')], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...cleanEnv(), UPDATES_DIR: join(bad, 'updates'), AUTHORS_DIR: env['AUTHORS_DIR']! },
    });
    expect(check.status).toBe(1);
    const lines = result.output.split('\n').filter((line) => /^ {4}(story|published): /.test(line));
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(stripVTControlCharacters(check.stderr)).toContain(line);
  }, 120_000);
});

describe("the live page's script against the served site, while a warm build publishes", () => {
  /** Pages kept open across the build, with the clock in the test's hands (Playwright's fake timers). */
  const pages: Record<'top' | 'reading' | 'hidden', Page> = {} as never;
  const requests: Record<string, number> = { top: 0, reading: 0, hidden: 0 };
  let context: BrowserContext;
  const HOSTILE_TITLE = '<img src=x onerror="window.__xss=1"> Leaders agree';
  const polled = (page: Page) => page.waitForResponse((response) => response.url().endsWith('/updates.json'));

  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 375, height: 700 } });
    for (const name of ['top', 'reading', 'hidden'] as const) {
      const page = await context.newPage();
      await page.clock.install();
      page.on('request', (request) => void (request.url().endsWith('/updates.json') && (requests[name] = (requests[name] ?? 0) + 1)));
      page.on('dialog', (dialog) => void dialog.dismiss());
      await page.goto(`${server.origin}/news/articles/summit-live/`);
      pages[name] = page;
    }
    // A reader further down the page: the first update has scrolled above the window.
    await pages.reading.locator('#update-summit-0805').scrollIntoViewIfNeeded();
    // A hidden tab (a browser hides a tab behind another; here the page is told so).
    await pages.hidden.evaluate(() => {
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    // A new key update with hostile copy, and the clock past the held-back 14:00 one.
    writeFileSync(
      join(corpus, 'updates', 'summit-1420-café.md'),
      `---\nstory: summit-live\npublished: 2026-11-28T14:20:00-05:00\ntitle: ${JSON.stringify(HOSTILE_TITLE)}\nkey: true\nbyline: [John Doe]\n---\n\nThe leaders agreed <script>window.__xss=1</script> on the lanes <img src=x onerror="window.__xss=1">.\n`,
    );
    env['BUILD_TIME'] = '2026-11-28T19:30:00Z';
    await build();
  }, 240_000);
  afterAll(() => context?.close());

  const ids = (page: Page) => page.locator('.live__updates > article').evaluateAll((articles) => articles.map((article) => article.id));

  it('inserts new updates at the top for a reader there, announces them politely and keeps the key events in step', async () => {
    const page = pages.top;
    const response = polled(page);
    await page.clock.runFor(30_000);
    await response;
    await expect.poll(() => ids(page)).toEqual(['update-summit-1420-café', 'update-summit-1400', ...SHOWN]);
    expect(await page.locator('.live__status').getAttribute('role')).toBe('status');
    expect(await page.locator('.live__status').textContent()).toBe('2 new updates');
    expect(await page.locator('.live__new').isVisible()).toBe(false);
    const first = page.locator('#update-summit-1420-café');
    expect(await first.locator('h3').textContent()).toBe(HOSTILE_TITLE);
    expect(await first.locator('time').getAttribute('datetime')).toBe('2026-11-28T14:20:00-05:00');
    expect(await first.locator('.live-update__key').isVisible()).toBe(true);
    expect(await first.locator('.byline').textContent()).toBe('By John Doe');
    expect(await page.locator('.key-events a').first().getAttribute('href')).toBe('#update-summit-1420-café');
    expect(await page.locator('.key-events li').count()).toBe(3);
    // The next poll finds nothing new: an update is known by its anchor, accents and all.
    const again = polled(page);
    await page.clock.runFor(30_000);
    await again;
    expect(await ids(page)).toEqual(['update-summit-1420-café', 'update-summit-1400', ...SHOWN]);
  });

  it("inserts only what the build sanitised: the hostile copy is text, and nothing of it runs", async () => {
    const page = pages.top;
    const body = await page.locator('#update-summit-1420-café .live-update__body').innerHTML();
    expect(body).not.toMatch(/<script|onerror|<img/i);
    expect(await page.locator('#update-summit-1420-café img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    // The page after a reload shows the same update as the script did.
    const fresh = await context.newPage();
    await fresh.goto(`${server.origin}/news/articles/summit-live/`);
    expect(await fresh.locator('#update-summit-1420-café h3').textContent()).toBe(HOSTILE_TITLE);
    expect(await fresh.locator('#update-summit-1420-café .live-update__body').textContent()).toBe(await page.locator('#update-summit-1420-café .live-update__body').textContent());
    await fresh.close();
  });

  it('offers a reader further down a button instead, without moving the page, and shows the updates when pressed', async () => {
    const page = pages.reading;
    const scrolled = await page.evaluate(() => window.scrollY);
    const response = polled(page);
    await page.clock.runFor(30_000);
    await response;
    await expect.poll(() => page.locator('.live__new').isVisible()).toBe(true);
    expect(await page.locator('.live__new').textContent()).toBe('Show 2 new updates');
    expect(await page.locator('.live__status').textContent()).toBe('2 new updates');
    expect(await ids(page)).toEqual(SHOWN);
    expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
    await page.locator('.live__new').click();
    expect(await ids(page)).toEqual(['update-summit-1420-café', 'update-summit-1400', ...SHOWN]);
    expect(await page.locator('.live__new').isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('update-summit-1420-café');
  });

  it('asks nothing while the tab is hidden, and asks at once when it is shown', async () => {
    const page = pages.hidden;
    const before = requests['hidden'];
    await page.clock.runFor(5 * 60_000);
    expect(requests['hidden']).toBe(before);
    const response = polled(page);
    await page.evaluate(() => {
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await response;
    await expect.poll(() => ids(page)).toEqual(['update-summit-1420-café', 'update-summit-1400', ...SHOWN]);
  });

  it('stops with "Coverage has ended" when the feed says so', async () => {
    const page = pages.top;
    // The feed as it will read once the desk sets live: false, without a third build.
    await page.route('**/updates.json', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, json: { ...(await response.json()), expired: true } });
    });
    const response = polled(page);
    await page.clock.runFor(30_000);
    await response;
    await expect.poll(() => page.locator('.live__ended').isVisible()).toBe(true);
    expect(await page.locator('.live__status').textContent()).toBe('Coverage has ended');
    expect(await page.locator('.labels__live').count()).toBe(0);
    const asked = requests['top'];
    await page.clock.runFor(5 * 60_000);
    expect(requests['top']).toBe(asked);
  });
});
