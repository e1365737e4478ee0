import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBrowser } from '../support/browser';
import { serveStatic, type StaticServer } from '../../scripts/lib/server';
import { buildSite, listFiles } from '../support/build';
import { parseXml } from '../support/feeds';
import { nuHtmlErrors } from '../support/html-checker';
import { ROOT } from '../support/paths';

/** Newsroom copy modelled on faults reported against static news sites: tests/fixtures/corpora/real-copy/. */
const CORPUS = join(ROOT, 'tests/fixtures/corpora/real-copy');
const SITE = 'https://example.org';

describe('real newsroom copy', () => {
  let dir: string;
  let server: StaticServer;
  let browser: Browser;
  const read = (path: string) => readFileSync(join(dir, path), 'utf8');

  beforeAll(async () => {
    dir = buildSite({ name: 'real-copy', env: { CONTENT_DIR: CORPUS, SITE_URL: SITE, BUILD_TIME: '2026-11-01T00:00:00Z' } });
    server = await serveStatic(dir);
    browser = await testBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('builds pages the Nu HTML Checker finds no errors in: every id unique, no obsolete markup', () => {
    expect(nuHtmlErrors(dir)).toEqual([]);
  });

  it('never takes a chrome id for copy: "## Main" is main-1, the skip link still reaches <main>', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/articles/main-heading/`);
    expect(await page.locator('main#main').count()).toBe(1);
    expect(await page.locator('#main').count()).toBe(1);
    expect(await page.locator('h2#main-1').textContent()).toBe('Main');
    expect(await page.locator('.skip-link').getAttribute('href')).toBe('#main');
    await page.close();
  });

  it('renders a results table in a box that scrolls, footnotes linked both ways, strikethrough, bare links', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/articles/results-table/`);
    expect(await page.locator('.article__body .table-scroll table th').allTextContents()).toEqual(['Party', 'Seats', 'Change', 'Share of the vote']);
    expect(await page.locator('.article__body del').textContent()).toBe('Tuesday');
    expect(await page.locator('.article__body a[href="https://example.org/results"]').count()).toBe(1);
    // The reference goes to the note, and the note's back link returns, by keyboard.
    const follow = async () => {
      const before = await page.evaluate(() => location.hash);
      await page.keyboard.press('Enter');
      await page.waitForFunction((hash) => location.hash !== hash, before);
    };
    await page.locator('a[data-footnote-ref]').focus();
    await follow();
    const note = decodeURIComponent(new URL(page.url()).hash.slice(1));
    expect(await page.locator(`[id="${note}"]`).textContent()).toContain('Figures as declared by the returning officers');
    await page.locator(`[id="${note}"] a[data-footnote-backref]`).focus();
    await follow();
    const back = decodeURIComponent(new URL(page.url()).hash.slice(1));
    expect(await page.locator(`[id="${back}"]`).getAttribute('data-footnote-ref')).toBe('');
    await page.close();
  });

  it('carries tables and footnotes into every feed, footnote links resolving to the article page', () => {
    const url = `${SITE}/articles/results-table/`;
    const page = read('articles/results-table/index.html');
    const rss = parseXml(read('rss.xml')).rss.channel.item.find((item: { link: string[] }) => item.link[0] === url);
    const atom = parseXml(read('atom.xml')).feed.entry.find((entry: { id: string }) => entry.id === url);
    const json = JSON.parse(read('feed.json')).items.find((item: { id: string }) => item.id === url);
    for (const html of [rss['content:encoded'] as string, atom.content['#text'] as string, json.content_html as string]) {
      expect(html).toContain('<table>');
      expect(html).toContain('<del>Tuesday</del>');
      const links = [...html.matchAll(/href="([^"]+#[^"]+)"/g)].map((m) => m[1]!);
      expect(links.length).toBeGreaterThanOrEqual(2);
      for (const link of links) {
        expect(link.startsWith(`${url}#`)).toBe(true);
        expect(page).toContain(`id="${link.slice(url.length + 1)}"`);
      }
      // The feed keeps the page's ids, prefixed once, not twice.
      const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
      expect(ids.length).toBeGreaterThanOrEqual(2);
      for (const id of ids) expect(page).toContain(`id="${id}"`);
    }
  });

  it.each([320, 375])('never makes a page wider than a %d px screen: pictures, tables, long words and addresses, embeds, preformatted text', async (width) => {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    const pages = listFiles(dir, '.html').filter((file) => !file.startsWith('pagefind/'));
    const tooWide: string[] = [];
    for (const file of pages) {
      await page.goto(`${server.origin}/${file.replace(/index\.html$/, '')}`);
      const { scroll, screen } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, screen: window.innerWidth }));
      if (scroll > screen) tooWide.push(`${file}: ${scroll} px`);
    }
    expect(tooWide).toEqual([]);
    // The wide table scrolls in its own box instead, and a keyboard can reach that box.
    await page.goto(`${server.origin}/articles/wide-things/`);
    const box = page.locator('.article__body .table-scroll');
    expect(await box.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
    expect(await box.getAttribute('tabindex')).toBe('0');
    await page.close();
  });

  it('has one h1 on every page, the headline, and headings that never skip a level, whatever level the copy starts at', () => {
    for (const file of listFiles(dir, '.html').filter((file) => !file.startsWith('pagefind/'))) {
      const levels = [...read(file).matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
      expect(levels.filter((level) => level === 1).length, file).toBeLessThanOrEqual(1);
      // What axe's heading-order rule asks: each heading at most one level below the one before.
      levels.forEach((level, i) => expect(level, `${file}: heading ${i + 1} of ${levels.join(',')}`).toBeLessThanOrEqual((levels[i - 1] ?? 1) + 1));
    }
    expect(read('articles/long-words-outside-the-body/index.html')).toMatch(/<h2 id="a-first-level-heading-in-the-body">/);
    const body = read('articles/sections-from-h3/index.html');
    const copyHeadings = [...body.matchAll(/<(h[1-6]) id="(background|earlier-talks|reaction)"/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(copyHeadings).toEqual(['h2 background', 'h3 earlier-talks', 'h2 reaction']);
  });

  it('keeps body pictures within the text column at 1280 px, as the lead picture is', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.origin}/articles/wide-things/`);
    const { column, pictures } = await page.evaluate(() => ({
      column: document.querySelector('.article__body')!.getBoundingClientRect().width,
      pictures: [...document.querySelectorAll('.article__body img, .article__body .embed__frame')].map((element) => element.getBoundingClientRect().width),
    }));
    expect(pictures.length).toBe(2);
    for (const width of pictures) expect(width).toBeLessThanOrEqual(column);
    await page.close();
  });

  it('finds a picture however its path is written: percent-encoded, <…>, character reference, bare, subfolder', () => {
    const html = read('articles/harbour-map-forms/index.html');
    const sources = [...html.matchAll(/<img [^>]*src="([^"]+)"/g)].map((m) => m[1]!);
    expect(sources).toHaveLength(5);
    expect(new Set(sources.slice(0, 4)).size).toBe(1);
    expect(sources[4]).not.toBe(sources[0]);
    // Each original is published once, for feeds.
    expect(listFiles(join(dir, 'media/harbour-map-forms'))).toEqual(['harbour map.png', 'maps/harbour map.png']);
    expect(readFileSync(join(dir, 'media/harbour-map-forms/harbour map.png')).equals(readFileSync(join(CORPUS, 'harbour map.png')))).toBe(true);
  });

  it('gives tags longer than a file name a page whose every path segment fits in 255 bytes', () => {
    const segments = listFiles(dir).flatMap((file) => file.split('/'));
    expect(Math.max(...segments.map((segment) => Buffer.byteLength(segment)))).toBeLessThanOrEqual(255);
    const article = read('articles/long-tags/index.html');
    const links = [...article.matchAll(/<a href="\/tags\/([^/"]+)\/"/g)].map((m) => decodeURIComponent(m[1]!));
    expect(links.filter((slug) => slug.startsWith('北大西洋') || slug.startsWith('secretary-general'))).toHaveLength(2);
    for (const slug of links) expect(listFiles(join(dir, 'tags', slug))).toContain('index.html');
  });

  it('reads every date form by one rule: 09:30:00 unquoted and "09:30" quoted are the same newsroom time', () => {
    const datetime = (slug: string) => /<time datetime="([^"]+)"/.exec(read(`articles/${slug}/index.html`))?.[1];
    expect(datetime('time-unquoted')).toBe('2024-06-18T09:30:00-04:00');
    expect(datetime('time-quoted')).toBe('2024-06-18T09:30:00-04:00');
    const items = JSON.parse(read('feed.json')).items as { id: string; date_published: string }[];
    const published = (slug: string) => items.find((item) => item.id === `${SITE}/articles/${slug}/`)?.date_published;
    expect(published('time-unquoted')).toBe('2024-06-18T13:30:00.000Z');
    expect(published('time-quoted')).toBe('2024-06-18T13:30:00.000Z');
  });

  it('sets an Arabic article right to left in its own language, inside chrome that keeps the site\'s', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    await page.goto(`${server.origin}/articles/arabic-fixture/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    for (const copy of ['.article .headline', '.article .standfirst', '.article__body']) {
      expect(await page.locator(copy).getAttribute('lang'), copy).toBe('ar');
      expect(await page.locator(copy).getAttribute('dir'), copy).toBe('rtl');
    }
    const direction = (selector: string) => page.locator(selector).first().evaluate((element) => getComputedStyle(element).direction);
    expect(await direction('.article__body p')).toBe('rtl');
    // The page around the copy keeps the site's language and direction.
    for (const chrome of ['.masthead', '.timestamp', '.article__footer', '.related']) expect(await direction(chrome), chrome).toBe('ltr');
    expect(await page.locator('.timestamp').evaluate((element) => element.closest('[lang]')?.getAttribute('lang'))).toBe('en');
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent())!);
    expect(jsonLd.inLanguage).toBe('ar');
    // In listings, the headline and standfirst carry the language; the date stays the site's.
    await page.goto(`${server.origin}/tags/fixtures/`);
    const card = page.locator('.story-card', { hasText: 'نص تجريبي' });
    expect(await card.locator('.headline').getAttribute('lang')).toBe('ar');
    expect(await card.locator('.story-card__standfirst').getAttribute('dir')).toBe('rtl');
    expect(await card.locator('.story-card__meta').evaluate((element) => element.closest('[lang]')?.getAttribute('lang'))).toBe('en');
    await page.close();
  });

  it('says each article\'s language in every feed format that can', () => {
    const url = `${SITE}/articles/arabic-fixture/`;
    const json = JSON.parse(read('feed.json'));
    expect(json.language).toBe('en');
    expect(json.items.find((item: { id: string }) => item.id === url).language).toBe('ar');
    expect(json.items.find((item: { id: string }) => item.id === `${SITE}/articles/results-table/`).language).toBeUndefined();
    const atom = parseXml(read('atom.xml')).feed.entry.find((entry: { id: string }) => entry.id === url);
    expect(atom['@_xml:lang']).toBe('ar');
    const rss = parseXml(read('rss.xml')).rss.channel.item.find((item: { link: string[] }) => item.link[0] === url);
    expect(rss['dc:language']).toBe('ar');
    // The full text is laid out right to left in a reader, as on the page.
    for (const html of [rss['content:encoded'] as string, atom.content['#text'] as string, json.items.find((item: { id: string }) => item.id === url).content_html as string]) {
      expect(html.startsWith('<div lang="ar" dir="rtl"><p>')).toBe(true);
    }
    const english = json.items.find((item: { id: string }) => item.id === `${SITE}/articles/results-table/`).content_html as string;
    expect(english.startsWith('<p>')).toBe(true);
  });

  it.each([
    ['气象台', 'a word inside a Chinese sentence', '测试样稿：中文文章'],
    ['港口管理局', 'a phrase inside a Chinese sentence', '测试样稿：中文文章'],
    ['المرصد', 'an Arabic word', 'نص تجريبي: مقال باللغة العربية'],
    ['Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaftsvorsitzenderstellvertretersgattinnenversicherung', 'a German word of 115 letters', 'Fixture: everything that could make a page too wide'],
  ])('finds %s (%s) with search', async (query, _, title) => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/search/?q=${encodeURIComponent(query)}`);
    await page.waitForFunction(() => document.querySelector('.search-status')?.textContent !== '');
    // A phrase is several words: its first results are checked ones, "at least" so many (src/client/search.ts).
    expect(await page.locator('.search-status').textContent()).toMatch(/^(?:At least )?1 result for/);
    await page.locator('.search-results li').first().waitFor();
    expect(await page.locator('.search-results li a').allTextContents()).toEqual([title]);
    await page.close();
  });

  it('files "Zürich" typed composed and decomposed under one tag', () => {
    const tag = read('tags/zürich/index.html');
    expect(tag).toContain('Fixture: Zürich typed composed');
    expect(tag).toContain('Fixture: Zürich typed decomposed');
    expect(listFiles(join(dir, 'tags')).filter((file) => file.normalize('NFC').startsWith('zürich/'))).toEqual(['zürich/index.html', 'zürich/rss.xml']);
  });
});
