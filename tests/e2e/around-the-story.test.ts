import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { testBrowser } from '../support/browser';
import { serveStatic, type StaticServer } from '../../scripts/lib/server';
import { ARTICLE_PATH, HEADLINE } from '../support/seed';

// What readers expect around a story: share links, a 404 page that helps. Search results' section
// and date are in reading.test.ts with the other search tests.

let browser: Browser;
beforeAll(async () => {
  browser = await testBrowser();
});
afterAll(() => browser?.close());

/** The share block's links as the page has them: name → href. */
async function shareLinks(page: Page): Promise<Map<string, string>> {
  const links = await page.locator('.share a').evaluateAll((anchors) => anchors.map((a) => [a.textContent!.trim(), a.getAttribute('href')!] as const));
  return new Map(links);
}

/** The values a share address hands the service (query parameters; a mailto:'s subject and body), decoded. */
function sharedValues(href: string): string[] {
  // RFC 6068 encodes a space as %20 and leaves + a plus sign, unlike a form-encoded query.
  if (href.startsWith('mailto:')) return [...new URLSearchParams(href.slice(href.indexOf('?') + 1).replaceAll('+', '%2B')).values()];
  return [...new URL(href).searchParams.values()];
}

/** Whether the service gets the address exactly: alone, or after the headline and a space (compose boxes take one text). */
const carriesAddress = (values: string[], address: string) => values.some((value) => value === address || value.endsWith(` ${address}`));
/** Whether the service gets the headline exactly: alone, or before the address. */
const carriesHeadline = (values: string[], headline: string) => values.some((value) => value === headline || value.startsWith(`${headline} https://`));

describe('share links on an article', () => {
  const canonical = `https://broadsheet.example${ARTICLE_PATH}`;

  it('offers e-mail and the main networks, each an address carrying the canonical URL and the headline', async () => {
    const page = await browser.newPage();
    await page.goto(`${inject('origin')}${ARTICLE_PATH}`);
    expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(canonical);
    expect(await page.locator('.share h2').textContent()).toBe('Share');
    const links = await shareLinks(page);
    expect([...links.keys()]).toEqual(['Email', 'Bluesky', 'X', 'Facebook', 'LinkedIn', 'WhatsApp', 'Reddit']);
    for (const [name, href] of links) {
      const values = sharedValues(href);
      expect(carriesAddress(values, canonical), `${name}: ${href}`).toBe(true);
      // Facebook's and LinkedIn's share pages read the headline from the article itself.
      if (!['Facebook', 'LinkedIn'].includes(name)) expect(carriesHeadline(values, HEADLINE), `${name}: ${href}`).toBe(true);
      expect(href, name).not.toMatch(/utm_|fbclid|[?&]ref=/);
    }
    await page.close();
  });

  it('"Copy link" writes the canonical address to the clipboard and says so in a live region', async () => {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(`${inject('origin')}${ARTICLE_PATH}`);
    const button = page.getByRole('button', { name: 'Copy link' });
    await button.click();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(canonical);
    const status = page.locator('.share__status');
    expect(await status.getAttribute('aria-live')).toBe('polite');
    await page.waitForFunction(() => document.querySelector('.share__status')?.textContent === 'Link copied');
    await context.close();
  });

  it('has no "Copy link" button when JavaScript is off, while the share links still work', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${inject('origin')}${ARTICLE_PATH}`);
    expect(await page.locator('.share__copy').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Copy link' }).count()).toBe(0);
    expect((await shareLinks(page)).size).toBe(7);
    await context.close();
  });

  it.each([375, 1280])('fits a %i px wide window without scrolling sideways', async (width) => {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    await page.goto(`${inject('origin')}${ARTICLE_PATH}`);
    const share = await page.locator('.share').boundingBox();
    expect(share!.x + share!.width).toBeLessThanOrEqual(width);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.close();
  });
});

describe.each([
  { name: 'at the root', mount: '/', dir: () => inject('siteDir'), canonical: `https://broadsheet.example${ARTICLE_PATH}` },
  { name: 'under BASE_PATH=/news', mount: '/news/', dir: () => inject('newsDir'), canonical: `https://example.org/news${ARTICLE_PATH}` },
])('$name', ({ mount, dir, canonical }) => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveStatic(dir(), { mount });
  });
  afterAll(() => server?.close());

  it('the 404 page lists the latest articles, linked', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${server.origin}${mount}no/such/page/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('.latest-aside h2').textContent()).toBe('Latest articles');
    const link = page.locator('.latest-aside .story-list .headline a').first();
    expect(await link.textContent()).toBe(HEADLINE);
    expect(await link.getAttribute('href')).toBe(`${mount}${ARTICLE_PATH.slice(1)}`);
    await Promise.all([page.waitForURL(`**${ARTICLE_PATH}`), link.click()]);
    expect(await page.locator('h1').textContent()).toBe(HEADLINE);
    await page.close();
  });

  it('the 404 page searches: the form goes to the search page, which finds the seed article', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}${mount}no/such/page/`);
    await page.getByLabel('Search articles').fill('Stoltenberg');
    await Promise.all([page.waitForURL(`**${mount}search/?q=Stoltenberg`), page.getByRole('button', { name: 'Search' }).click()]);
    const first = page.locator('.search-results li a').first();
    await first.waitFor();
    expect(await first.textContent()).toBe(HEADLINE);
    expect(await first.getAttribute('href')).toBe(`${mount}${ARTICLE_PATH.slice(1)}`);
    await page.close();
  });

  it('share links carry the canonical address of this deployment', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}${mount}${ARTICLE_PATH.slice(1)}`);
    expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(canonical);
    for (const [name, href] of await shareLinks(page)) expect(carriesAddress(sharedValues(href), canonical), `${name}: ${href}`).toBe(true);
    await page.close();
  });
});
