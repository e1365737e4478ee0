import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { testBrowser } from '../support/browser';
import { listFiles } from '../support/build';
import { parseXml } from '../support/feeds';

const SITE = 'https://broadsheet.example';
const SITE_FEEDS = [
  { type: 'application/rss+xml', title: 'Broadsheet (RSS)', href: `${SITE}/rss.xml` },
  { type: 'application/atom+xml', title: 'Broadsheet (Atom)', href: `${SITE}/atom.xml` },
  { type: 'application/feed+json', title: 'Broadsheet (JSON Feed)', href: `${SITE}/feed.json` },
];


/** The feed links in a page's head, in order. */
function advertised(html: string): { type: string; title: string; href: string }[] {
  const head = html.slice(0, html.indexOf('</head>'));
  return [...head.matchAll(/<link rel="alternate" type="([^"]+)" title="([^"]+)" href="([^"]+)">/g)].map(([, type, title, href]) => ({
    type: type!,
    title: title!,
    href: href!,
  }));
}

describe('feed autodiscovery', () => {
  const dir = () => inject('siteDir');

  it('every page advertises the three site feeds', () => {
    const pages = listFiles(dir(), '.html');
    expect(pages.length).toBeGreaterThanOrEqual(12);
    for (const page of pages) {
      expect(advertised(readFileSync(join(dir(), page), 'utf8')).slice(-3), page).toEqual(SITE_FEEDS);
    }
  });

  it('a tag page advertises its own feed first', () => {
    const html = readFileSync(join(dir(), 'tags/jens-stoltenberg/index.html'), 'utf8');
    expect(advertised(html)).toEqual([
      { type: 'application/rss+xml', title: 'Broadsheet: Jens Stoltenberg (RSS)', href: `${SITE}/tags/jens-stoltenberg/rss.xml` },
      ...SITE_FEEDS,
    ]);
    // …and that feed is the tag's: its own title and self link.
    const channel = parseXml(readFileSync(join(dir(), 'tags/jens-stoltenberg/rss.xml'), 'utf8')).rss.channel;
    expect(channel.title).toBe('Broadsheet: Jens Stoltenberg');
    expect(channel.link).toEqual([`${SITE}/tags/jens-stoltenberg/`]);
  });
});

describe('the subscribe page', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await testBrowser();
  });
  afterAll(() => browser?.close());

  const expectedUrls = [
    ...SITE_FEEDS.map((feed) => feed.href),
    ...['rss.xml', 'atom.xml', 'feed.json'].map((name) => `${SITE}/corrections/${name}`),
    `${SITE}/sections/asia/rss.xml`,
    ...['china', 'jens-stoltenberg', 'nato', 'russia', 'ukraine', 'vladimir-putin', 'xi-jinping'].map((slug) => `${SITE}/tags/${slug}/rss.xml`),
  ];

  it('is linked from the site chrome and lists every feed, readable without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${inject('origin')}/`);
    await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Feeds' }).click();
    expect(new URL(page.url()).pathname).toBe('/feeds/');
    expect(await page.locator('main').textContent()).toContain('A feed reader is an app');
    const urls = await page.locator('.feed-address__url').allTextContents();
    expect(urls).toEqual(expectedUrls);
    // Every address is a real feed on this site.
    for (const url of urls) {
      const response = await fetch(url.replace(SITE, inject('origin')));
      expect(response.status, url).toBe(200);
    }
    // No script: the copy buttons stay out of the way; the address can still be selected.
    expect(await page.locator('.feed-address__copy:visible').count()).toBe(0);
    await context.close();
  });

  it('copies a feed address with the copy button when JavaScript runs', async () => {
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: inject('origin') });
    const page = await context.newPage();
    await page.goto(`${inject('origin')}/feeds/`);
    const buttons = page.locator('.feed-address__copy');
    await expect(buttons.count()).resolves.toBe(expectedUrls.length);
    await page.getByRole('button', { name: 'Copy the Broadsheet Atom address' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.feed-address__copy')[1]?.textContent === 'Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${SITE}/atom.xml`);
    await context.close();
  });
});
