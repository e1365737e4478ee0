import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { testBrowser } from '../support/browser';
import { sharedBuild } from '../support/build';
import { RFC3339 } from '../support/feeds';
import { ROOT } from '../support/paths';
import { serveStatic, type StaticServer } from '../../scripts/lib/server';

const PICTURES = join(ROOT, 'tests/fixtures/corpora/pictures');
const squash = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

interface Case {
  name: string;
  path: string;
  site: string;
  /** What the credit line names, and as what. */
  credit: { type: 'Person' | 'Organization'; names: string[] };
  hasPicture: boolean;
}

describe.each<Case>([
  {
    name: 'the Stoltenberg article',
    path: '/articles/nato-chief-west-should-impose-a-cost-on-china/',
    site: 'https://broadsheet.example',
    credit: { type: 'Organization', names: ['Breitbart News'] },
    hasPicture: false,
  },
  {
    name: 'an article with authors and a picture',
    path: '/articles/with-picture/',
    site: 'https://example.org',
    credit: { type: 'Person', names: ['Jane Roe', 'John Doe'] },
    hasPicture: true,
  },
])('structured data and sharing metadata of $name', ({ path, site, credit, hasPicture }) => {
  let browser: Browser;
  let page: Page;
  let server: StaticServer | undefined;
  let dir: string;
  let data: Record<string, any>;
  const meta = (key: string) => page.locator(`meta[property="${key}"], meta[name="${key}"]`).first().getAttribute('content');
  const metas = (key: string) => page.locator(`meta[property="${key}"]`).evaluateAll((els) => els.map((e) => e.getAttribute('content')));

  beforeAll(async () => {
    let origin = inject('origin');
    dir = inject('siteDir');
    if (hasPicture) {
      // The same build as feed-pictures.test.ts's: made once per run.
      dir = await sharedBuild({ CONTENT_DIR: PICTURES, SITE_URL: site });
      server = await serveStatic(dir);
      origin = server.origin;
    }
    browser = await testBrowser();
    page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await page.goto(origin + path);
    const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
    // The article, the publisher it names by @id (issue 23), then its breadcrumbs (home → section → article).
    expect(blocks).toHaveLength(3);
    data = JSON.parse(blocks[0]!);
    expect(JSON.parse(blocks[1]!)).toMatchObject({ '@type': 'NewsMediaOrganization', '@id': data.publisher['@id'], name: 'Broadsheet', url: `${site}/` });
    const crumbs = JSON.parse(blocks[2]!);
    expect(crumbs['@type']).toBe('BreadcrumbList');
    expect(crumbs.itemListElement.map((item: { position: number; item: string }) => [item.position, new URL(item.item).pathname])).toEqual([
      [1, '/'],
      [2, `/sections/${data.articleSection.toLowerCase()}/`],
      [3, path],
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('is a schema.org NewsArticle with what Google requires and recommends', () => {
    expect(data['@context']).toBe('https://schema.org');
    // Reporting: NewsArticle and its schema.org subtype for the kind (issue 22).
    expect(data['@type']).toEqual(['NewsArticle', 'ReportageNewsArticle']);
    expect(typeof data.headline).toBe('string');
    expect(data.headline.length).toBeLessThanOrEqual(110);
    expect(data.datePublished).toMatch(RFC3339);
    expect(data.dateModified).toMatch(RFC3339);
    expect(new Date(data.dateModified) >= new Date(data.datePublished)).toBe(true);
    // Named by @id, its node beside (Google's Article structured data reads publisher name and url from it).
    expect(data.publisher).toEqual({ '@id': `${site}/#publisher` });
    expect(data.mainEntityOfPage).toEqual({ '@type': 'WebPage', '@id': `${site}${path}` });
    if (hasPicture) expect(data.image).toEqual([`${site}/media/with-picture/photo.jpg`]);
    else expect(data).not.toHaveProperty('image');
  });

  it('says what the page shows', async () => {
    expect(data.headline).toBe(squash(await page.locator('h1').textContent()));
    expect(data.description).toBe(squash(await page.locator('.article .standfirst').textContent()));
    expect(data.description).toBe(await meta('description'));
    const [published, updated] = await page.locator('.timestamp time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')!));
    expect(data.datePublished.startsWith(published!.slice(0, 10))).toBe(true);
    expect(data.dateModified.startsWith((updated ?? published)!.slice(0, 10))).toBe(true);
    expect(data.author).toEqual(credit.names.map((name) => ({ '@type': credit.type, name })));
    for (const name of credit.names) expect(await page.locator('.byline').textContent()).toContain(name);
    expect(data.articleSection).toBe(await page.locator('.article .labels').textContent());
    expect(data.keywords).toEqual(await page.locator('.tag-list a').allTextContents());
    expect(data.isBasedOn).toBe(await page.locator('.source-note a').getAttribute('href'));
  });

  it('has the Open Graph and Twitter card tags, agreeing with it', async () => {
    expect(await meta('og:type')).toBe('article');
    expect(await meta('og:title')).toBe(data.headline);
    expect(await meta('og:description')).toBe(data.description);
    expect(await meta('og:url')).toBe(data.url);
    expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(data.url);
    expect(await meta('og:site_name')).toBe('Broadsheet');
    expect(await meta('article:published_time')).toBe(data.datePublished);
    expect(await meta('article:modified_time')).toBe(data.dateModified);
    expect(await meta('article:section')).toBe(data.articleSection);
    expect(await metas('article:tag')).toEqual(data.keywords);
    const image = (await meta('og:image'))!;
    expect(image).toMatch(/^https:\/\//);
    const file = decodeURI(new URL(image).pathname).replace(/^\//, '');
    expect(existsSync(join(dir, file)), file).toBe(true);
    expect(await meta('og:image:alt')).toBeTruthy();
    if (hasPicture) expect(image).toBe(data.image[0]);
    expect(await meta('twitter:card')).toBe(hasPicture ? 'summary_large_image' : 'summary');
    expect(await meta('twitter:title')).toBe(data.headline);
    expect(await meta('twitter:description')).toBe(data.description);
    expect(await meta('twitter:image')).toBe(image);
    expect(await meta('robots')).toContain('max-image-preview:large');
  });
});
