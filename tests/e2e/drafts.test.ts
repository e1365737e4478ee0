import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBrowser } from '../support/browser';
import { buildSiteAsync, listFiles } from '../support/build';
import { nuHtmlErrors } from '../support/html-checker';
import { TMP } from '../support/paths';
import { serveStatic, type StaticServer } from '../../scripts/lib/server';

const article = (title: string, extra: string) =>
  `---\ntitle: "${title}"\nstandfirst: "About ${title}."\nsection: World\ntags: [Shared, "${title} tag"]\n${extra}\n---\n\nText of ${title}.\n`;

function writeCorpus(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'live.md'), article('Zebra Live', 'published: 2024-06-01'));
  writeFileSync(join(dir, 'draft.md'), article('Quokka Draft', 'published: 2024-06-02\ndraft: true'));
  writeFileSync(join(dir, 'scheduled.md'), article('Narwhal Scheduled', 'published: 2024-07-01'));
}


describe('drafts and scheduled articles', () => {
  const corpus = join(TMP, 'corpora', 'drafts');
  let server: StaticServer;
  let browser: Browser;
  let production: string;
  let preview: string;

  beforeAll(async () => {
    writeCorpus(corpus);
    // The clock is pinned between the scheduled article's date and now.
    [production, preview] = await Promise.all([
      buildSiteAsync({ name: 'drafts-production', env: { CONTENT_DIR: corpus, BUILD_TIME: '2024-06-15T12:00:00Z' } }),
      buildSiteAsync({ name: 'drafts-preview', env: { CONTENT_DIR: corpus, BUILD_TIME: '2024-06-15T12:00:00Z', SHOW_DRAFTS: '1' } }),
    ]);
    server = await serveStatic(production);
    browser = await testBrowser();
  });
  it('builds pages the Nu HTML Checker finds no errors in, in production and in preview', () => {
    expect(nuHtmlErrors(production)).toEqual([]);
    expect(nuHtmlErrors(preview)).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('appear nowhere in a production build: no page, tag, count, feed, sitemap entry or related link', () => {
    const files = listFiles(production).filter((file) => !file.startsWith('pagefind/'));
    for (const file of files) {
      const text = readFileSync(join(production, file), 'utf8');
      for (const secret of ['Quokka', 'quokka', 'Narwhal', 'narwhal', '/articles/draft/', '/articles/scheduled/']) {
        expect(text.includes(secret), `${secret} in ${file}`).toBe(false);
      }
    }
    expect(readFileSync(join(production, 'tags/index.html'), 'utf8')).toMatch(/Shared<\/a> <span class="tag-index__count">1 article<\/span>/);
  });

  it('are not found by search', async () => {
    const page = await browser.newPage();
    for (const [query, results] of [['Zebra', 1], ['Quokka', 0], ['Narwhal', 0]] as const) {
      await page.goto(`${server.origin}/search/?q=${query}`);
      await page.waitForFunction(() => document.querySelector('.search-status')?.textContent !== '');
      // The count of matches comes first; the results themselves follow once downloaded.
      expect(await page.locator('.search-status').textContent(), query).toBe(`${results} ${results === 1 ? 'result' : 'results'} for “${query}”`);
      if (results > 0) await page.locator('.search-results li').nth(results - 1).waitFor();
      expect(await page.locator('.search-results li').count(), query).toBe(results);
    }
    await page.close();
  });

  it('appear in preview, marked and not indexed', () => {
    const draft = readFileSync(join(preview, 'articles/draft/index.html'), 'utf8');
    const scheduled = readFileSync(join(preview, 'articles/scheduled/index.html'), 'utf8');
    expect(draft).toContain('Draft: not published.');
    expect(scheduled).toContain('Scheduled: not published yet.');
    for (const html of [draft, scheduled]) {
      expect(html).toContain('<meta name="robots" content="noindex">');
      expect(html).not.toContain('data-pagefind-body');
    }
    expect(readFileSync(join(preview, 'index.html'), 'utf8')).toContain('Quokka Draft');
  });
});
