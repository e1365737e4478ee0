import type { Browser, BrowserContext, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { testBrowser } from '../support/browser';
import { axeViolations } from '../support/axe';
import { ARTICLE_PATH, HEADLINE, ORIGINAL_URL } from '../support/seed';

const PAGES = {
  home: '/',
  article: ARTICLE_PATH,
  'tag index': '/tags/',
  'tag page': '/tags/nato/',
  'search with results': '/search/?q=Stoltenberg',
  feeds: '/feeds/',
  '404': '/no-such-page/',
};

let browser: Browser;
beforeAll(async () => {
  browser = await testBrowser();
});
afterAll(() => browser?.close());

describe.each(['light', 'dark'] as const)('accessibility in the %s scheme (axe)', (colorScheme) => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await browser.newContext({ colorScheme });
  });
  afterAll(() => context?.close());

  it.concurrent.for(Object.entries(PAGES))('%s has no violations', async ([name, path], { expect }) => {
    const page = await context.newPage();
    await page.goto(inject('origin') + path);
    if (name === 'search with results') await page.locator('.search-results li').first().waitFor();
    expect(await axeViolations(page, colorScheme)).toEqual([]);
    await page.close();
  });
});

/** Presses Tab until the focused element matches, and returns how many presses it took. */
async function tabTo(page: Page, matches: (element: { tag: string; text: string; href: string | null }) => boolean): Promise<number> {
  for (let presses = 1; presses <= 40; presses += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return { tag: el?.tagName ?? '', text: (el?.textContent ?? '').trim(), href: el?.getAttribute('href') ?? null };
    });
    if (matches(focused)) return presses;
  }
  throw new Error('never reached the element by Tab');
}

describe('keyboard only', () => {
  it('walks home → article → a tag → back home with Tab and Enter', async () => {
    const page = await browser.newPage();
    await page.goto(`${inject('origin')}/`);
    // The first stop is the skip link, and it moves focus to the main content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

    await tabTo(page, (el) => el.text === HEADLINE);
    await Promise.all([page.waitForURL(`**${ARTICLE_PATH}`), page.keyboard.press('Enter')]);
    await tabTo(page, (el) => el.text === 'NATO' && el.href === '/tags/nato/');
    await Promise.all([page.waitForURL('**/tags/nato/'), page.keyboard.press('Enter')]);
    expect(await page.locator('h1').textContent()).toBe('NATO');
    await tabTo(page, (el) => el.text === 'Broadsheet' && el.href === '/');
    await Promise.all([page.waitForURL(`${inject('origin')}/`), page.keyboard.press('Enter')]);
    // The front's title is the site's name, for screen readers; its stories are its headings.
    expect(await page.locator('h1').textContent()).toBe('Broadsheet');
    await page.close();
  });

  it('shows where focus is', async () => {
    const page = await browser.newPage();
    await page.goto(`${inject('origin')}/`);
    await tabTo(page, (el) => el.text === 'Tags');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).toBe('solid');
    await page.close();
  });
});

describe('light and dark', () => {
  it('follows the system scheme, and the toggle overrides it and is remembered with no flash', async () => {
    const context = await browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.goto(`${inject('origin')}${ARTICLE_PATH}`);
    expect(await background()).toBe('rgb(253, 252, 249)');
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await background()).toBe('rgb(21, 23, 26)');

    // On the next page load the stored choice applies before the body is even parsed.
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        (window as unknown as { firstBackground: string }).firstBackground = getComputedStyle(document.body).backgroundColor;
      });
    });
    await page.goto(`${inject('origin')}/`);
    expect(await page.evaluate(() => (window as unknown as { firstBackground: string }).firstBackground)).toBe('rgb(21, 23, 26)');
    await context.close();
  });

  it('keeps the toggle out of the way when JavaScript is off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(`${inject('origin')}/`);
    expect(await page.locator('.theme-toggle').isVisible()).toBe(false);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(21, 23, 26)');
    await context.close();
  });
});

