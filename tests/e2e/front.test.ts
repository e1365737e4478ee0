/**
 * The front page, the kinds of piece and series, as readers meet them: the newsroom fixtures
 * (tests/fixtures/corpora/newsroom: a marked lead with a picture, an older lead, a top story of
 * analysis, paid content marked to lead, a top story from before the window, and a three-piece
 * series spelt two ways) built under BASE_PATH=/news. The same shared build deploy.test.ts crawls.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractFromJson, extractFromXml } from '@extractus/feed-extractor';
import type { Browser, Page } from 'playwright';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { testBrowser } from '../support/browser';
import { NEWSROOM_SITE, sharedBuild } from '../support/build';
import { ensureXmllint, parseXml, RFC3339, RFC822, xmllintErrors } from '../support/feeds';
import { nuHtmlErrors } from '../support/html-checker';
import { serveStatic, type StaticServer } from '../../scripts/lib/server';

const SITE = 'https://example.org/news';
const article = (slug: string) => `/news/articles/${slug}/`;

/** The front's stories, top to bottom, as the rules in src/model/front.ts choose them at the build's clock (2026-11-28T00:00Z). */
const LEAD = 'strait-talks'; // marked lead, 27 November
// The analysis marked top (26 Nov) and the older lead (26 Nov).
const TOP = ['markets-analysis', 'council-recount'];
// Each section's newest pieces not shown above, in masthead order; Business's newest is a top
// story, so its row holds a piece of 2023. Paid
// content marked lead (27 Nov) never leads nor is a top story: it stands in its section's row.
const ROWS: [string, string[]][] = [
  ['World', ['agency-copy']],
  ['Politics', ['budget-vote']],
  ['Business', ['harbour-history']],
  ['Europe', ['inquiry-letter', 'inquiry-part-2', 'inquiry-part-1']],
  ['Technology', ['cloud-partner']],
  // Marked top, but published before the window: a row piece, not a top story. Then an obituary of 2024.
  ['Local', ['stale-top', 'harbour-master-obituary']],
];
const LATEST = ['harbour-reopens'];
const FRONT = [LEAD, ...TOP, ...ROWS.flatMap(([, slugs]) => slugs), ...LATEST].map(article);

let dir: string;
let server: StaticServer;
let browser: Browser;
const file = (path: string) => readFileSync(join(dir, path), 'utf8');
const jsonLd = (html: string) => [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map((m) => JSON.parse(m[1]!));

beforeAll(async () => {
  dir = await sharedBuild(NEWSROOM_SITE);
  server = await serveStatic(dir, { mount: '/news/' });
  browser = await testBrowser();
  ensureXmllint();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string, options: { width?: number; javaScript?: boolean; colorScheme?: 'light' | 'dark' } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 }, javaScriptEnabled: options.javaScript ?? true, colorScheme: options.colorScheme ?? 'light' });
  const page = await context.newPage();
  await page.goto(`${server.origin}${path}`);
  return page;
}

