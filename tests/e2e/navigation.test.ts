import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { testBrowser } from '../support/browser';
import { ARTICLE_PATH, HEADLINE } from '../support/seed';

describe('a reader finding their way', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await testBrowser();
    page = await browser.newPage();
  });
  afterAll(() => browser?.close());

  it('goes home → article → tag page → tag index and back home', async () => {
    const origin = inject('origin');
    await page.goto(`${origin}/`);
    // The front's title is the site's name, for screen readers; its stories are its headings.
    expect(await page.locator('h1').textContent()).toBe('Broadsheet');

    await page.getByRole('link', { name: HEADLINE }).click();
    expect(new URL(page.url()).pathname).toBe(ARTICLE_PATH);
    expect(await page.locator('h1').textContent()).toBe(HEADLINE);

    await page.locator('.tag-list').getByRole('link', { name: 'NATO', exact: true }).click();
    expect(new URL(page.url()).pathname).toBe('/tags/nato/');
    expect(await page.locator('h1').textContent()).toBe('NATO');
    expect(await page.locator('.story-list .headline a').allTextContents()).toEqual([HEADLINE]);

    await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Tags' }).click();
    expect(new URL(page.url()).pathname).toBe('/tags/');
    const nato = page.locator('.tag-index li', { has: page.getByRole('link', { name: 'NATO', exact: true }) });
    expect((await nato.textContent())?.replace(/\s+/g, ' ').trim()).toBe('NATO 1 article');

    await page.getByRole('link', { name: 'Broadsheet' }).first().click();
    expect(new URL(page.url()).pathname).toBe('/');
  });

  it('lists every tag of the article on the tag index, each with a working page', async () => {
    const origin = inject('origin');
    await page.goto(`${origin}/tags/`);
    const hrefs = await page.locator('.tag-index a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThanOrEqual(5);
    for (const href of hrefs) {
      expect(href).toMatch(/^\/tags\/[^/]+\/$/);
      const response = await page.request.get(`${origin}${href}`);
      expect(response.status(), href ?? '').toBe(200);
    }
  });

  it('answers an unknown address with the 404 page', async () => {
    const response = await page.goto(`${inject('origin')}/no-such-story/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Page not found');
    // A 404 names no canonical address (there is none) and asks not to be indexed.
    expect(await page.locator('link[rel="canonical"]').count()).toBe(0);
    expect(await page.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex');
  });
});
