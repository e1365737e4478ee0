import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Parser from 'rss-parser';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit as visitTree } from 'unist-util-visit';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBrowser } from '../support/browser';
import { buildSite, listFiles } from '../support/build';
import { htmlElements, htmlText, leadParagraph, parseXml, xmllintErrors } from '../support/feeds';
import { normalizeName } from '../../src/names';
import { datelineOf, HOSTILE_STORY, pagePayloads, PAYLOADS, writeHostileCorpus, writeHostilePages, writeHostileUpdates } from '../support/hostile';
import { nuHtmlErrors } from '../support/html-checker';
import { TMP } from '../support/paths';
import { serveStatic, type StaticServer } from '../../scripts/lib/server';


interface Findings {
  ran: boolean;
  dialogs: string[];
  consoleErrors: string[];
  cspViolations: string[];
  badLinks: string[];
}

/** Text as pages and feeds carry it: without the control characters no page or feed may hold. */
const printable = (text: string) => text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, '');

describe(`${PAYLOADS.length} hostile payloads in every field and the body`, () => {
  let dir: string;
  let server: StaticServer;
  let browser: Browser;
  const pages: [string, Findings][] = [];
  let pageCount = 0;
  let updateCount = 0;

  async function visit(page: Page, path: string): Promise<Findings> {
    const found: Findings = { ran: false, dialogs: [], consoleErrors: [], cspViolations: [], badLinks: [] };
    const onDialog = (dialog: { message: () => string; dismiss: () => Promise<void> }) => {
      found.dialogs.push(dialog.message());
      void dialog.dismiss();
    };
    const onConsole = (message: { type: () => string; text: () => string }) => {
      if (message.type() === 'error') found.consoleErrors.push(message.text());
    };
    page.on('dialog', onDialog);
    page.on('console', onConsole);
    page.on('pageerror', (error) => found.consoleErrors.push(error.message));
    await page.goto(server.origin + path, { waitUntil: 'load' });
    const state = await page.evaluate(() => ({
      ran: (window as unknown as { __xss?: number }).__xss === 1,
      csp: (window as unknown as { __csp?: string[] }).__csp ?? [],
      links: [...document.querySelectorAll('[href], [src], [action], [formaction], [data]')].flatMap((el) =>
        ['href', 'src', 'action', 'formaction', 'data', 'xlink:href']
          .map((name) => el.getAttribute(name) ?? '')
          .filter((value) => /^\s*(javascript|data|vbscript):/i.test(value)),
      ),
    }));
    found.ran = state.ran;
    found.cspViolations = state.csp;
    found.badLinks = state.links;
    page.off('dialog', onDialog);
    page.off('console', onConsole);
    return found;
  }

  beforeAll(async () => {
    const corpus = join(TMP, 'corpora', 'hostile');
    writeHostileCorpus(corpus);
    const standards = join(TMP, 'corpora', 'hostile-pages');
    pageCount = writeHostilePages(standards);
    const updates = join(TMP, 'corpora', 'hostile-updates');
    updateCount = writeHostileUpdates(updates);
    dir = buildSite({ name: 'hostile', env: { CONTENT_DIR: corpus, PAGES_DIR: standards, UPDATES_DIR: updates } });
    server = await serveStatic(dir);
    browser = await testBrowser();
    const context = await browser.newContext();
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        const store = window as unknown as { __csp?: string[] };
        (store.__csp ??= []).push(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    const paths = [...listFiles(dir, '.html').map((file) => `/${file.replace(/index\.html$/, '')}`), '/search/?q=script'];
    // Three tabs side by side, each taking the next page to visit: a page renders in a process of its own.
    await Promise.all(
      Array.from({ length: 3 }, async () => {
        const page = await context.newPage();
        for (let path = paths.shift(); path !== undefined; path = paths.shift()) pages.push([path, await visit(page, path)]);
      }),
    );
    await context.close();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('builds pages the Nu HTML Checker finds no errors in', () => {
    expect(nuHtmlErrors(dir)).toEqual([]);
  });

  it("builds a page for every article, tag and page of the publication's own", () => {
    expect(pages.filter(([path]) => path.startsWith('/articles/'))).toHaveLength(PAYLOADS.length);
    expect(pages.filter(([path]) => /^\/about\/page-\d+\/$/.test(path))).toHaveLength(pageCount);
    expect(pageCount).toBe(10);
    expect(pages.filter(([path]) => path.startsWith('/tags/') && path !== '/tags/' && !path.includes('/page/'))).toHaveLength(PAYLOADS.length + 1);
  });

  it('runs no script from content, opens no dialog, logs no error and violates no CSP on any page', () => {
    const trouble = pages
      .map(([path, found]) => ({ path, ...found }))
      .filter((f) => f.ran || f.dialogs.length || f.consoleErrors.length || f.cspViolations.length || f.badLinks.length);
    expect(trouble).toEqual([]);
  });

  it('shows every payload as text where it was written', async () => {
    const page = await browser.newPage();
    for (const [index, payload] of PAYLOADS.entries()) {
      const n = String(index + 1).padStart(2, '0');
      await page.goto(`${server.origin}/articles/hostile-${n}/`);
      // Control characters cannot appear on a page (HTML §13.2.2) and are dropped; the rest reads as typed.
      const expected = printable(`Hostile ${n} ${payload}`).replace(/[\r\n\u2028\u2029]+/g, ' ');
      const headline = (await page.locator('h1').textContent())!.replace(/[\r\n\u2028\u2029]+/g, ' ');
      expect(headline).toBe(expected);
      const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent())!);
      // JSON-LD carries the same text as the page.
      expect(jsonLd.headline).toBe(printable(`Hostile ${n} ${payload}`));
      expect(await page.locator('.article__body figcaption').textContent()).toContain(printable(`Caption ${payload}`).slice(0, 20));
      // The dateline leads the copy as text (issue 23), kept normalised as names are.
      if ([...datelineOf(payload)].length <= 60) expect(await page.locator('.article__body .dateline').textContent()).toBe(normalizeName(printable(datelineOf(payload))));
    }
    // The publication's pages: each title as typed (read from the built files: the crawl above ran them in Chromium).
    for (let n = 1; n <= pageCount; n += 1) {
      const title = /<h1 class="headline headline--1">([^]*?)<\/h1>/.exec(readFileSync(join(dir, 'about', `page-${String(n).padStart(2, '0')}`, 'index.html'), 'utf8'))![1]!;
      expect(htmlText(title).replace(/[\r\n\u2028\u2029]+/g, ' ')).toBe(printable(`Page ${n} ${pagePayloads(n).join(' ')}`).replace(/[\r\n\u2028\u2029]+/g, ' '));
    }
    // A live story's updates (issue 24): each heading and byline as typed, on the page the crawl above ran.
    const story = readFileSync(join(dir, 'articles', HOSTILE_STORY, 'index.html'), 'utf8');
    const headings = [...story.matchAll(/<h3 class="live-update__title[^"]*" id="[^"]+">([^]*?)<\/h3>/g)].map((m) => htmlText(m[1]!).replace(/[\r\n\u2028\u2029]+/g, ' '));
    expect(headings).toEqual(Array.from({ length: updateCount }, (_, i) => printable(`Update ${updateCount - i} ${pagePayloads(updateCount - i).join(' ')}`).replace(/[\r\n\u2028\u2029]+/g, ' ')));
    await page.close();
  });

  it("keeps a live story's update feeds well-formed, their titles and names text, their bodies free of anything executable", async () => {
    const xml = readFileSync(join(dir, 'articles', HOSTILE_STORY, 'updates.xml'), 'utf8');
    expect(xmllintErrors(xml)).toBe('');
    const rss = await new Parser().parseString(xml);
    const json = JSON.parse(readFileSync(join(dir, 'articles', HOSTILE_STORY, 'updates.json'), 'utf8'));
    const titles = Array.from({ length: updateCount }, (_, i) => printable(`Update ${updateCount - i} ${pagePayloads(updateCount - i).join(' ')}`));
    expect(json.items.map((item: { title: string }) => item.title)).toEqual(titles);
    expect(rss.items.map((item) => item.title)).toEqual(titles);
    for (const item of json.items) {
      expect(item._live.byline).toMatch(/^By Reporter /);
      // Markdown's and harmless raw HTML's elements (a <b> the copy wrote) stay; nothing that runs, frames, styles or submits.
      const active = ['script', 'iframe', 'frame', 'object', 'embed', 'style', 'link', 'meta', 'base', 'form', 'input', 'textarea', 'button', 'svg', 'math', 'img'];
      expect(htmlElements(item.content_html).filter((element: string) => active.includes(element)), item.title).toEqual([]);
      // No handler and no script address in any attribute, as a reader's parser reads the HTML (the words may stand in text and titles).
      const risky: string[] = [];
      visitTree(fromHtml(item.content_html, { fragment: true }), 'element', (node: Element) => {
        for (const [name, value] of Object.entries(node.properties)) {
          if (/^on/i.test(name) || (['href', 'src', 'action', 'formAction'].includes(name) && /^\s*(javascript|data|vbscript):/i.test(String(value)))) risky.push(`${node.tagName} ${name}`);
        }
      });
      expect(risky, item.title).toEqual([]);
    }
  });

  it('keeps feed text as text: fields readers render as HTML hold no element the copy did not write as Markdown', () => {
    // What each format defines as HTML (RSS 2.0 description, RSS content:encoded, Atom type="html",
    // JSON Feed content_html) and as text (RSS title, category, dc:creator; Atom type="text",
    // author and category; JSON Feed title, summary, tags, authors).
    const rss = parseXml(readFileSync(join(dir, 'rss.xml'), 'utf8')).rss.channel;
    const atom = parseXml(readFileSync(join(dir, 'atom.xml'), 'utf8')).feed;
    const json = JSON.parse(readFileSync(join(dir, 'feed.json'), 'utf8'));
    const byTitle = (title: string) => PAYLOADS.findIndex((_, index) => printable(`Hostile ${String(index + 1).padStart(2, '0')} ${PAYLOADS[index]}`) === title);
    expect(rss.item).toHaveLength(PAYLOADS.length);
    for (const item of rss.item) {
      const index = byTitle(item.title);
      expect(index, item.title).toBeGreaterThanOrEqual(0);
      const payload = printable(PAYLOADS[index]!);
      // The summary, decoded as the HTML a reader renders, is the standfirst as text: no element.
      expect(htmlElements(item.description), item.title).toEqual([]);
      expect(htmlText(item.description)).toBe(`Standfirst ${payload}`);
      // Names are kept normalised (src/text.ts normalizeName), so a profile can match them.
      expect(item['dc:creator']).toEqual([normalizeName(`Writer ${payload}`)]);
      // Tags are kept normalised (tests/unit/tags.test.ts): the feed carries the kept spelling as text.
      expect(item.category).toContain(normalizeName(`Tag ${String(index + 1).padStart(2, '0')} ${payload}`));
      // The full text starts with the standfirst, as a paragraph of text.
      expect(leadParagraph(item['content:encoded']), item.title).toEqual({ elements: [], text: `Standfirst ${payload}` });
    }
    for (const entry of atom.entry) {
      const index = byTitle(entry.title['#text']);
      const payload = printable(PAYLOADS[index]!);
      expect(entry.title['@_type']).toBe('text');
      expect(entry.summary).toEqual({ '@_type': 'text', '#text': `Standfirst ${payload}` });
      expect(entry.content['@_type']).toBe('html');
      expect(leadParagraph(entry.content['#text'])).toEqual({ elements: [], text: `Standfirst ${payload}` });
    }
    for (const item of json.items) {
      const index = byTitle(item.title);
      const payload = printable(PAYLOADS[index]!);
      expect(item.summary).toBe(`Standfirst ${payload}`);
      expect(leadParagraph(item.content_html)).toEqual({ elements: [], text: `Standfirst ${payload}` });
    }
    // Channel descriptions name the tag: text too, in every tag feed.
    for (const feed of listFiles(dir, 'rss.xml').filter((file) => file.startsWith('tags/'))) {
      const channel = parseXml(readFileSync(join(dir, feed), 'utf8')).rss.channel;
      expect(htmlElements(channel.description), feed).toEqual([]);
    }
  });

  it('keeps every feed well-formed and parseable', async () => {
    const parser = new Parser();
    const feeds = listFiles(dir, 'rss.xml').concat(['atom.xml']);
    expect(feeds.length).toBeGreaterThan(PAYLOADS.length);
    for (const feed of feeds) {
      const xml = readFileSync(join(dir, feed), 'utf8');
      expect(xmllintErrors(xml), feed).toBe('');
      await expect(parser.parseString(xml), feed).resolves.toBeDefined();
    }
    const json = JSON.parse(readFileSync(join(dir, 'feed.json'), 'utf8'));
    expect(json.items).toHaveLength(PAYLOADS.length);
    for (const file of ['sitemap-0.xml', 'sitemap-index.xml']) expect(xmllintErrors(readFileSync(join(dir, file), 'utf8')), file).toBe('');
  });
});