/** The article links of every headline in `main`, in DOM order. */
const headlines = (page: Page) => page.locator('main .headline a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));

describe('the front page', () => {
  it.each([375, 1280])('at %i px shows the lead, then top stories, then section rows, then Latest, each story once', async (width) => {
    const page = await open('/news/', { width });
    expect(await headlines(page)).toEqual(FRONT);
    expect(await page.locator('.front-row__title').allTextContents()).toEqual(ROWS.map(([name]) => name));
    expect(await page.locator('.front-row__more a').evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual(['/news/sections/world/', '/news/sections/politics/', '/news/sections/business/', '/news/sections/europe/', '/news/sections/technology/', '/news/sections/local/']);
    expect(await page.locator('.front-latest h2').textContent()).toBe('Latest');
    // Never wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.context().close();
  });

  it('is laid out as a front at 1280 px: the lead picture beside its headline, top stories and rows in two columns', async () => {
    const page = await open('/news/');
    const box = (selector: string) => page.locator(selector).first().evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);
    const [picture, text] = [await box('.lead-story picture'), await box('.lead-story__text')];
    expect(picture.width).toBe(640);
    expect(text.left).toBeGreaterThanOrEqual(picture.right);
    const lefts = async (selector: string) => new Set(await page.locator(selector).evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().left))));
    expect((await lefts('.front-headlines .story-card')).size).toBe(2);
    expect((await lefts('.front-row')).size).toBe(2);
    await page.context().close();
  });

  it('is one column at 375 px', async () => {
    const page = await open('/news/', { width: 375 });
    const lefts = await page.locator('main .headline').evaluateAll((els) => [...new Set(els.map((el) => Math.round(el.getBoundingClientRect().left)))]);
    expect(lefts).toEqual([20]);
    await page.context().close();
  });

  it('is the same without JavaScript, and nothing moves as it loads', async () => {
    const page = await open('/news/', { javaScript: false });
    expect(await headlines(page)).toEqual(FRONT);
    await page.context().close();
    const live = await open('/news/');
    const shift = await live.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let total = 0;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries() as (PerformanceEntry & { value: number })[]) total += entry.value;
          }).observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => resolve(total), 500);
        }),
    );
    expect(shift).toBe(0);
    await live.context().close();
  });

  it('shows a thumbnail only where a piece has a picture', async () => {
    const page = await open('/news/');
    const pictured = await page.locator('.story-card--pictured .headline a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(pictured).toEqual([article('markets-analysis'), article('inquiry-part-1')]);
    expect(await page.locator('.story-card:not(.story-card--pictured) picture').count()).toBe(0);
    await page.context().close();
  });

  it('is walked in reading order with the keyboard: lead, top stories, rows, Latest', async () => {
    const page = await open('/news/');
    const reached: string[] = [];
    for (let i = 0; i < 80 && reached.at(-1) !== article(LATEST[0]!); i += 1) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => (document.activeElement?.closest('.headline') ? document.activeElement.getAttribute('href') : null));
      if (focused) reached.push(focused);
    }
    expect(reached).toEqual(FRONT);
    await page.context().close();
  });

  it('gives every card and the article the same labels, linked and styled alike, with the byline', async () => {
    const page = await open('/news/');
    const card = page.locator('.story-card', { has: page.locator(`a[href="${article('markets-analysis')}"]`) }).first();
    const labels = (scope: ReturnType<Page['locator']>) => scope.locator('.labels a').evaluateAll((links) => links.map((link) => [link.textContent, link.getAttribute('href')]));
    const expected = [
      ['Business', '/news/sections/business/'],
      ['Analysis', '/news/types/analysis/'],
    ];
    expect(await labels(card)).toEqual(expected);
    expect(await card.locator('.byline').textContent()).toMatch(/^\s*By\s+Jane Roe\s*$/);
    const style = (scope: ReturnType<Page['locator']>) =>
      scope.locator('.labels a').first().evaluate((link) => {
        const css = getComputedStyle(link);
        return [css.color, css.textTransform, css.fontSize, css.fontWeight, css.textDecorationLine];
      });
    const onCard = await style(card);
    await page.goto(`${server.origin}${article('markets-analysis')}`);
    const header = page.locator('.article__header');
    expect(await labels(header)).toEqual(expected);
    expect(await style(header)).toEqual(onCard);
    expect(onCard[1]).toBe('uppercase');
    await page.context().close();
  });

  it('leaves the seed site a clean front: its one article leads, and nothing is empty', async () => {
    const page = await browser.newPage();
    await page.goto(`${inject('origin')}/`);
    expect(await page.locator('main .headline a').count()).toBe(1);
    expect(await page.locator('.lead-story .headline').textContent()).toBe('NATO Chief: West Should ‘Impose a Cost’ on China for Supporting Russia');
    expect(await page.locator('.front-row, .front-latest, .story-list, .pager').count()).toBe(0);
    // Every heading has words under it.
    expect(await page.locator('main h2').allTextContents()).toEqual(['Top stories']);
    await page.close();
  });
});

