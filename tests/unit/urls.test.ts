import { describe, expect, it } from 'vitest';
import { absoluteUrl, paths, withBase } from '../../src/model/urls';

describe('withBase', () => {
  it.each([
    ['/', '/', '/'],
    ['/', 'tags/', '/tags/'],
    ['/', '/tags/nato/', '/tags/nato/'],
    ['/news/', '/tags/', '/news/tags/'],
    ['/news', 'rss.xml', '/news/rss.xml'],
    ['news', '/', '/news/'],
    ['/a/b/', '//articles/x/', '/a/b/articles/x/'],
  ])('base %s + %s → %s', (base, path, expected) => {
    expect(withBase(base, path)).toBe(expected);
  });
});

describe('paths (base "/" under vitest)', () => {
  it.each([
    [paths.home(), '/'],
    [paths.article('nato-chief'), '/articles/nato-chief/'],
    [paths.tags(), '/tags/'],
    [paths.tag('jens-stoltenberg'), '/tags/jens-stoltenberg/'],
    [paths.tag('中国'), '/tags/%E4%B8%AD%E5%9B%BD/'],
    [paths.rss(), '/rss.xml'],
    [paths.pagefind(), '/pagefind/pagefind.js'],
  ])('%s is %s', (actual, expected) => {
    expect(actual).toBe(expected);
  });
});

describe('absoluteUrl', () => {
  it.each([
    ['/articles/x/', 'https://example.org', 'https://example.org/articles/x/'],
    ['/news/rss.xml', 'https://example.org/', 'https://example.org/news/rss.xml'],
    ['/news/', new URL('https://example.org'), 'https://example.org/news/'],
  ])('%s on %s', (path, site, expected) => {
    expect(absoluteUrl(path, site)).toBe(expected);
  });
});
