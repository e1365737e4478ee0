import { describe, expect, it } from 'vitest';
import { sitemapEntries } from '../../src/integrations/sitemap';

const site = new URL('https://news.example.org');
const none = new Map<string, string>();

describe('sitemapEntries', () => {
  it.each([
    ['the home page and a page, at the root', ['', 'articles/a/'], '/', ['https://news.example.org/', 'https://news.example.org/articles/a/']],
    ['under a base path, with or without its slash', ['', 'tags/nato/'], '/news', ['https://news.example.org/news/', 'https://news.example.org/news/tags/nato/']],
    ['without the error pages', ['404/', '500', 'search/'], '/', ['https://news.example.org/search/']],
    ['each address once', ['feeds/', '/feeds/'], '/', ['https://news.example.org/feeds/']],
    ['numbers by value, as @astrojs/sitemap sorts', ['page/10/', 'page/9/', 'page/1/', 'Zürich/', 'archive/'], '/', [
      'https://news.example.org/archive/',
      'https://news.example.org/page/1/',
      'https://news.example.org/page/9/',
      'https://news.example.org/page/10/',
      'https://news.example.org/Z%C3%BCrich/',
    ]],
  ])('%s', (_, pathnames, base, expected) => {
    expect(sitemapEntries(pathnames, { site, base, lastmod: none }).map((entry) => entry.url)).toEqual(expected);
  });

  it('finds the last change of an article whose address is not ASCII, however Astro spells its path', () => {
    const lastmod = new Map([['/articles/z%C3%BCrich/', '2024-06-18T13:30:00.000Z']]);
    for (const pathname of ['articles/zürich/', 'articles/z%C3%BCrich/'])
      expect(sitemapEntries([pathname], { site, base: '/', lastmod })).toEqual([{ url: 'https://news.example.org/articles/z%C3%BCrich/', lastmod: '2024-06-18T13:30:00.000Z' }]);
  });

  it("gives an article its last change, by path with the base, and a listing none", () => {
    const lastmod = new Map([['/news/articles/a/', '2024-06-18T13:30:00.000Z']]);
    expect(sitemapEntries(['articles/a/', 'tags/nato/'], { site, base: '/news/', lastmod })).toEqual([
      { url: 'https://news.example.org/news/articles/a/', lastmod: '2024-06-18T13:30:00.000Z' },
      { url: 'https://news.example.org/news/tags/nato/' },
    ]);
  });
});