describe('kinds of piece', () => {
  it('lists each kind that has pieces at /types/<type>/, with its meaning and its feed', async () => {
    const html = file('types/analysis/index.html');
    expect(html).toContain('<h1 class="page-title">Analysis</h1>');
    expect([...html.matchAll(/<h2 class="headline headline--2"><a href="([^"]+)">/g)].map((m) => m[1])).toEqual([article('markets-analysis')]);
    expect(html).toContain(`<link rel="alternate" type="application/rss+xml" title="Broadsheet: Analysis (RSS)" href="${SITE}/types/analysis/rss.xml">`);
    const listed = ['analysis', 'explainer', 'obituary', 'letter', 'sponsored'];
    for (const type of ['news', 'opinion', 'review', 'interview']) expect(() => file(`types/${type}/index.html`), type).toThrow();
    const index = file('types/index.html');
    expect([...index.matchAll(/<dt>(?:<a href="\/news\/types\/([a-z]+)\/">)?([^<]+)/g)].map((m) => [m[1], m[2]])).toEqual([
      [undefined, 'News'],
      ['analysis', 'Analysis'],
      [undefined, 'Opinion'],
      ['explainer', 'Explainer'],
      [undefined, 'Review'],
      [undefined, 'Interview'],
      ['obituary', 'Obituary'],
      ['letter', 'Letter'],
      ['sponsored', 'Paid content'],
    ]);
    expect(listed.every((type) => index.includes(`/news/types/${type}/`))).toBe(true);
  });

  it("carries each piece's kind in its feeds and its JSON-LD", async () => {
    const rss = parseXml(file('rss.xml')).rss.channel.item.find((item: { link: string[] }) => item.link[0] === `${SITE}${article('markets-analysis').slice(5)}`);
    expect(rss.category.slice(0, 1)).toEqual(['Analysis']);
    const atom = parseXml(file('atom.xml')).feed.entry.find((entry: { id: string }) => entry.id.endsWith('/markets-analysis/'));
    expect(atom.category[0]).toEqual({ '@_term': 'analysis', '@_scheme': `${SITE}/types/`, '@_label': 'Analysis' });
    const json = JSON.parse(file('feed.json')).items.find((item: { id: string }) => item.id.endsWith('/markets-analysis/'));
    expect(json.tags).toEqual(['Analysis', 'Markets']);
    const types = (slug: string) => jsonLd(file(`articles/${slug}/index.html`)).find((data) => [data['@type']].flat()[0] === 'NewsArticle')['@type'];
    expect(types('markets-analysis')).toEqual(['NewsArticle', 'AnalysisNewsArticle']);
    expect(types('inquiry-part-2')).toEqual(['NewsArticle', 'BackgroundNewsArticle']);
    expect(types('inquiry-letter')).toEqual(['NewsArticle']);
    expect(types('cloud-partner')).toEqual(['NewsArticle', 'AdvertiserContentArticle']);
    expect(types('strait-talks')).toEqual(['NewsArticle', 'ReportageNewsArticle']);
  });

  it('discloses paid content above its body, on the page and in its feed entry', async () => {
    const page = await open(article('cloud-partner'));
    const note = 'Paid content: an advertiser paid for this piece. It is not the work of Broadsheet’s newsroom.';
    expect(await page.locator('.paid-content-note').textContent()).toBe(note);
    const [noteTop, bodyTop] = await Promise.all(['.paid-content-note', '.article__body'].map((selector) => page.locator(selector).evaluate((el) => el.getBoundingClientRect().top)));
    expect(noteTop).toBeLessThan(bodyTop!);
    expect(await page.locator('.article__header .labels').textContent()).toBe('Technology · Paid content');
    // Its links to other sites say they are paid for; the site's own stay as they are.
    expect(await page.locator('.source-note a').getAttribute('rel')).toBe('external noopener sponsored');
    expect(await page.locator('.article__body a[href^="https://cloud.example.com"]').getAttribute('rel')).toBe('external noopener sponsored');
    expect(await page.locator('.article__body a[href="/news/sections/technology/"]').getAttribute('rel')).toBeNull();
    await page.context().close();
    const item = JSON.parse(file('feed.json')).items.find((entry: { id: string }) => entry.id.endsWith('/cloud-partner/'));
    expect(item.content_html.startsWith(`<p><strong>${note}</strong></p>`)).toBe(true);
    expect(file(`articles/strait-talks/index.html`)).not.toContain('paid-content-note');
  });

  it('reads the kind feed in two third-party parsers, by the W3C rules', async () => {
    const xml = file('types/analysis/rss.xml');
    expect(xmllintErrors(xml)).toBe('');
    const feed = await new Parser().parseString(xml);
    expect(feed.title).toBe('Broadsheet: Analysis');
    expect(feed.items.map((item) => item.link)).toEqual([`${SITE}/articles/markets-analysis/`]);
    expect(extractFromXml(xml).entries?.map((entry) => entry.link)).toEqual([`${SITE}/articles/markets-analysis/`]);
    const channel = parseXml(xml).rss.channel;
    expect(channel['atom:link']).toEqual([{ '@_href': `${SITE}/types/analysis/rss.xml`, '@_rel': 'self', '@_type': 'application/rss+xml' }]);
    expect(channel.lastBuildDate).toMatch(RFC822);
  });
});

describe('a series', () => {
  const ORDER = ['inquiry-part-1', 'inquiry-part-2', 'inquiry-letter'];

  it('lists its pieces in reading order at /series/<slug>/, parts numbered, with an ItemList', () => {
    const html = file('series/harbour-inquiry/index.html');
    expect(html).toContain('<h1 class="page-title">Harbour Inquiry</h1>');
    expect([...html.matchAll(/<h2 class="headline headline--2"><a href="([^"]+)">/g)].map((m) => m[1])).toEqual(ORDER.map(article));
    expect([...html.matchAll(/<p class="series-list__part">([^<]+)<\/p>/g)].map((m) => m[1])).toEqual(['Part 1 of 2', 'Part 2 of 2']);
    const list = jsonLd(html).find((data) => data['@type'] === 'ItemList');
    expect(list).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ItemList',
      name: 'Harbour Inquiry',
      url: `${SITE}/series/harbour-inquiry/`,
      itemListOrder: 'https://schema.org/ItemListOrderAscending',
      numberOfItems: 3,
      itemListElement: ORDER.map((slug, index) => ({ '@type': 'ListItem', position: index + 1, url: `${SITE}/articles/${slug}/`, name: expect.any(String) })),
    });
    expect(file('series/index.html')).toMatch(/<a href="\/news\/series\/harbour-inquiry\/">Harbour Inquiry<\/a> <span class="tag-index__count">3 articles<\/span>/);
  });

  it('boxes the series on each piece: its name, "Part n of m", every piece in order, the current one marked; copy cannot take its id', async () => {
    const page = await open(article('inquiry-part-2'));
    const box = page.getByRole('navigation', { name: 'Harbour Inquiry' });
    expect(await box.locator('h2 a').getAttribute('href')).toBe('/news/series/harbour-inquiry/');
    // Two parts: the letter is in the series but is no part of it.
    expect(await box.locator('.series-box__part').textContent()).toBe('Part 2 of 2');
    expect(await box.locator('li a').evaluateAll((links) => links.map((link) => [link.getAttribute('href'), link.getAttribute('aria-current')]))).toEqual([
      [article('inquiry-part-1'), null],
      [article('inquiry-part-2'), 'page'],
      [article('inquiry-letter'), null],
    ]);
    await box.getByRole('link', { name: 'The harbour inquiry opens (fixture)' }).click();
    await page.waitForURL(`**${article('inquiry-part-1')}`);
    expect(await page.locator('.series-box [aria-current="page"]').textContent()).toBe('The harbour inquiry opens (fixture)');
    await page.context().close();
    // A heading in copy never takes the box's id (src/chrome.ts CHROME_IDS).
    expect(file('articles/inquiry-part-2/index.html').match(/id="series-box-title"/g)).toHaveLength(1);
    // A piece without a part says no part; a piece in no series has no box.
    expect(file('articles/inquiry-letter/index.html')).not.toContain('series-box__part');
    expect(file('articles/strait-talks/index.html')).not.toContain('series-box');
    const data = jsonLd(file('articles/inquiry-part-2/index.html')).find((entry) => [entry['@type']].flat()[0] === 'NewsArticle');
    expect(data.isPartOf).toEqual({ '@type': 'CreativeWorkSeries', name: 'Harbour Inquiry', url: `${SITE}/series/harbour-inquiry/` });
    expect(data.position).toBe(2);
  });

  it.each([
    ['rss.xml', 'RSS'],
    ['atom.xml', 'Atom'],
    ['feed.json', 'JSON Feed'],
  ])('has a %s feed, newest first, that two parsers read alike and the feeds page lists', async (name) => {
    const text = file(`series/harbour-inquiry/${name}`);
    const newest = [...ORDER].reverse().map((slug) => `${SITE}/articles/${slug}/`);
    const extracted = name.endsWith('.json') ? extractFromJson(text) : extractFromXml(text);
    expect(extracted.title).toBe('Broadsheet: Harbour Inquiry');
    expect(extracted.entries?.map((entry) => entry.link)).toEqual(newest);
    if (name === 'rss.xml') {
      expect(xmllintErrors(text)).toBe('');
      expect((await new Parser().parseString(text)).items.map((item) => item.link)).toEqual(newest);
      const channel = parseXml(text).rss.channel;
      expect(channel['atom:link']).toEqual([{ '@_href': `${SITE}/series/harbour-inquiry/rss.xml`, '@_rel': 'self', '@_type': 'application/rss+xml' }]);
      // The series' last change: part 1's editor's note (25 November, 09:00 EST), after the newest piece's publication.
      expect(channel.lastBuildDate).toBe('Wed, 25 Nov 2026 14:00:00 GMT');
    } else if (name === 'atom.xml') {
      expect(xmllintErrors(text)).toBe('');
      expect((await new Parser().parseString(text)).items.map((item) => item.link)).toEqual(newest);
      const feed = parseXml(text).feed;
      expect(feed.link).toContainEqual({ '@_rel': 'self', '@_type': 'application/atom+xml', '@_href': `${SITE}/series/harbour-inquiry/atom.xml` });
      expect(feed.updated).toMatch(RFC3339);
    } else {
      const feed = JSON.parse(text);
      expect([feed.version, feed.feed_url, feed.home_page_url]).toEqual(['https://jsonfeed.org/version/1.1', `${SITE}/series/harbour-inquiry/feed.json`, `${SITE}/series/harbour-inquiry/`]);
    }
    expect(file('feeds/index.html')).toContain(`<code class="feed-address__url">${SITE}/series/harbour-inquiry/${name}</code>`);
    expect(readFileSync(join(dir, '_headers'), 'utf8')).toContain(`/news/series/*/${name}\n  Content-Type: `);
  });
});

describe('accessibility and markup', () => {
  // The pages this issue made, each in both schemes; /types/ has no colours of its own (its
  // structure is checked in the light scheme), and a kind's listing is the section fronts' layout.
  const PAGES = ['/news/', '/news/series/harbour-inquiry/', article('inquiry-part-2'), article('cloud-partner')];
  const RUNS = [...PAGES.flatMap((path) => (['light', 'dark'] as const).map((scheme) => [path, scheme] as const)), ['/news/types/', 'light'] as const];

  it.concurrent.for(RUNS)('%s has no axe violations in the %s scheme', async ([path, colorScheme], { expect }) => {
    const page = await open(path, { colorScheme });
    expect(await axeViolations(page, colorScheme)).toEqual([]);
    await page.context().close();
  });

  it('the Nu HTML Checker finds no errors in any page of the build', () => {
    expect(nuHtmlErrors(dir)).toEqual([]);
  });
});
