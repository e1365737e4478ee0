import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { testBrowser } from '../support/browser';
import { ARTICLE_PATH, CAPTION, COMMENT_BOX_LINE, HEADLINE, ORIGINAL_URL, PARAGRAPHS, QUOTE } from '../support/seed';

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('the Stoltenberg article page', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await testBrowser();
    // JavaScript off: nothing on the page may need it to be read.
    const context = await browser.newContext({ javaScriptEnabled: false });
    page = await context.newPage();
    const response = await page.goto(inject('origin') + ARTICLE_PATH);
    expect(response?.status()).toBe(200);
  });
  afterAll(() => browser?.close());

  it('shows the headline in the only h1 and the document title', async () => {
    expect(await page.locator('h1').allInnerTexts()).toEqual([HEADLINE]);
    expect(await page.title()).toContain(HEADLINE);
  });

  it('shows every seed paragraph, word for word and in order', async () => {
    // The reading order of the article's text blocks: standfirst, body paragraphs, caption, quotes.
    const blocks = await page
      .locator('.article .standfirst, .article__body > p, .article__body figcaption, .article__body blockquote > p')
      .allTextContents();
    expect(blocks.map(squash)).toEqual(PARAGRAPHS);
  });

  it('sets the two-paragraph answer as one block quotation', async () => {
    const quotes = page.locator('.article__body blockquote');
    await expect(quotes.count()).resolves.toBe(1);
    expect((await quotes.locator('p').allTextContents()).map(squash)).toEqual(QUOTE);
  });

  it('keeps the caption and credit in a figcaption, without inventing a photo', async () => {
    const caption = page.locator('.article__body figure figcaption');
    expect(squash(await caption.textContent() ?? '')).toBe(CAPTION);
    expect(await caption.textContent()).toContain('Kevin Dietsch/Getty Images');
    expect(await page.locator('.article img, .article picture, .article svg').count()).toBe(0);
  });

  it('drops the comment-box line', async () => {
    expect(await page.locator('body').textContent()).not.toContain(COMMENT_BOX_LINE);
  });

  it('dates the article 18 June 2024 with a machine-readable time', async () => {
    const published = page.locator('.timestamp time').first();
    expect(await published.getAttribute('datetime')).toMatch(/^2024-06-18/);
    expect(await published.textContent()).toBe('18 June 2024');
  });

  it('credits the publication, names no author and links the original', async () => {
    expect(squash(await page.locator('.byline').textContent() ?? '')).toBe('Breitbart News');
    const source = page.locator('.source-note a');
    expect(await source.getAttribute('href')).toBe(ORIGINAL_URL);
    expect(squash(await page.locator('.source-note').textContent() ?? '')).toBe(
      'Originally published by Breitbart News on 18 June 2024.',
    );
  });

  it('shows section, reading time and tag links', async () => {
    expect(await page.locator('.article .labels').textContent()).toBe('Asia');
    expect(await page.locator('.timestamp__reading').textContent()).toMatch(/^\d+ min read$/);
    const tags = page.locator('.tag-list a');
    expect(await tags.allTextContents()).toEqual(
      expect.arrayContaining(['NATO', 'China', 'Russia', 'Ukraine', 'Jens Stoltenberg']),
    );
    expect(await page.locator('.tag-list a', { hasText: 'Jens Stoltenberg' }).getAttribute('href')).toBe(
      '/tags/jens-stoltenberg/',
    );
  });

  it('needs no script to be read: this whole file runs with JavaScript off; the only scripts are the optional theme toggle, "Copy link" and the video blocks\' play button', async () => {
    const scripts = await page
      .locator('script:not([type="application/ld+json"])')
      .evaluateAll((els) => els.map((el) => el.getAttribute('src') ?? `inline: ${el.textContent}`));
    expect(scripts).toHaveLength(4);
    expect(scripts[0]).toMatch(/^inline: .*localStorage\.getItem/s);
    expect(scripts[1]).toMatch(/^\/_astro\/ThemeToggle\.[^/]+\.js$/);
    expect(scripts[2]).toMatch(/^\/_astro\/ShareLinks\.[^/]+\.js$/);
    expect(scripts[3]).toMatch(/^\/_astro\/EmbedPlayers\.astro_astro_type_script_index_0_lang\.[^/]+\.js$/);
  });
});