describe('print', () => {
  it('prints the article without chrome, in a print size, with link addresses and the source', async () => {
    const page = await browser.newPage();
    await page.goto(`${inject('origin')}${ARTICLE_PATH}`);
    await page.emulateMedia({ media: 'print' });
    for (const chrome of ['.masthead__nav', '.site-footer', '.skip-link', '.theme-toggle', '.tag-list']) {
      expect(await page.locator(chrome).first().isVisible(), chrome).toBe(false);
    }
    expect(await page.evaluate(() => getComputedStyle(document.body).fontSize)).toBe('14.6667px');
    expect(await page.locator('.source-note').isVisible()).toBe(true);
    const after = await page.locator('.source-note a').evaluate((a) => getComputedStyle(a, '::after').content);
    expect(after).toBe(`" (${ORIGINAL_URL})"`);
    await page.close();
  });
});

describe('search', () => {
  it('finds the article as you type "Stoltenberg"', async () => {
    const page = await browser.newPage();
    await page.goto(`${inject('origin')}/search/`);
    await page.getByLabel('Search articles').pressSequentially('Stoltenberg', { delay: 20 });
    const first = page.locator('.search-results li a').first();
    await first.waitFor();
    expect(await first.textContent()).toBe(HEADLINE);
    expect(await first.getAttribute('href')).toBe(ARTICLE_PATH);
    await expect(page.locator('.search-status').textContent()).resolves.toBe('1 result for “Stoltenberg”');
    await page.close();
  });

  // Found by a newcomer: "At least 1 result" and a "More results" that added nothing, on a site
  // whose one shard the first search covers whole.
  it('counts a search of several words exactly when it searches the whole archive at once', async () => {
    const page = await browser.newPage();
    await page.goto(`${inject('origin')}/search/?q=${encodeURIComponent('NATO chief impose cost')}`);
    await page.locator('.search-results li').first().waitFor();
    expect(await page.locator('.search-status').textContent()).toBe('1 result for “NATO chief impose cost”');
    expect(await page.locator('[data-search-more]').isHidden()).toBe(true);
    await page.close();
  });

  it('shows each result\'s section and date, worded as listings word them, with a machine-readable date', async () => {
    const page = await browser.newPage();
    await page.goto(`${inject('origin')}/search/?q=Stoltenberg`);
    const facts = page.locator('.search-results li .search-result__meta').first();
    await facts.waitFor();
    // The seed article's front matter: section Asia, published 2024-06-18 (a date alone).
    expect(await facts.textContent()).toBe('Asia · 18 June 2024');
    expect(await facts.locator('time').getAttribute('datetime')).toBe('2024-06-18');
    // The same wording as the article's own card on the home page.
    await page.goto(`${inject('origin')}/`);
    expect(await page.locator('.story-card__meta time').first().textContent()).toBe('18 June 2024');
    await page.close();
  });

  it('indexes article text only, not page chrome', async () => {
    const page = await browser.newPage();
    await page.goto(`${inject('origin')}/search/?q=Subscribe`);
    await page.waitForFunction(() => document.querySelector('.search-status')?.textContent !== '');
    expect(await page.locator('.search-results li').count()).toBe(0);
    await page.close();
  });

  it('says plainly that search needs JavaScript when it is off, and loads no script elsewhere', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${inject('origin')}/search/`);
    expect(await page.locator('main').textContent()).toContain('Search runs in your browser and needs JavaScript, which is off.');
    await context.close();
    const article = await browser.newPage();
    const scripts: string[] = [];
    article.on('request', (request) => {
      if (request.resourceType() === 'script' || request.url().includes('pagefind')) scripts.push(request.url());
    });
    await article.goto(`${inject('origin')}${ARTICLE_PATH}`);
    expect(scripts.filter((url) => url.includes('pagefind') || url.includes('Search.astro'))).toEqual([]);
    await article.close();
  });
});
