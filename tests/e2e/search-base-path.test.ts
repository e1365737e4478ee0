import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright';
import { testBrowser } from '../support/browser';
import { serveStatic, type StaticServer } from '../../scripts/lib/server';
import { ARTICLE_PATH, HEADLINE } from '../support/seed';

describe('search under BASE_PATH=/news', () => {
  let server: StaticServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await serveStatic(inject('newsDir'), { mount: '/news/' });
    browser = await testBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('loads its index from /news/pagefind/ and links results under /news/', async () => {
    const page = await browser.newPage();
    const failed: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(response.url());
    });
    await page.goto(`${server.origin}/news/search/`);
    await page.getByLabel('Search articles').pressSequentially('Stoltenberg', { delay: 20 });
    const first = page.locator('.search-results li a').first();
    await first.waitFor();
    expect(await first.textContent()).toBe(HEADLINE);
    expect(await first.getAttribute('href')).toBe(`/news${ARTICLE_PATH}`);
    await first.click();
    expect(new URL(page.url()).pathname).toBe(`/news${ARTICLE_PATH}`);
    expect(failed).toEqual([]);
  });
});
