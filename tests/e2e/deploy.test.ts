import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { NEWSROOM_SITE, readTree, sharedBuild } from '../support/build';
import { crawl, type CrawlResult } from '../support/crawl';
import { parseXml } from '../support/feeds';
import { ROOT } from '../support/paths';
import { serveStatic, type StaticServer } from '../../scripts/lib/server';
import { componentScriptFile } from '../../src/astro-internals';

const PICTURES = join(ROOT, 'tests/fixtures/corpora/pictures');

describe.each([
  { name: 'the default root build', build: () => inject('siteDir'), siteUrl: 'https://broadsheet.example/', mount: '/' },
  {
    name: 'SITE_URL=https://example.org BASE_PATH=/news',
    build: () => inject('newsDir'),
    siteUrl: 'https://example.org/news/',
    mount: '/news/',
  },
  {
    name: 'pictures and raw-HTML links under BASE_PATH=/news',
    build: () => sharedBuild({ SITE_URL: 'https://example.org', BASE_PATH: '/news', CONTENT_DIR: PICTURES }),
    siteUrl: 'https://example.org/news/',
    mount: '/news/',
  },
  {
    name: 'the newsroom fixtures (sections, authors, corrections) under BASE_PATH=/news',
    build: () =>
      sharedBuild(NEWSROOM_SITE),
    siteUrl: 'https://example.org/news/',
    mount: '/news/',
  },
])('$name, served by a plain static server at $mount', ({ build, siteUrl, mount }) => {
  let server: StaticServer;
  let dir: string;
  let result: CrawlResult;

  beforeAll(async () => {
    dir = await build();
    server = await serveStatic(dir, { mount });
    result = await crawl({
      localOrigin: server.origin,
      siteUrl,
      start: [mount, `${mount}robots.txt`, `${mount}sitemap-index.xml`, `${mount}404.html`],
    });
  });
  afterAll(() => server?.close());

  it('has no broken link, asset, feed link or sitemap entry', () => {
    expect(result.broken).toEqual([]);
    expect(result.visited.size).toBeGreaterThan(10);
  });

  it('never links outside its base path', () => {
    expect(result.escaping).toEqual([]);
  });

  it('reaches every page and file it built by following links', () => {
    const reached = new Set([...result.visited.keys()].map((href) => decodeURI(new URL(href).pathname)));
    const tree = readTree(dir);
    // The live story's script, which Astro publishes whatever the pages render: linked only by a running live story.
    const live = componentScriptFile(dir, 'LiveScript');
    const liveStories = [...tree].some(([path, bytes]) => path.endsWith('.html') && bytes.includes('data-live-feed'));
    const built = [...tree.keys()]
      // Files no page links to on purpose: host configuration, the share card (meta tags name it
      // absolutely), and the search index, which the search page's script loads on demand.
      .filter((path) => !['_headers', '.nojekyll', 'og-default.png'].includes(path) && !path.startsWith('pagefind/'))
      .filter((path) => liveStories || join(dir, path) !== live)
      .map((path) => `${mount}${path}`.replace(/index\.html$/, ''));
    expect(built.filter((path) => !reached.has(path))).toEqual([]);
  });

  it('answers a missing address with the 404 page, whose links work from any depth', async () => {
    const response = await fetch(`${server.origin}${mount}no/such/page/`);
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain('Page not found');
    expect(html).toContain(`href="${mount}"`);
    expect(html).toMatch(new RegExp(`<link rel="stylesheet" href="${mount}_astro/`));
  });

  it('ships the static-host files: _headers, .nojekyll, robots.txt with an absolute Sitemap line', () => {
    expect(existsSync(join(dir, '.nojekyll'))).toBe(true);
    const headers = readFileSync(join(dir, '_headers'), 'utf8');
    expect(headers).toContain(`${mount}_astro/*\n  Cache-Control: public, max-age=31536000, immutable`);
    expect(headers).toContain(`${mount}rss.xml\n  Content-Type: application/rss+xml; charset=utf-8`);
    expect(readFileSync(join(dir, 'robots.txt'), 'utf8')).toContain(`\nSitemap: ${siteUrl}sitemap-index.xml\n`);
  });
});

describe('one article, one address', () => {
  it('canonical, og:url, JSON-LD url, feed item link and sitemap <loc> agree under /news', () => {
    const tree = readTree(inject('newsDir'));
    const address = 'https://example.org/news/articles/nato-chief-west-should-impose-a-cost-on-china/';
    const html = tree.get('articles/nato-chief-west-should-impose-a-cost-on-china/index.html')!.toString();
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/.exec(html)![1]!);
    const rss = parseXml(tree.get('rss.xml')!.toString()).rss.channel.item[0];
    const atom = parseXml(tree.get('atom.xml')!.toString()).feed.entry[0];
    const json = JSON.parse(tree.get('feed.json')!.toString()).items[0];
    const locs = parseXml(tree.get('sitemap-0.xml')!.toString()).urlset.url.map((u: { loc: string }) => u.loc);
    expect({
      canonical: /<link rel="canonical" href="([^"]+)">/.exec(html)?.[1],
      ogUrl: /<meta property="og:url" content="([^"]+)">/.exec(html)?.[1],
      jsonLdUrl: jsonLd.url,
      jsonLdMainEntity: jsonLd.mainEntityOfPage['@id'],
      rssLink: rss.link[0],
      rssGuid: rss.guid['#text'],
      atomId: atom.id,
      jsonFeedId: json.id,
      sitemap: locs.find((loc: string) => loc.includes('/articles/')),
    }).toEqual({
      canonical: address,
      ogUrl: address,
      jsonLdUrl: address,
      jsonLdMainEntity: address,
      rssLink: address,
      rssGuid: address,
      atomId: address,
      jsonFeedId: address,
      sitemap: address,
    });
    expect(parseXml(tree.get('sitemap-0.xml')!.toString()).urlset.url.find((u: { loc: string }) => u.loc === address).lastmod).toBe(
      '2024-06-18T04:00:00.000Z',
    );
  });
});
